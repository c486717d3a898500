// People: admins, supervisors (web login, site scope) and enumerators (picked on an enrolled tablet).
import type { Role } from '../../../core/protocol/sessions';
import { newResponseId as newId } from '../../../core/response/id';
import type { Db } from '../index';
import type { User } from '../schema';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string | null;
  pinHash?: string | null;
  siteIds?: readonly string[];
}

export async function createUser(db: Db, input: NewUser, now: Date): Promise<User> {
  const user: User = {
    id: newId(),
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: input.passwordHash,
    pin_hash: input.pinHash ?? null,
    disabled: 0,
    created_at: now.toISOString(),
  };
  await db.k.transaction().execute(async (tx) => {
    await tx.insertInto('users').values(user).execute();
    if (input.siteIds?.length) await tx.insertInto('user_sites').values(input.siteIds.map((site_id) => ({ user_id: user.id, site_id }))).execute();
  });
  return user;
}

export function getUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.k.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function userSiteIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.k.selectFrom('user_sites').select('site_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.site_id);
}

export function listUsers(db: Db): Promise<User[]> {
  return db.k.selectFrom('users').selectAll().orderBy('username').execute();
}
