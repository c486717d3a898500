// The responses list (issue 11): one keyset page of a form's responses in scope, newest first, with the marks of its rows.
import type { Db } from '../index';
import type { Selectable } from 'kysely';
import type { ResponseListFlag } from '../../../core/protocol/responses';
import type { ResponsesTable } from '../schema';
import type { RollupFilter } from './scores';

export interface ResponseListFilter extends RollupFilter {
  enumeratorId?: string;
  procedureCode?: string;
  flag?: ResponseListFlag;
}

/** Where a page starts: strictly older than this row in (local day, completed at, id) order. */
export interface ListKey {
  localDay: string;
  completedAt: string;
  id: string;
}

const LIST_COLUMNS = [
  'id', 'site_id', 'local_day', 'mode', 'device_id', 'enumerator_id', 'procedure_code', 'started_at', 'completed_at', 'received_at',
  'flags', 'payload', 'excluded', 'excluded_note', 'excluded_by', 'excluded_at',
] as const;
export type ListRow = Pick<Selectable<ResponsesTable>, (typeof LIST_COLUMNS)[number]>;

/**
 * At most `limit` rows older than `after` (newest first). One range read of the (form, day, completed, id) index, or
 * the (site, form, day, completed, id) one when a single site is asked for; the filters narrow it.
 */
export async function listResponsePage(db: Db, f: ResponseListFilter, after: ListKey | null, limit: number): Promise<ListRow[]> {
  if (f.siteIds && f.siteIds.length === 0) return [];
  let q = db.k
    .selectFrom('responses')
    .select(LIST_COLUMNS)
    .where('form_id', '=', f.formId)
    .where('local_day', '>=', f.from)
    .where('local_day', '<=', f.to);
  if (f.siteIds) q = f.siteIds.length === 1 ? q.where('site_id', '=', f.siteIds[0] as string) : q.where('site_id', 'in', f.siteIds);
  if (f.formVersion !== undefined) q = q.where('form_version', '=', f.formVersion);
  if (f.enumeratorId !== undefined) q = q.where('enumerator_id', '=', f.enumeratorId);
  if (f.procedureCode !== undefined) q = q.where('procedure_code', '=', f.procedureCode);
  if (f.flag === 'excluded') q = q.where('excluded', 'is not', null);
  else if (f.flag === 'included') q = q.where('excluded', 'is', null);
  else if (f.flag === 'kiosk-misuse') q = q.where('flags', 'like', '%"kiosk-misuse"%');
  else if (f.flag === 'straight-lining') {
    const flag = f.flag;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('response_marks').select('response_id').whereRef('response_marks.response_id', '=', 'responses.id').where('response_marks.flag', '=', flag)),
    );
  }
  if (after) {
    const a = after;
    q = q.where((eb) => eb(eb.refTuple('local_day', 'completed_at', 'id'), '<', eb.tuple(a.localDay, a.completedAt, a.id)));
  }
  return q.orderBy('local_day', 'desc').orderBy('completed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The ingest's marks (straight-lining, kiosk misuse) of these responses. */
export async function marksOf(db: Db, ids: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (ids.length === 0) return out;
  const rows = await db.k.selectFrom('response_marks').select(['response_id', 'flag']).where('response_id', 'in', ids).execute();
  for (const r of rows) {
    let s = out.get(r.response_id);
    if (!s) out.set(r.response_id, (s = new Set()));
    s.add(r.flag);
  }
  return out;
}

/** Display names of these users (who excluded a response). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.k.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
