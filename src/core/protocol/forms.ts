// Forms as /api/v1 writes them: full definitions for tablets to keep offline, summaries for the staff's pickers.
import type { FormDefinition, LocalizedText } from '../forms/schema';

/** GET /api/v1/forms: every published definition (a tablet still parses each, and skips what it cannot read). */
export interface FormsAnswer {
  forms: FormDefinition[];
}

export interface FormSummary {
  id: string;
  version: number;
  kind: FormDefinition['kind'];
  title: LocalizedText;
}

/** GET /api/v1/scores/forms: the latest version of each form a supervisor can score and export. */
export interface FormSummariesAnswer {
  forms: FormSummary[];
}

/**
 * A stored form version's place in its life (issue 10): a draft is seen by staff only; a published one is offered
 * to the tablets of its sites; a withdrawn one is offered to none but still accepts and scores the responses that
 * tablets started before they heard of the withdrawal. (id, version) never changes content once published.
 */
export const FORM_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

/** Which sites' tablets are offered a version: 'all' (every site, also those created later) or these site ids (none = no tablet). */
export type FormSites = 'all' | string[];

/** POST /api/v1/forms: 201 when stored (or a draft replaced), 200 when the same content was already stored. */
export interface FormUploadAnswer {
  id: string;
  version: number;
  status: FormStatus;
  /** What the XLSForm reader did differently from what was written (a sheet it does not read, …); empty for JSON. */
  warnings: XlsFormIssue[];
}

/** One XLSForm problem as data, so a console words it in the reader's language (core/forms/xlsform's xlsformMessage). */
export interface XlsFormIssue {
  code: string;
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
  params: Record<string, string | number>;
}

/** A 400.6 problem's extension: every XLSForm error with its place (its `errors` carry them worded in English). */
export interface FormUploadProblem {
  code: number;
  errors?: { path: string; message: string }[];
  formErrors?: XlsFormIssue[];
}

/** A stored version as the administration lists it. */
export interface FormVersionJson extends FormSummary {
  status: FormStatus;
  sites: FormSites;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

/** GET /api/v1/form-versions: every stored version, newest first within each form. */
export interface FormVersionsAnswer {
  forms: FormVersionJson[];
}

/** GET /api/v1/forms/:id/:version: the version with its full definition (also downloadable as form.json and form.xlsx). */
export interface FormVersionDetail extends FormVersionJson {
  definition: FormDefinition;
}

/** PUT /api/v1/forms/:id/:version/sites. */
export interface FormSitesBody {
  sites: FormSites;
}

/** Bytes per uploaded definition (JSON or XLSX): a 300-question form is a few hundred KB. */
export const MAX_FORM_UPLOAD_BYTES = 2 * 1024 * 1024;
