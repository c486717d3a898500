// Web sessions of supervisors and admins: the cookie holds a random token, the table only its hash.
import type { Db } from '../index';
import type { User } from '../schema';

export async function createSession(db: Db, s: { idHash: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  await db.k
    .insertInto('sessions')
    .values({ id: s.idHash, user_id: s.userId, created_at: s.now.toISOString(), expires_at: s.expiresAt.toISOString() })
    .execute();
}

/** The live session's user, or undefined when unknown, expired or the user is disabled. */
export async function sessionUser(db: Db, idHash: string, now: Date): Promise<{ user: User; expiresAt: string } | undefined> {
  const row = await db.k
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.expires_at as session_expires_at')
    .where('sessions.id', '=', idHash)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_expires_at, ...user } = row;
  return { user, expiresAt: session_expires_at };
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.k.deleteFrom('sessions').where('id', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.k.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}

/** Ends a person's web sessions (disabled, or a new password), but the one named in `except` (their own, when they change it themself). */
export async function deleteUserSessions(db: Db, userId: string, except?: string): Promise<void> {
  let q = db.k.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}
