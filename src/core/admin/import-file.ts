// The people import's file as tables: a workbook's "sites" and "people" sheets, or one CSV table whose "sheet" column
// says which each row is; headers checked, blank and comment rows skipped, every row keeping the number a person sees.
import type { FieldError } from '../protocol/problems';
import { IMPORT_COLUMNS, MAX_PEOPLE_IMPORT_ROWS, type ImportSheet } from '../protocol/people-import';
import type { ImportTables, TableRow } from './people-import';

type RawCell = string | number | boolean | null | undefined;

/** A row as a reader found it: its number in the sheet or file (1-based) and its cells from column A on. */
export interface RawRow {
  row: number;
  cells: readonly RawCell[];
}

export type TablesResult = { ok: true; tables: ImportTables } | { ok: false; tooMany: number } | { ok: false; errors: FieldError[] };

const SHEETS = ['sites', 'people'] as const satisfies readonly ImportSheet[];
/** The template's own sheet of explanations: read by people, never by the import. */
const NOTES_SHEET = 'notes';
/** A CSV row whose first cell starts with this is a note (the template's first rows explain the columns). */
const COMMENT = '#';

const text = (c: RawCell): string => (c === null || c === undefined ? '' : String(c).trim());
const blank = (cells: readonly RawCell[]) => cells.every((c) => text(c) === '');
const header = (c: RawCell) => text(c).toLowerCase();

/** The header row's columns → their index; a missing or repeated column is an error at `where`. */
function readHeader(cells: readonly RawCell[], wanted: readonly string[], where: string, errors: FieldError[]): Map<string, number> | null {
  const at = new Map<string, number>();
  let ok = true;
  cells.forEach((c, i) => {
    const h = header(c);
    if (!h) return;
    if (at.has(h)) {
      errors.push({ path: where, message: `the column "${h}" appears twice` });
      ok = false;
    }
    at.set(h, i);
  });
  const missing = wanted.filter((w) => !at.has(w));
  if (missing.length) {
    errors.push({ path: where, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} in the header row (the template's first row)` });
    ok = false;
  }
  return ok ? at : null;
}

function rowOf(raw: RawRow, at: Map<string, number>, columns: readonly string[], others: readonly string[] = []): TableRow {
  const cells: Record<string, string> = {};
  for (const c of columns) cells[c] = text(raw.cells[at.get(c)!]);
  const stray = others.filter((c) => text(raw.cells[at.get(c)!]) !== '');
  return stray.length ? { row: raw.row, cells, stray } : { row: raw.row, cells };
}

function finish(tables: ImportTables, errors: FieldError[]): TablesResult {
  if (errors.length) return { ok: false, errors };
  const n = tables.sites.length + tables.people.length;
  if (n === 0) return { ok: false, errors: [{ path: '(file)', message: 'the file has no rows of sites or people under the header' }] };
  if (n > MAX_PEOPLE_IMPORT_ROWS) return { ok: false, tooMany: n };
  return { ok: true, tables };
}

/** A workbook (sheet name → rows) as the import's tables: sheets "sites" and "people", either may be left out. */
export function tablesFromWorkbook(sheets: Readonly<Record<string, readonly RawRow[]>>): TablesResult {
  const errors: FieldError[] = [];
  const found: Partial<Record<ImportSheet, readonly RawRow[]>> = {};
  for (const [name, rows] of Object.entries(sheets)) {
    const key = name.trim().toLowerCase();
    if ((SHEETS as readonly string[]).includes(key)) found[key as ImportSheet] = rows;
    else if (key !== NOTES_SHEET && rows.some((r) => !blank(r.cells))) {
      errors.push({ path: name, message: `unknown sheet "${name}": the import reads the sheets "sites" and "people" (and ignores "notes")` });
    }
  }
  if (!found.sites && !found.people) {
    errors.push({ path: '(file)', message: `no sheet named "sites" or "people" (sheets: ${Object.keys(sheets).map((s) => `"${s}"`).join(', ') || 'none'})` });
  }
  const tables: Record<ImportSheet, TableRow[]> = { sites: [], people: [] };
  let count = 0;
  for (const sheet of SHEETS) {
    const rows = (found[sheet] ?? []).filter((r) => !blank(r.cells));
    if (!rows.length) continue;
    count += rows.length - 1;
    if (count > MAX_PEOPLE_IMPORT_ROWS) return { ok: false, tooMany: count };
    const at = readHeader(rows[0].cells, IMPORT_COLUMNS[sheet], `${sheet}!${rows[0].row}`, errors);
    if (at) tables[sheet] = rows.slice(1).map((r) => rowOf(r, at, IMPORT_COLUMNS[sheet]));
  }
  return finish(tables, errors);
}

/** One CSV table as the import's tables: a column "sheet" (sites or people) and the columns of both sheets. */
export function tablesFromCsv(records: readonly RawRow[]): TablesResult {
  const errors: FieldError[] = [];
  const rows = records.filter((r) => !blank(r.cells) && !text(r.cells[0]).startsWith(COMMENT));
  if (!rows.length) return finish({ sites: [], people: [] }, errors);
  if (rows.length - 1 > MAX_PEOPLE_IMPORT_ROWS) return { ok: false, tooMany: rows.length - 1 };
  const at = readHeader(rows[0].cells, ['sheet', ...IMPORT_COLUMNS.sites, ...IMPORT_COLUMNS.people], `row ${rows[0].row}`, errors);
  if (!at) return { ok: false, errors };
  const tables: Record<ImportSheet, TableRow[]> = { sites: [], people: [] };
  for (const r of rows.slice(1)) {
    const sheet = text(r.cells[at.get('sheet')!]).toLowerCase();
    if (sheet === 'sites') tables.sites.push(rowOf(r, at, IMPORT_COLUMNS.sites, IMPORT_COLUMNS.people));
    else if (sheet === 'people') tables.people.push(rowOf(r, at, IMPORT_COLUMNS.people, IMPORT_COLUMNS.sites));
    else if (errors.length < 20) errors.push({ path: `row ${r.row}`, message: `the column "sheet" must say sites or people${sheet ? `, not "${sheet}"` : ''}` });
  }
  return finish(tables, errors);
}

/**
 * RFC 4180 CSV (quotes, doubled quotes, CRLF or LF) → records numbered as a spreadsheet shows them. The delimiter is
 * the header's: Excel saves ";" where the decimal mark is a comma (vi-VN), "," elsewhere, and tabs from a paste.
 */
export function parseCsv(source: string): { ok: true; records: RawRow[] } | { ok: false; error: FieldError } {
  const s = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // The header's line: the first that is neither blank nor a note (a note's commas say nothing of the delimiter).
  const headerLine = s.split(/\r?\n/, 50).find((l) => l.trim() !== '' && !/^"?#/.test(l)) ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const records: RawRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let startLine = 1;
  let line = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(field);
    records.push({ row: records.length + 1, cells });
    cells = [];
    field = '';
  };
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      startLine = line;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) return { ok: false, error: { path: `line ${startLine}`, message: 'a quoted cell is never closed (a " is missing)' } };
  if (field !== '' || cells.length) endRecord();
  return { ok: true, records };
}
