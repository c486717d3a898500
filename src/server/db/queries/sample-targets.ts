// Sample targets: N per site and exact period, read for the dashboard and the report, and changed with its audit row
// (the value before and after) in one transaction.
import type { Db } from '../index';
import type { SampleTargetRow } from '../schema';
import { auditRow } from './audit';

export type StoredTarget = SampleTargetRow & { updated_by_name: string | null };

/** The stored N of the sites (every site when undefined) for exactly the period from–to. */
export function targetsFor(db: Db, siteIds: readonly string[] | undefined, from: string, to: string): Promise<StoredTarget[]> {
  if (siteIds && siteIds.length === 0) return Promise.resolve([]);
  let q = db.k
    .selectFrom('sample_targets as t')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .selectAll('t')
    .select('u.display_name as updated_by_name')
    .where('t.period_from', '=', from)
    .where('t.period_to', '=', to);
  if (siteIds) q = q.where('t.site_id', 'in', siteIds);
  return q.orderBy('t.site_id').execute();
}

interface TargetChange {
  siteId: string;
  from: string;
  to: string;
  /** The user id and username of who changes it. */
  by: { id: string; username: string };
}

/** Sets N (insert or replace) and logs the change with the value it had; answers that value (null when there was none). */
export async function saveTarget(db: Db, c: TargetChange, population: number, now: Date): Promise<number | null> {
  return db.k.transaction().execute(async (t) => {
    const before = await t
      .selectFrom('sample_targets')
      .select('population')
      .where('site_id', '=', c.siteId)
      .where('period_from', '=', c.from)
      .where('period_to', '=', c.to)
      .executeTakeFirst();
    const values = { population, updated_at: now.toISOString(), updated_by: c.by.id };
    await t
      .insertInto('sample_targets')
      .values({ site_id: c.siteId, period_from: c.from, period_to: c.to, ...values })
      .onConflict((oc) => oc.columns(['site_id', 'period_from', 'period_to']).doUpdateSet(values))
      .execute();
    const old = before?.population ?? null;
    await t.insertInto('audit_log').values(auditRow({ actor: c.by.username, action: 'target.set', siteId: c.siteId, details: { from: c.from, to: c.to, before: old, after: population } }, now)).execute();
    return old;
  });
}

/** Clears N and logs it when there was one; answers the value it had (null: nothing was stored, nothing logged). */
export async function clearTarget(db: Db, c: TargetChange, now: Date): Promise<number | null> {
  return db.k.transaction().execute(async (t) => {
    const gone = await t
      .deleteFrom('sample_targets')
      .where('site_id', '=', c.siteId)
      .where('period_from', '=', c.from)
      .where('period_to', '=', c.to)
      .returning('population')
      .executeTakeFirst();
    if (!gone) return null;
    await t.insertInto('audit_log').values(auditRow({ actor: c.by.username, action: 'target.clear', siteId: c.siteId, details: { from: c.from, to: c.to, before: gone.population, after: null } }, now)).execute();
    return gone.population;
  });
}
