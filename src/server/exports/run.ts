// One export from filter to bytes: the summary figures, the keyset-paged rows and the CSV or XLSX writer, for the route and the benchmark alike.
import type { Writable } from 'node:stream';
import type { ExportLocale } from '../../core/export/labels';
import type { FormDefinition } from '../../core/forms/schema';
import type { Db } from '../db/index';
import { sumRollup, type RollupFilter } from '../db/queries/scores';
import type { Site } from '../db/schema';
import { reportFromSums, type ScoreReport } from '../scores/report';
import { writeCsv, type ExportProgress } from './csv';
import { refusalSheet } from './refusal-rows';
import { exportFileHeader, exportSource } from './rows';
import { writeXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx';

export interface PreparedExport {
  /** Rows the export will hold, from the rollup (known before the first byte). */
  rows: number;
  report: ScoreReport;
  /** Streams the file into `out`; resolves with the rows written. */
  write(out: Writable, progress?: ExportProgress): Promise<number>;
}

export async function prepareExport(
  db: Db,
  o: { form: FormDefinition; filter: RollupFilter; sites: readonly Site[]; allSites: boolean; format: ExportFormat; lang: ExportLocale; values?: 'codes' | 'labels'; now: Date },
): Promise<PreparedExport> {
  const report = reportFromSums(o.form, await sumRollup(db, o.filter, 'none'));
  const source = await exportSource(db, o.form, o.filter, o.sites, o.values === 'labels' ? { values: 'labels', lang: o.lang } : { values: 'codes' });
  const header = exportFileHeader(o.form, o.lang);
  const siteList = o.allSites ? (o.lang === 'vi' ? 'Tất cả' : 'All') : o.sites.map((s) => s.code).join(', ');
  // A workbook has room for the refusals beside the responses; a CSV is one table (the response rate has the counts).
  const refusals = o.format === 'xlsx' && o.form.kind === 'interview' ? await refusalSheet(db, o.filter, o.sites, o.lang) : null;
  return {
    rows: report.responses,
    report,
    write: (out, progress = { rows: 0 }) =>
      o.format === 'csv'
        ? writeCsv(out, header, source, progress)
        : writeXlsx(out, header, source, { form: o.form, locale: o.lang, period: o.filter, siteList, report, exportedAt: o.now.toISOString(), refusals }, progress),
  };
}
