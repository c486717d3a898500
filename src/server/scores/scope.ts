// Which sites and which form a supervisor's request is about: every named site must be theirs (403.1), none named = all of theirs.
import type { FormDefinition } from '../../core/forms/schema';
import { problem } from '../../core/protocol/problems';
import { inScope, type Caller } from '../auth/guards';
import type { ServerContext } from '../context';
import type { Db } from '../db/index';
import { latestForm, loadAllForms } from '../db/queries/all-forms';
import { listSites } from '../db/queries/sites';
import type { Site } from '../db/schema';

const MAX_SITES_PER_REQUEST = 1_000;

export interface SiteSelection {
  /** Undefined means every site (an admin who named none). */
  siteIds: string[] | undefined;
  /** The selected sites' rows, for names and codes. */
  sites: Site[];
}

export async function resolveSites(ctx: ServerContext, caller: Caller, param: string | undefined): Promise<SiteSelection> {
  const ids = [...new Set((param ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
  if (ids.length > MAX_SITES_PER_REQUEST) throw problem.tooManySites({ max: MAX_SITES_PER_REQUEST });
  if (ids.length === 0) {
    if (caller.sites === 'all') return { siteIds: undefined, sites: await listSites(ctx.db) };
    const own = [...caller.sites];
    return { siteIds: own, sites: await listSites(ctx.db, own) };
  }
  const outside = ids.filter((id) => !inScope(caller, id));
  if (outside.length) throw problem.sitesNotYours({ siteIds: outside });
  const sites = await listSites(ctx.db, ids);
  if (sites.length !== ids.length) {
    const known = new Set(sites.map((s) => s.id));
    throw problem.noSuchSites({ siteIds: ids.filter((id) => !known.has(id)) });
  }
  return { siteIds: ids, sites };
}

const formCaches = new WeakMap<Db, { at: number; forms: Promise<Map<string, FormDefinition>> }>();
const FORM_TTL_MS = 10_000;

/** Every form version that can have responses (published or withdrawn), cached briefly per database. */
export function storedForms(db: Db): Promise<Map<string, FormDefinition>> {
  const hit = formCaches.get(db);
  if (hit && performance.now() - hit.at < FORM_TTL_MS) return hit.forms;
  const forms = loadAllForms(db);
  formCaches.set(db, { at: performance.now(), forms });
  forms.catch(() => formCaches.delete(db));
  return forms;
}

/** After a form is published or withdrawn in this process: the next report loads the forms again. */
export function forgetStoredForms(db: Db): void {
  formCaches.delete(db);
}

/** The form a report or export is about: the given version, else the latest stored one. */
export async function resolveForm(db: Db, id: string | undefined, version?: string): Promise<FormDefinition> {
  if (!id) throw problem.formParamMissing();
  const forms = await storedForms(db);
  if (version !== undefined) {
    const v = Number(version);
    const f = Number.isInteger(v) ? forms.get(`${id}@${v}`) : undefined;
    if (!f) throw problem.noSuchForm({ id, version });
    return f;
  }
  const f = latestForm(forms, id);
  if (!f) throw problem.noSuchForm({ id });
  return f;
}
