// Quality flags the ingest marked (straight-lining, kiosk misuse), read back for the flags of a form, period and set of sites.
import type { Db } from '../index';
import type { ResponseMark } from '../schema';
import type { RollupFilter } from './scores';

export async function listResponseMarks(db: Db, f: RollupFilter): Promise<Pick<ResponseMark, 'response_id' | 'flag'>[]> {
  if (f.siteIds && f.siteIds.length === 0) return [];
  let q = db.k
    .selectFrom('response_marks')
    .select(['response_id', 'flag'])
    .where('form_id', '=', f.formId)
    .where('local_day', '>=', f.from)
    .where('local_day', '<=', f.to);
  if (f.siteIds) q = q.where('site_id', 'in', f.siteIds);
  return q.execute();
}
