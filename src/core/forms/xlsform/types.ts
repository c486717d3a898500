// The XLSForm reader's input and output as plain data: a workbook as sheets of rows in, problems as codes with their place out.
import type { FormDefinition } from '../schema';

/** One spreadsheet cell as the XLSX library gives it, already flattened (rich text joined, formulas as their result). */
export type Cell = string | number | boolean | null | undefined;

/** A row of a sheet with its number in the sheet (1-based), so every message can name the row a person sees. */
export interface SheetRow {
  row: number;
  /** cells[0] is column A. */
  cells: readonly Cell[];
}

/** A workbook: sheet name as written in the file → its rows in order (empty rows may be left out). */
export type Workbook = Readonly<Record<string, readonly SheetRow[]>>;

/**
 * Something the reader could not accept (error) or did differently from what was written (warning),
 * with where it is. Messages are built from `code` and `params` in the person's language (messages.ts).
 */
export interface XlsFormProblem {
  code: XlsFormCode;
  /** The sheet's name as written in the file. */
  sheet?: string;
  row?: number;
  /** The column's header as written in the file. */
  column?: string;
  /** The cell's address, e.g. "H17". */
  cell?: string;
  params: Record<string, string | number>;
}

export const XLSFORM_CODES = [
  'file-unreadable',
  'sheet-missing',
  'sheet-duplicate',
  'sheet-unsupported',
  'sheet-ignored',
  'sheet-empty',
  'column-missing',
  'column-duplicate',
  'column-unknown',
  'column-unsupported',
  'column-not-for-type',
  'language-unreadable',
  'settings-rows',
  'setting-missing',
  'form-id-invalid',
  'version-invalid',
  'kind-invalid',
  'kiosk-setting-invalid',
  'kiosk-setting-twice',
  'kiosk-setting-in-interview',
  'kiosk-rating-item-invalid',
  'kiosk-follow-up-unknown',
  'type-missing',
  'type-unsupported',
  'list-missing',
  'list-unknown',
  'list-too-short',
  'name-missing',
  'name-invalid',
  'name-duplicate',
  'label-missing',
  'choice-name-missing',
  'choice-name-invalid',
  'choice-duplicate',
  'choice-label-missing',
  'required-invalid',
  'group-unclosed',
  'group-end-unmatched',
  'group-empty',
  'group-label-missing',
  'group-hint-nested',
  'note-position',
  'criterion-list',
  'criterion-in-kiosk',
  'rating-list',
  'rating-threshold-invalid',
  'criterion-and-rating',
  'weight-invalid',
  'scale-conflict',
  'element-unknown',
  'element-unused',
  'element-duplicate',
  'element-id-missing',
  'element-label-missing',
  'element-label-ambiguous',
  'expression-unreadable',
  'relevant-unsupported',
  'relevant-not-question',
  'relevant-later-question',
  'relevant-unknown-choice',
  'relevant-multi-equals',
  'relevant-not-number',
  'relevant-compare-not-number',
  'relevant-strict-comparison',
  'relevant-selected-not-select',
  'relevant-too-deep',
  'constraint-unsupported',
  'constraint-bounds',
  'translation-missing',
  'definition-invalid',
] as const;

export type XlsFormCode = (typeof XLSFORM_CODES)[number];

export type ReadXlsFormResult =
  | { ok: true; form: FormDefinition; warnings: XlsFormProblem[] }
  | { ok: false; errors: XlsFormProblem[]; warnings: XlsFormProblem[] };
