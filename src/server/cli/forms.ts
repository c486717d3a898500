// `npm run admin -- publish-form | withdraw-form | list-forms`: a province's questionnaire from a terminal, by the same
// lifecycle as the API (forms/lifecycle.ts), audited as 'cli'. A running endpoint sees the change within its form cache's 10 s.
import { readFile } from 'node:fs/promises';
import { describeXlsFormProblem, type XlsFormProblem } from '../../core/forms/xlsform';
import type { FormSites } from '../../core/protocol/forms';
import { Problem } from '../../core/protocol/problems';
import type { Db } from '../db/index';
import { listFormVersions } from '../db/queries/forms';
import { getSiteByCode, listSites } from '../db/queries/sites';
import { assignFormSites, definitionFromJson, definitionFromXlsx, publishForm, uploadForm, withdrawForm } from '../forms/lifecycle';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A mistake in what the person typed (exit 2 in admin.ts), not a failure. */
type Usage = (message: string) => Error;

async function definitionOf(file: string) {
  const bytes = await readFile(file);
  if (/\.xlsx$/i.test(file)) return definitionFromXlsx(bytes);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new Error(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return { form: definitionFromJson(value), warnings: [] };
}

/** Validates, stores and publishes in one step; prints "id<TAB>version<TAB>published<TAB>sites". Errors go to stderr one per line, then it throws. */
export async function publishFormFile(db: Db, file: string, siteCodes: string | undefined, io: Io, now: Date, usage: Usage): Promise<void> {
  let read;
  try {
    read = await definitionOf(file);
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    const formErrors = (e.extensions?.formErrors as XlsFormProblem[] | undefined) ?? null;
    if (formErrors) for (const p of formErrors) io.err(describeXlsFormProblem(p, 'en'));
    else for (const f of e.errors ?? []) io.err(`${f.path}: ${f.message}`);
    throw new Error(`${file} was not stored: ${e.errors?.length ?? 1} error(s) above`, { cause: e });
  }
  for (const w of read.warnings) io.err(`warning: ${describeXlsFormProblem(w as XlsFormProblem, 'en')}`);
  let sites: FormSites | undefined;
  if (siteCodes !== undefined) {
    const codes = siteCodes.split(',').map((c) => c.trim()).filter(Boolean);
    if (codes.length === 1 && codes[0] === 'all') sites = 'all';
    else {
      if (!codes.length) throw usage('--sites needs site codes, or "all"');
      sites = [];
      for (const code of codes) {
        const site = await getSiteByCode(db, code);
        if (!site) throw usage(`no site with code "${code}" (see list-sites)`);
        sites.push(site.id);
      }
    }
  }
  const { form } = read;
  await uploadForm(db, form, read.warnings, 'cli', now);
  if (sites !== undefined) await assignFormSites(db, form.id, form.version, sites, 'cli', now);
  const stored = await publishForm(db, form.id, form.version, 'cli', now);
  io.out(`${form.id}\t${form.version}\t${stored.row.status}\t${await sitesText(db, stored.sites)}`);
}

export async function withdrawFormVersion(db: Db, id: string, version: string, io: Io, now: Date): Promise<void> {
  const stored = await withdrawForm(db, id, version, 'cli', now);
  io.out(`${stored.row.id}\t${stored.row.version}\t${stored.row.status}`);
}

async function sitesText(db: Db, sites: FormSites): Promise<string> {
  if (sites === 'all') return '(all sites)';
  if (!sites.length) return '(no site)';
  const codes = new Map((await listSites(db, sites)).map((s) => [s.id, s.code]));
  return sites.map((id) => codes.get(id) ?? id).sort().join(',');
}

/** One line per stored version: id, version, status, kind, sites, title. */
export async function listForms(db: Db, io: Io): Promise<void> {
  for (const { row, sites } of await listFormVersions(db)) {
    const title = (JSON.parse(row.definition) as { title?: { vi?: string } }).title?.vi ?? '';
    io.out(`${row.id}\t${row.version}\t${row.status}\t${row.kind}\t${await sitesText(db, sites)}\t${title}`);
  }
}
