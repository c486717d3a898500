// Reading one sheet the way XLSForm tools do: the first row names the columns ("Label", "label::Tiếng Việt (vi)", "label:vi"
// all work), cells are trimmed NFC text, and every value keeps the address a person can find in the spreadsheet.
import type { Cell, SheetRow, XlsFormCode, XlsFormProblem } from './types';

/** Where a problem is: enough for "sheet survey, row 17, column relevant (H17)". */
export type Place = Pick<XlsFormProblem, 'sheet' | 'row' | 'column' | 'cell'>;

/** Errors and warnings as they are found: the reader goes on after an error so a person sees them all at once. */
export class Problems {
  readonly errors: XlsFormProblem[] = [];
  readonly warnings: XlsFormProblem[] = [];
  error(code: XlsFormCode, place: Place, params: XlsFormProblem['params'] = {}): void {
    this.errors.push({ code, ...place, params });
  }
  warn(code: XlsFormCode, place: Place, params: XlsFormProblem['params'] = {}): void {
    this.warnings.push({ code, ...place, params });
  }
}

/** A cell as text: trimmed, in NFC (Vietnamese typed with a decomposed-accent keyboard setting looks right but compares wrong). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return cell.trim().normalize('NFC');
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** pyxform's header normalisation: spaces collapse to "_", case is ignored. */
export function snakeCase(s: string): string {
  return s.trim().split(/\s+/).join('_').toLowerCase();
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  'tiếng anh': 'en',
  vietnamese: 'vi',
  'tiếng việt': 'vi',
  'tieng viet': 'vi',
};
const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/**
 * The language code of a header suffix or a default_language value: "vi", "Tiếng Việt (vi)",
 * "English (en)", or a plain "English" / "Vietnamese"; null when no code can be read from it.
 */
export function languageCode(suffix: string): string | null {
  const s = suffix.trim().normalize('NFC');
  const inParens = /\(([^()]+)\)\s*$/.exec(s);
  const candidate = inParens ? inParens[1].trim() : s;
  if (LANGUAGE_CODE.test(candidate)) {
    const [primary, ...rest] = candidate.split('-');
    return [primary.toLowerCase(), ...rest].join('-');
  }
  return LANGUAGE_NAMES[s.toLowerCase()] ?? null;
}

export interface ColumnSpec {
  /** Columns this reader understands. */
  supported: readonly string[];
  /** Of those, the ones that take a language ("label::vi"). */
  translatable?: readonly string[];
  /** XLSForm columns we know and do not support: a value in one is refused, row by row. */
  unsupported?: readonly string[];
  /** Other spellings people write (pyxform's aliases). */
  aliases?: Readonly<Record<string, string>>;
  /** Columns that must be present. */
  required?: readonly string[];
}

export interface Column {
  index: number;
  /** As written in the file. */
  header: string;
  field: string;
  /** Language code; '' when the header names none (the form's default language). */
  lang: string;
  supported: boolean;
}

/** XLSForm header prefixes that carry behaviour we do not support ("bind::jr:preload", "instance::foo"). */
const UNSUPPORTED_PREFIXES = ['bind', 'body', 'instance', 'media', 'control'];

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

/** One sheet, its columns understood; values are read by field (and language) with their place. */
export class Sheet {
  readonly columns: Column[] = [];
  readonly rows: SheetRow[] = [];
  readonly headerRow: number;
  private readonly byField = new Map<string, Column[]>();

  constructor(
    readonly name: string,
    rows: readonly SheetRow[],
    spec: ColumnSpec,
    private readonly problems: Problems,
  ) {
    const nonEmpty = rows.filter((r) => r.cells.some((c) => cellText(c) !== ''));
    const header = nonEmpty[0];
    this.headerRow = header?.row ?? 1;
    this.rows = nonEmpty.slice(1);
    if (!header) return;
    const translatable = new Set(spec.translatable ?? []);
    const supported = new Set(spec.supported);
    const unsupported = new Set(spec.unsupported ?? []);
    const seen = new Map<string, Column>();
    header.cells.forEach((raw, index) => {
      const text = cellText(raw);
      if (text === '') return;
      const place: Place = { sheet: name, row: this.headerRow, column: text, cell: `${columnLetter(index)}${this.headerRow}` };
      // "::" separates the language; a lone ":" does too in old forms, but not in "jr:count".
      const parts = text.includes('::') ? text.split('::') : /^jr:/i.test(text) ? [text] : text.split(':');
      let field = snakeCase(parts[0]);
      field = spec.aliases?.[field] ?? field;
      const suffix = parts.slice(1).join('::').trim();
      let lang = '';
      if (suffix && translatable.has(field)) {
        const code = languageCode(suffix);
        if (!code) {
          problems.error('language-unreadable', place, { language: suffix });
          return;
        }
        lang = code;
      } else if (suffix && !unsupported.has(field) && !UNSUPPORTED_PREFIXES.includes(field)) field = snakeCase(text);
      const known = supported.has(field);
      const refused = unsupported.has(field) || UNSUPPORTED_PREFIXES.includes(field);
      // KoBoToolbox writes bookkeeping columns ("$kuid", "$autoname") into the forms it exports.
      if (!known && !refused && text.startsWith('$')) return;
      const column: Column = { index, header: text, field, lang, supported: known };
      if (!known) {
        const hasValue = this.rows.some((r) => cellText(r.cells[index]) !== '');
        if (!hasValue) return;
        if (!refused) {
          const suggestion = spec.supported.find((s) => editDistance(s, field) <= 2);
          problems.error('column-unknown', place, suggestion ? { column: text, suggestion } : { column: text });
          return;
        }
      }
      const key = `${field}::${lang}`;
      const twin = seen.get(key);
      if (twin) {
        problems.error('column-duplicate', place, { column: text, other: twin.header });
        return;
      }
      seen.set(key, column);
      this.columns.push(column);
      const list = this.byField.get(field) ?? [];
      list.push(column);
      this.byField.set(field, list);
    });
    for (const field of spec.required ?? []) {
      if (!this.byField.has(field)) problems.error('column-missing', { sheet: name, row: this.headerRow }, { column: field });
    }
  }

  has(field: string): boolean {
    return this.byField.has(field);
  }

  /** The cell of a field without language (or its first column). */
  column(field: string): Column | undefined {
    const list = this.byField.get(field);
    return list?.find((c) => c.lang === '') ?? list?.[0];
  }

  text(row: SheetRow, field: string): string {
    const col = this.column(field);
    return col ? cellText(row.cells[col.index]) : '';
  }

  /** Where a field's cell is in this row (the header row when the column is absent). */
  place(row: SheetRow | undefined, field?: string, lang?: string): Place {
    const col = field ? this.byField.get(field)?.find((c) => lang === undefined || c.lang === lang) : undefined;
    if (!row) return { sheet: this.name, ...(col ? { column: col.header } : {}) };
    return {
      sheet: this.name,
      row: row.row,
      ...(col ? { column: col.header, cell: `${columnLetter(col.index)}${row.row}` } : field ? { column: field } : {}),
    };
  }

  /** A translatable field's texts in this row by language ('' = no language named). */
  texts(row: SheetRow, field: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const col of this.byField.get(field) ?? []) {
      const t = cellText(row.cells[col.index]);
      if (t !== '') out.set(col.lang, t);
    }
    return out;
  }

  /** Languages named in this sheet's headers. */
  languages(): string[] {
    return [...new Set(this.columns.map((c) => c.lang).filter((l) => l !== ''))];
  }

  /** Refuses a value in a column we know and do not support, naming the cell. */
  refuseUnsupported(row: SheetRow): void {
    for (const col of this.columns) {
      if (col.supported || cellText(row.cells[col.index]) === '') continue;
      this.problems.error('column-unsupported', { sheet: this.name, row: row.row, column: col.header, cell: `${columnLetter(col.index)}${row.row}` }, { column: col.header });
    }
  }
}
