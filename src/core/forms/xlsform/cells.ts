// An XLSX library's cell value as a plain cell: rich text joined, a formula as its result, a link as its text.
// Pure, so the server and (one day) the browser turn a parsed workbook into the reader's input the same way.
import type { Cell } from './types';

/** Flattens exceljs-style cell values; a date becomes its ISO day, an error cell its code ("#N/A"). */
export function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: unknown }[]; result?: unknown; formula?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.text && typeof v.text === 'object') return cellValue(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return null;
}
