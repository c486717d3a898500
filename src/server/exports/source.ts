// Reads a form's responses page by page in (local day, id) order: keyset pagination, so memory stays flat at any size.
import type { Db } from '../db/index';
import type { RollupFilter } from '../db/queries/scores';
import { sk } from '../scores/tables';

export const EXPORT_PAGE = 2_000;

export interface ExportRow {
  id: string;
  payload: string;
  site_id: string;
  local_day: string;
  device_id: string;
  enumerator_id: string | null;
  procedure_code: string | null;
  started_at: string;
  completed_at: string;
  received_at: string;
  flags: string;
}

/** Pages of at most `pageSize` rows; each page is one indexed range read that starts after the last row seen. */
export async function* responsePages(db: Db, f: RollupFilter, pageSize = EXPORT_PAGE): AsyncGenerator<ExportRow[]> {
  if (f.siteIds && f.siteIds.length === 0) return;
  let after: { day: string; id: string } | null = null;
  for (;;) {
    let q = sk(db)
      .selectFrom('responses')
      .select(['id', 'payload', 'site_id', 'local_day', 'device_id', 'enumerator_id', 'procedure_code', 'started_at', 'completed_at', 'received_at', 'flags'])
      .where('form_id', '=', f.formId)
      .where('local_day', '>=', f.from)
      .where('local_day', '<=', f.to);
    if (f.siteIds) q = q.where('site_id', 'in', f.siteIds);
    if (f.formVersion !== undefined) q = q.where('form_version', '=', f.formVersion);
    if (after) {
      const a: { day: string; id: string } = after;
      q = q.where((eb) => eb(eb.refTuple('local_day', 'id'), '>', eb.tuple(a.day, a.id)));
    }
    const rows: ExportRow[] = await q.orderBy('local_day').orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1] as ExportRow;
    after = { day: last.local_day, id: last.id };
  }
}
