// Keyset pages of a form's responses in (local day, id) order: the one walk exports and quality flags share, so memory stays flat at any size.
import type { Db } from '../index';
import type { ResponsesTable } from '../schema';
import type { RollupFilter } from './scores';

export type ResponseColumn = keyof ResponsesTable & string;

/**
 * Pages of at most `pageSize` rows holding `columns` (which must include id and local_day, the page key);
 * each page is one indexed range read that starts after the last row seen.
 */
export async function* keysetResponsePages<C extends ResponseColumn>(
  db: Db,
  f: RollupFilter,
  columns: readonly ('id' | 'local_day' | C)[],
  pageSize: number,
): AsyncGenerator<Pick<ResponsesTable, 'id' | 'local_day' | C>[]> {
  type Row = Pick<ResponsesTable, 'id' | 'local_day' | C>;
  if (f.siteIds && f.siteIds.length === 0) return;
  let after: { day: string; id: string } | null = null;
  for (;;) {
    let q = db.k
      .selectFrom('responses')
      .select(columns)
      .where('form_id', '=', f.formId)
      .where('local_day', '>=', f.from)
      .where('local_day', '<=', f.to);
    if (f.siteIds) q = q.where('site_id', 'in', f.siteIds);
    if (f.formVersion !== undefined) q = q.where('form_version', '=', f.formVersion);
    if (after) {
      const a: { day: string; id: string } = after;
      q = q.where((eb) => eb(eb.refTuple('local_day', 'id'), '>', eb.tuple(a.day, a.id)));
    }
    // Kysely cannot narrow a generic column list; the rows are exactly the selected columns.
    const rows = (await q.orderBy('local_day').orderBy('id').limit(pageSize).execute()) as unknown as Row[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1] as Row;
    after = { day: last.local_day, id: last.id };
  }
}
