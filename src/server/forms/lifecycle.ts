// A form version's life on the server, shared by the API and the CLI: an upload (JSON or XLSForm) checked and stored
// as a draft, publish, withdraw, and the sites it is offered to; every change audit-logged.
import { describeIssues, FormDefinition } from '../../core/forms/schema';
import { readXlsForm, xlsformMessage, type XlsFormProblem } from '../../core/forms/xlsform';
import type { FormSites, FormUploadAnswer, FormVersionJson, XlsFormIssue } from '../../core/protocol/forms';
import { problem, type FieldError } from '../../core/protocol/problems';
import type { Db } from '../db/index';
import { audit } from '../db/queries/audit';
import { getFormVersion, setFormSites, setFormStatus, storeDraft, type StoredForm } from '../db/queries/forms';
import { listSites } from '../db/queries/sites';
import { workbookFromXlsx } from './xlsform-file';

/** Where an XLSForm problem is, as a FieldError path: "survey row 17 relevant" (the people import writes the same). */
function xlsformPath(p: XlsFormProblem): string {
  return [p.sheet, p.row === undefined ? undefined : `row ${p.row}`, p.column].filter(Boolean).join(' ') || '(file)';
}

const asIssue = (p: XlsFormProblem): XlsFormIssue => ({ ...p });

/** XLSX bytes → a definition, or the 400.6 listing every error with its sheet, row and column. */
export async function definitionFromXlsx(bytes: Uint8Array): Promise<{ form: FormDefinition; warnings: XlsFormIssue[] }> {
  const book = await workbookFromXlsx(bytes);
  const read = book.ok ? readXlsForm(book.workbook) : { ok: false as const, errors: book.errors, warnings: [] };
  if (!read.ok) {
    const errors: FieldError[] = read.errors.map((p) => ({ path: xlsformPath(p), message: xlsformMessage(p, 'en') }));
    throw problem.formInvalid({ errors, formErrors: read.errors.map(asIssue) });
  }
  return { form: read.form, warnings: read.warnings.map(asIssue) };
}

/** A JSON value → a definition, or the 400.6 listing every error by its JSON path. */
export function definitionFromJson(value: unknown): FormDefinition {
  const r = FormDefinition.safeParse(value);
  if (r.success) return r.data;
  const errors = describeIssues(r.error.issues).map((line) => {
    const at = line.indexOf(': ');
    return { path: line.slice(0, at), message: line.slice(at + 2) };
  });
  throw problem.formInvalid({ errors });
}

/** Stores an upload as a draft (or finds it stored): 'created' and 'replaced' are new content, 'unchanged' is an idempotent repeat. */
export async function uploadForm(
  db: Db,
  form: FormDefinition,
  warnings: XlsFormIssue[],
  actor: string,
  now: Date,
): Promise<{ created: boolean; answer: FormUploadAnswer }> {
  const stored = await storeDraft(db, form, actor, now);
  if (stored.outcome === 'taken') throw problem.formVersionTaken({ id: form.id, version: form.version, status: stored.status });
  if (stored.outcome !== 'unchanged') {
    await audit(db, { actor, action: stored.outcome === 'created' ? 'form.upload' : 'form.replace-draft', details: { formId: form.id, version: form.version, kind: form.kind } }, now);
  }
  return { created: stored.outcome !== 'unchanged', answer: { id: form.id, version: form.version, status: stored.status, warnings } };
}

export function formVersionJson({ row, sites }: StoredForm): FormVersionJson {
  const definition = JSON.parse(row.definition) as FormDefinition;
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    title: definition.title,
    status: row.status,
    sites,
    createdAt: row.created_at,
    createdBy: row.created_by ?? null,
    publishedAt: row.published_at ?? null,
    publishedBy: row.published_by ?? null,
    withdrawnAt: row.withdrawn_at ?? null,
    withdrawnBy: row.withdrawn_by ?? null,
  };
}

/** The version a path names, or the 404.2. */
export async function requireFormVersion(db: Db, id: string, version: string | number): Promise<StoredForm> {
  const v = Number(version);
  const found = Number.isSafeInteger(v) && v >= 1 ? await getFormVersion(db, id, v) : undefined;
  if (!found) throw problem.noSuchForm({ id, version: String(version) });
  return found;
}

const siteOfAudit = (sites: FormSites) => (sites !== 'all' && sites.length === 1 ? sites[0] : null);

/** Publishes a draft (or a withdrawn version again); publishing a published one changes nothing. */
export async function publishForm(db: Db, id: string, version: string | number, actor: string, now: Date): Promise<StoredForm> {
  const found = await requireFormVersion(db, id, version);
  if (await setFormStatus(db, found.row.id, found.row.version, 'published', actor, now)) {
    await audit(db, { actor, action: 'form.publish', siteId: siteOfAudit(found.sites), details: { formId: found.row.id, version: found.row.version, from: found.row.status, sites: found.sites } }, now);
  }
  return requireFormVersion(db, found.row.id, found.row.version);
}

/** Withdraws a published version: no tablet is offered it any more; a draft has nothing to withdraw (409.5). */
export async function withdrawForm(db: Db, id: string, version: string | number, actor: string, now: Date): Promise<StoredForm> {
  const found = await requireFormVersion(db, id, version);
  if (found.row.status === 'draft') throw problem.formStillDraft({ id: found.row.id, version: found.row.version });
  if (await setFormStatus(db, found.row.id, found.row.version, 'withdrawn', actor, now)) {
    await audit(db, { actor, action: 'form.withdraw', siteId: siteOfAudit(found.sites), details: { formId: found.row.id, version: found.row.version, sites: found.sites } }, now);
  }
  return requireFormVersion(db, found.row.id, found.row.version);
}

/** Offers a version to these sites ('all', or site ids that must exist; none = no tablet). */
export async function assignFormSites(db: Db, id: string, version: string | number, sites: FormSites, actor: string, now: Date): Promise<StoredForm> {
  const found = await requireFormVersion(db, id, version);
  const wanted: FormSites = sites === 'all' ? 'all' : [...new Set(sites)].sort();
  if (wanted !== 'all' && wanted.length) {
    const known = new Set((await listSites(db, wanted)).map((s) => s.id));
    const unknown = wanted.filter((s) => !known.has(s));
    if (unknown.length) throw problem.noSuchSites({ siteIds: unknown });
  }
  const before = found.sites;
  if (JSON.stringify(before) !== JSON.stringify(wanted)) {
    await setFormSites(db, found.row.id, found.row.version, wanted);
    await audit(db, { actor, action: 'form.sites', siteId: siteOfAudit(wanted), details: { formId: found.row.id, version: found.row.version, from: before, to: wanted } }, now);
  }
  return requireFormVersion(db, found.row.id, found.row.version);
}
