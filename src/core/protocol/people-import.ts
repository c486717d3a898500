// POST /api/v1/imports/people: a template of sites and people, checked row by row; written only when every row is valid.
import type { ProblemBody } from './problems';

export type ImportSheet = 'sites' | 'people';

/** create: would be (or was) created; update: exists and changes; unchanged: exists as the row says; error: invalid. */
export type ImportOutcome = 'create' | 'update' | 'unchanged' | 'error';

/** Why a cell was refused, for the console to word in the person's language (message is the English of it). */
export type ImportErrorCode =
  | 'required'
  | 'invalid'
  | 'too-long'
  | 'duplicate'
  | 'unknown-site'
  | 'site-deactivated'
  | 'role-not-allowed'
  | 'role-change'
  | 'one-site'
  | 'not-for-role'
  | 'not-for-sheet'
  | 'password-required';

export interface ImportCellError {
  /** The column's header as the template names it, e.g. "site_codes". */
  column: string;
  code: ImportErrorCode;
  /** English, for whoever reads the raw answer or the CLI's output. */
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

/** Data rows (both sheets together) one file may hold; more is a 400.2, before any row is checked. */
export const MAX_PEOPLE_IMPORT_ROWS = 5_000;
/** Bytes of one upload: 5,000 rows of CSV fit with room to spare; more is a 413.1. */
export const MAX_PEOPLE_IMPORT_BYTES = 2 * 1024 * 1024;

/** The content types POST /api/v1/imports/people reads; any other is a 415.1. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv';

/**
 * ?apply=1 on a file with errors: a 400.5 problem whose body also carries the dry run's answer (applied false), so a
 * client shows the same table as for a dry run; its `errors` list the first errors as "people row 7 site_codes".
 */
export interface PeopleImportProblem extends ProblemBody {
  answer: PeopleImportAnswer;
}

/** The template's columns, in order; the CSV form is one table with the sheet named in its first column. */
export const IMPORT_COLUMNS = {
  sites: ['code', 'name', 'kind', 'time_zone'],
  people: ['role', 'username', 'display_name', 'site_codes', 'password', 'pin'],
} as const satisfies Record<ImportSheet, readonly string[]>;
