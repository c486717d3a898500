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

export function getUser(db: Db, id: string): Promise<User | undefined> {
  return db.k.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Each person's site ids (empty for someone with none), for the given people. */
export async function sitesOfUsers(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(userIds.map((id) => [id, []]));
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db.k.selectFrom('user_sites').select(['user_id', 'site_id']).where('user_id', 'in', userIds.slice(i, i + 500)).orderBy('site_id').execute();
    for (const r of rows) out.get(r.user_id)?.push(r.site_id);
  }
  return out;
}

export interface PeopleFilter {
  role?: Role;
  /** Only people working at this site. */
  siteId?: string;
  /** A supervisor's view: themself, and the enumerators of these sites. */
  scope?: { selfId: string; siteIds: readonly string[] };
}

export function listPeople(db: Db, f: PeopleFilter): Promise<User[]> {
  let q = db.k.selectFrom('users').selectAll().orderBy('role').orderBy('username');
  if (f.role) q = q.where('role', '=', f.role);
  if (f.siteId !== undefined) {
    const siteId = f.siteId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('user_sites').select('user_id').where('site_id', '=', siteId));
  }
  if (f.scope) {
    const { selfId, siteIds } = f.scope;
    q = q.where((eb) =>
      eb.or([
        eb('id', '=', selfId),
        siteIds.length
          ? eb.and([eb('role', '=', 'enumerator'), eb('id', 'in', eb.selectFrom('user_sites').select('user_id').where('site_id', 'in', siteIds))])
          : eb.val(false),
      ]),
    );
  }
  return q.execute();
}

export interface UserChanges {
  displayName?: string;
  passwordHash?: string;
  pinHash?: string | null;
  disabled?: boolean;
  /** Replaces the person's sites. */
  siteIds?: readonly string[];
}

/** Changes the fields given in one transaction. */
export async function updateUser(db: Db, id: string, c: UserChanges): Promise<void> {
  await db.k.transaction().execute(async (tx) => {
    const set = {
      ...(c.displayName !== undefined ? { display_name: c.displayName } : {}),
      ...(c.passwordHash !== undefined ? { password_hash: c.passwordHash } : {}),
      ...(c.pinHash !== undefined ? { pin_hash: c.pinHash } : {}),
      ...(c.disabled !== undefined ? { disabled: c.disabled ? 1 : 0 } : {}),
    };
    if (Object.keys(set).length) await tx.updateTable('users').set(set).where('id', '=', id).execute();
    if (c.siteIds) {
      await tx.deleteFrom('user_sites').where('user_id', '=', id).execute();
      if (c.siteIds.length) await tx.insertInto('user_sites').values(c.siteIds.map((site_id) => ({ user_id: id, site_id }))).execute();
    }
  });
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db.k.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).where('role', '=', 'admin').where('disabled', '=', 0).executeTakeFirst();
  return Number(row?.n ?? 0);
}
