// The Excel export: data, codebook and summary sheets (and an interview form's refusals) written with exceljs's
// streaming writer, so memory stays flat.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { codebookHeader, codebookRows } from '../../core/export/columns';
import type { ExportLocale } from '../../core/export/labels';
import type { Cell } from '../../core/export/rows';
import { kioskSummaryRows, summaryHeader, summaryRows } from '../../core/export/summary';
import type { FormDefinition } from '../../core/forms/schema';
import type { ScoreReport } from '../scores/report';
import type { ExportProgress } from './csv';
import type { RefusalSheet } from './refusal-rows';
import type { ExportSource } from './rows';

const SHEET_NAMES: Record<ExportLocale, { data: string; codebook: string; summary: string; refusals: string }> = {
  vi: { data: 'Dữ liệu', codebook: 'Mã hóa', summary: 'Tổng hợp', refusals: 'Lượt từ chối' },
  en: { data: 'Data', codebook: 'Codebook', summary: 'Summary', refusals: 'Refusals' },
};

const ABOUT: Record<ExportLocale, { form: string; period: string; sites: string; responses: string; refusals: string; exported: string }> = {
  vi: { form: 'Biểu mẫu', period: 'Thời gian', sites: 'Đơn vị', responses: 'Số phiếu', refusals: 'Số lượt từ chối', exported: 'Xuất lúc' },
  en: { form: 'Form', period: 'Period', sites: 'Sites', responses: 'Responses', refusals: 'Refusals', exported: 'Exported at' },
};

export interface XlsxMeta {
  form: FormDefinition;
  locale: ExportLocale;
  period: { from: string; to: string };
  siteList: string;
  report: ScoreReport;
  exportedAt: string;
  /** An interview form's refusals in the same filter; null for a kiosk form, which asks nobody. */
  refusals: RefusalSheet | null;
}

/** Waits until `out` has room, so a slow download holds the database reads back instead of filling memory. */
function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) return new Promise((r) => setImmediate(r));
  return new Promise((resolve, reject) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', fail);
      resolve();
    };
    const fail = (e: Error) => {
      out.off('drain', done);
      out.off('close', done);
      reject(e);
    };
    out.on('drain', done);
    out.on('close', done);
    out.once('error', fail);
  });
}

/**
 * exceljs writes a sheet's XML into the zip compressor without heeding backpressure (its StreamBuf pipes
 * every chunk on regardless), so when deflate is slower than the rows come, the compressor's input queue
 * grows with the whole uncompressed sheet. Wait while more than ~1 MB is queued there.
 * (Reads internal fields; if exceljs changes them, this just stops throttling.)
 */
async function sheetCaughtUp(sheet: ExcelJS.Worksheet, maxBytes = 4 << 20): Promise<void> {
  // The pipe is an old readable-stream PassThrough: its queue length lives in _writableState, not writableLength.
  type Pipe = { writableLength?: number; _writableState?: { length?: number }; once(ev: 'drain', f: () => void): unknown };
  const s = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream;
  for (const p of s?.pipes ?? []) {
    const queued = p.writableLength ?? p._writableState?.length ?? 0;
    // 'drain' comes when the queue is empty again; the compressor then has the next page to work on.
    if (queued > maxBytes) await new Promise<void>((resolve) => p.once('drain', resolve));
  }
}

function commitRow(sheet: ExcelJS.Worksheet, cells: readonly Cell[], bold = false): void {
  const row = sheet.addRow(cells as Cell[]);
  if (bold) row.font = { bold: true };
  row.commit();
}

export async function writeXlsx(out: Writable, header: readonly string[], source: ExportSource, meta: XlsxMeta, progress: ExportProgress = { rows: 0 }): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Hài Lòng';
  wb.created = new Date(meta.exportedAt);
  const names = SHEET_NAMES[meta.locale];

  const data = wb.addWorksheet(names.data, { views: [{ state: 'frozen', ySplit: 1 }] });
  commitRow(data, header, true);
  for await (const page of source.pages()) {
    for (const row of page) data.addRow(source.encode(row)).commit();
    progress.rows += page.length;
    await sheetCaughtUp(data);
    await drained(out);
  }
  data.commit();

  const codebook = wb.addWorksheet(names.codebook);
  commitRow(codebook, codebookHeader(meta.locale), true);
  for (const r of codebookRows(meta.form, meta.locale)) commitRow(codebook, r);
  codebook.commit();

  if (meta.refusals) {
    const sheet = wb.addWorksheet(names.refusals, { views: [{ state: 'frozen', ySplit: 1 }] });
    commitRow(sheet, meta.refusals.header, true);
    for (const r of meta.refusals.rows) commitRow(sheet, r);
    sheet.commit();
  }

  const summary = wb.addWorksheet(names.summary);
  const about = ABOUT[meta.locale];
  const title = meta.form.title[meta.locale] ?? meta.form.title.vi;
  commitRow(summary, [about.form, `${meta.form.id} v${meta.form.version}`, title]);
  commitRow(summary, [about.period, meta.period.from, meta.period.to]);
  commitRow(summary, [about.sites, meta.siteList]);
  commitRow(summary, [about.responses, meta.report.responses]);
  if (meta.refusals) commitRow(summary, [about.refusals, meta.refusals.rows.length]);
  commitRow(summary, [about.exported, meta.exportedAt]);
  commitRow(summary, []);
  commitRow(summary, summaryHeader(meta.locale), true);
  const rows = meta.report.index ? summaryRows(meta.report.index, meta.locale) : meta.report.kiosk ? kioskSummaryRows(meta.report.kiosk, meta.locale) : [];
  for (const r of rows) {
    const row = summary.addRow(r);
    for (const col of [4, 6, 7]) row.getCell(col).numFmt = '0.00';
    row.commit();
  }
  summary.commit();
  await wb.commit();
  return progress.rows;
}
