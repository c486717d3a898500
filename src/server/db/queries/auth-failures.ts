// Failed sign-ins and enrolment codes, one row per failure and counter, shared by every endpoint process.
import type { Db } from '../index';
import type { FailureScope } from '../schema';

export interface FailureCount {
  count: number;
  /** ISO times of the oldest and newest failure in the window, or null when there is none. */
  oldest: string | null;
  newest: string | null;
}

/** The failures of one counter since `since` (ISO). */
export async function countFailures(db: Db, scope: FailureScope, keyHash: string, since: string): Promise<FailureCount> {
  const row = await db.k
    .selectFrom('auth_failures')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('at').as('oldest'), eb.fn.max('at').as('newest')])
    .where('scope', '=', scope)
    .where('key_hash', '=', keyHash)
    .where('at', '>', since)
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null, newest: row?.newest ?? null };
}

/** One failure in each of the given counters; failures older than `expireBefore` are deleted in the same transaction. */
export async function recordFailure(db: Db, counters: readonly { scope: FailureScope; keyHash: string }[], at: string, expireBefore: string): Promise<void> {
  await db.k.transaction().execute(async (tx) => {
    await tx.deleteFrom('auth_failures').where('at', '<=', expireBefore).execute();
    await tx
      .insertInto('auth_failures')
      .values(counters.map((c) => ({ scope: c.scope, key_hash: c.keyHash, at })))
      .execute();
  });
}

/** Forgets a counter's failures (after the right password). */
export async function clearFailures(db: Db, scope: FailureScope, keyHash: string): Promise<void> {
  await db.k.deleteFrom('auth_failures').where('scope', '=', scope).where('key_hash', '=', keyHash).execute();
}
