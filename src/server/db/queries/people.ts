// Display names of enumerators, so a breakdown by enumerator shows people rather than ids.
import type { Db } from '../index';

export async function enumeratorNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.k.selectFrom('users').select(['id', 'display_name']).where('role', '=', 'enumerator').execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The active enumerators a tablet of this site offers to pick from, with their PIN hashes (checked on the tablet). */
export function tabletEnumerators(db: Db, siteId: string): Promise<{ id: string; display_name: string; pin_hash: string | null }[]> {
  return db.k
    .selectFrom('users')
    .innerJoin('user_sites', 'user_sites.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.pin_hash'])
    .where('user_sites.site_id', '=', siteId)
    .where('users.role', '=', 'enumerator')
    .where('users.disabled', '=', 0)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}

/** One row per enumerator and site they work at (site null: none), for the ingest check of enumeratorId. */
export function enumeratorSites(db: Db): Promise<{ id: string; disabled: number; site_id: string | null }[]> {
  return db.k
    .selectFrom('users')
    .leftJoin('user_sites', 'user_sites.user_id', 'users.id')
    .select(['users.id', 'users.disabled', 'user_sites.site_id'])
    .where('users.role', '=', 'enumerator')
    .execute();
}
