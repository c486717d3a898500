// Reads a form's responses page by page in (local day, id) order: keyset pagination, so memory stays flat at any size.
import type { Db } from '../db/index';
import { keysetResponsePages } from '../db/queries/response-pages';
import type { RollupFilter } from '../db/queries/scores';
import type { Selectable } from 'kysely';
import type { ResponsesTable } from '../db/schema';

const EXPORT_PAGE = 500;

const EXPORT_COLUMNS = ['id', 'payload', 'site_id', 'local_day', 'device_id', 'enumerator_id', 'procedure_code', 'started_at', 'completed_at', 'received_at', 'flags', 'excluded'] as const;

export type ExportRow = Pick<Selectable<ResponsesTable>, (typeof EXPORT_COLUMNS)[number]>;

/** Pages of at most `pageSize` rows; each page is one indexed range read that starts after the last row seen. */
export function responsePages(db: Db, f: RollupFilter, pageSize = EXPORT_PAGE): AsyncGenerator<ExportRow[]> {
  // keysetResponsePages types rows by the table's insert-side column types; read rows hold the selected values (excluded: text or null).
  return keysetResponsePages(db, f, EXPORT_COLUMNS, pageSize) as unknown as AsyncGenerator<ExportRow[]>;
}
