// Refusals stored exactly once (INSERT … ON CONFLICT (id) DO NOTHING, then the stored hash tells duplicate from
// conflict), and the counts the response rate divides: interviews and refusals per site and enumerator.
import type { RollupFilter } from './scores';
import type { Insertable } from 'kysely';
import type { Db } from '../index';
import type { RefusalsTable } from '../schema';

export type RefusalRow = Required<Insertable<RefusalsTable>>;

/**
 * Inserts the rows (ids must be distinct) in one statement, so all of them or none. For each row: null when it was
 * stored now, otherwise the payload hash of the row already stored under its id. Never a read before the write.
 */
export async function insertRefusals(db: Db, rows: readonly RefusalRow[]): Promise<(string | null)[]> {
  if (rows.length === 0) return [];
  // Every batch locks ids in the same (sorted) order, so two overlapping batches cannot deadlock each other.
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const inserted = await db.k
    .insertInto('refusals')
    .values(sorted)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  const ids = new Set(inserted.map((r) => r.id));
  const missing = rows.filter((r) => !ids.has(r.id)).map((r) => r.id);
  // The rows that stopped ours are committed (ON CONFLICT waited for them), so this read sees them.
  const stored = missing.length
    ? new Map((await db.k.selectFrom('refusals').select(['id', 'payload_hash']).where('id', 'in', missing).execute()).map((r) => [r.id, r.payload_hash]))
    : new Map<string, string>();
  return rows.map((r) => (ids.has(r.id) ? null : (stored.get(r.id) ?? '')));
}

export function getStoredRefusal(db: Db, id: string) {
  return db.k.selectFrom('refusals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countRefusals(db: Db): Promise<number> {
  const row = await db.k.selectFrom('refusals').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface InterviewCount {
  site_id: string;
  enumerator_id: string | null;
  n: number;
}

export interface RefusalCount {
  site_id: string;
  enumerator_id: string;
  reason: string;
  n: number;
}

/** Interviews stored and counted in the scores (not excluded), by site and enumerator; kiosk ratings are no interviews. */
export async function countInterviews(db: Db, f: RollupFilter): Promise<InterviewCount[]> {
  if (f.siteIds?.length === 0) return [];
  let q = db.k
    .selectFrom('responses')
    .select((eb) => ['site_id', 'enumerator_id', eb.fn.countAll<string | number>().as('n')])
    .where('form_id', '=', f.formId)
    .where('local_day', '>=', f.from)
    .where('local_day', '<=', f.to)
    .where('mode', '=', 'interview')
    .where('excluded', 'is', null);
  if (f.formVersion !== undefined) q = q.where('form_version', '=', f.formVersion);
  if (f.siteIds) q = q.where('site_id', 'in', f.siteIds);
  const rows = await q.groupBy(['site_id', 'enumerator_id']).execute();
  return rows.map((r) => ({ site_id: r.site_id, enumerator_id: r.enumerator_id, n: Number(r.n) }));
}

/** Refusals by site, enumerator and reason. */
export async function countRefusalsBy(db: Db, f: RollupFilter): Promise<RefusalCount[]> {
  if (f.siteIds?.length === 0) return [];
  let q = db.k
    .selectFrom('refusals')
    .select((eb) => ['site_id', 'enumerator_id', 'reason', eb.fn.countAll<string | number>().as('n')])
    .where('form_id', '=', f.formId)
    .where('local_day', '>=', f.from)
    .where('local_day', '<=', f.to);
  if (f.formVersion !== undefined) q = q.where('form_version', '=', f.formVersion);
  if (f.siteIds) q = q.where('site_id', 'in', f.siteIds);
  const rows = await q.groupBy(['site_id', 'enumerator_id', 'reason']).execute();
  return rows.map((r) => ({ site_id: r.site_id, enumerator_id: r.enumerator_id, reason: r.reason, n: Number(r.n) }));
}

export type RefusalListRow = Pick<RefusalsTable, 'id' | 'form_version' | 'site_id' | 'device_id' | 'enumerator_id' | 'reason' | 'occurred_at' | 'local_day'>;

/** The refusals of a form, period and sites, by day and time: a day's or a month's are hundreds, read at once. */
export async function listRefusals(db: Db, f: RollupFilter): Promise<RefusalListRow[]> {
  if (f.siteIds?.length === 0) return [];
  let q = db.k
    .selectFrom('refusals')
    .select(['id', 'form_version', 'site_id', 'device_id', 'enumerator_id', 'reason', 'occurred_at', 'local_day'])
    .where('form_id', '=', f.formId)
    .where('local_day', '>=', f.from)
    .where('local_day', '<=', f.to);
  if (f.formVersion !== undefined) q = q.where('form_version', '=', f.formVersion);
  if (f.siteIds) q = q.where('site_id', 'in', f.siteIds);
  return q.orderBy('local_day').orderBy('occurred_at').orderBy('id').execute();
}
