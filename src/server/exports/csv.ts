// The CSV export: UTF-8 with a BOM so Excel shows Vietnamese, header in the user's language, streamed page by page.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { neutralizeCell } from '../../core/export/neutralize';
import type { Cell } from '../../core/export/rows';
import type { ExportSource } from './rows';

export interface ExportProgress {
  rows: number;
}

// A CSV cell carries no type, so text a spreadsheet would evaluate gets its quote here; the XLSX writer types it as text instead.
const csvSafe = (c: Cell): Cell => (typeof c === 'string' ? neutralizeCell(c) : c);

/** Streams header + rows into `out`; resolves with the number of data rows once all is written. */
export async function writeCsv(out: Writable, header: readonly string[], source: ExportSource, progress: ExportProgress = { rows: 0 }): Promise<number> {
  async function* records(): AsyncGenerator<Cell[]> {
    yield header.map(neutralizeCell);
    for await (const page of source.pages()) {
      for (const row of page) yield source.encode(row).map(csvSafe);
      progress.rows += page.length;
    }
  }
  await pipeline(Readable.from(records()), stringify({ bom: true, record_delimiter: 'windows' }), out);
  return progress.rows;
}
