// POST /api/v1/imports/people: a template of sites and people, checked row by row; written only when every row is valid.

export type ImportSheet = 'sites' | 'people';

/** create: would be (or was) created; update: exists and changes; unchanged: exists as the row says; error: invalid. */
export type ImportOutcome = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportCellError {
  /** The column's header as the template names it, e.g. "site_code". */
  column: string;
  message: string;
}

export interface ImportRowJson {
  sheet: ImportSheet;
  /** The row number a spreadsheet shows (the header is row 1). */
  row: number;
  /** The site code or username the row is about (empty when the row names none). */
  key: string;
  outcome: ImportOutcome;
  errors: ImportCellError[];
}

export interface PeopleImportAnswer {
  /** True only when ?apply=1 was asked and every row was valid. */
  applied: boolean;
  rows: ImportRowJson[];
  counts: Record<ImportOutcome, number>;
}

/** The template's columns, in order; the CSV form is one table with the sheet named in its first column. */
export const IMPORT_COLUMNS = {
  sites: ['code', 'name', 'kind', 'time_zone'],
  people: ['role', 'username', 'display_name', 'site_codes', 'password', 'pin'],
} as const satisfies Record<ImportSheet, readonly string[]>;
