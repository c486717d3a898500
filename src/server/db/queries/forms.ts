// Stored form definitions and their lifecycle: (id, version) is immutable once published; the status decides what
// tablets receive, and form_sites (or all_sites) which tablets.
import { canonicalJson } from '../../../core/response/canonical';
import { FormDefinition } from '../../../core/forms/schema';
import type { FormSites, FormStatus } from '../../../core/protocol/forms';
import type { Db } from '../index';
import type { FormRow } from '../schema';

export type SeedOutcome = 'inserted' | 'unchanged' | 'diverged';

/** Stores a built-in form, published for every site, if (id, version) is new; never overwrites a stored version. */
export async function seedForm(db: Db, form: FormDefinition, now: Date): Promise<SeedOutcome> {
  const definition = canonicalJson(form);
  const at = now.toISOString();
  const inserted = await db.k
    .insertInto('forms')
    .values({ id: form.id, version: form.version, kind: form.kind, definition, status: 'published', all_sites: 1, created_at: at, published_at: at })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'inserted';
  const stored = await db.k.selectFrom('forms').select('definition').where('id', '=', form.id).where('version', '=', form.version).executeTakeFirst();
  return stored?.definition === definition ? 'unchanged' : 'diverged';
}

/** A stored version with its sites, the definition still as text. */
export interface StoredForm {
  row: FormRow;
  sites: FormSites;
}

function parseDefinition(text: string): FormDefinition | undefined {
  const parsed = FormDefinition.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

async function sitesOf(db: Db, rows: readonly FormRow[]): Promise<Map<string, string[]>> {
  const partial = rows.filter((r) => r.all_sites !== 1);
  const out = new Map<string, string[]>(partial.map((r) => [`${r.id}@${r.version}`, []]));
  if (partial.length === 0) return out;
  const links = await db.k
    .selectFrom('form_sites')
    .select(['form_id', 'form_version', 'site_id'])
    .where('form_id', 'in', [...new Set(partial.map((r) => r.id))])
    .orderBy('site_id')
    .execute();
  for (const l of links) out.get(`${l.form_id}@${l.form_version}`)?.push(l.site_id);
  return out;
}

const withSites = (row: FormRow, sites: Map<string, string[]>): StoredForm => ({ row, sites: row.all_sites === 1 ? 'all' : (sites.get(`${row.id}@${row.version}`) ?? []) });

/** Every stored version (drafts too), by id then newest version first. */
export async function listFormVersions(db: Db): Promise<StoredForm[]> {
  const rows = await db.k.selectFrom('forms').selectAll().orderBy('id').orderBy('version', 'desc').execute();
  const sites = await sitesOf(db, rows);
  return rows.map((r) => withSites(r, sites));
}

export async function getFormVersion(db: Db, id: string, version: number): Promise<StoredForm | undefined> {
  const row = await db.k.selectFrom('forms').selectAll().where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return row && withSites(row, await sitesOf(db, [row]));
}

/** A form a tablet may be sent or a response may be checked against: published, or withdrawn (still accepting what was started). */
export interface ServedForm {
  form: FormDefinition;
  status: Extract<FormStatus, 'published' | 'withdrawn'>;
  sites: FormSites;
}

/** Every published and withdrawn version, parsed; a stored definition that no longer parses is skipped rather than served broken. */
export async function listServedForms(db: Db): Promise<ServedForm[]> {
  const rows = await db.k.selectFrom('forms').selectAll().where('status', 'in', ['published', 'withdrawn']).orderBy('id').orderBy('version').execute();
  const sites = await sitesOf(db, rows);
  const out: ServedForm[] = [];
  for (const row of rows) {
    const form = parseDefinition(row.definition);
    if (form) out.push({ form, status: row.status as ServedForm['status'], sites: withSites(row, sites).sites });
  }
  return out;
}

/** Every published form, parsed (the demo's seed answers them). */
export async function listPublishedForms(db: Db): Promise<FormDefinition[]> {
  return (await listServedForms(db)).filter((f) => f.status === 'published').map((f) => f.form);
}

export type StoreOutcome = { outcome: 'created' | 'replaced' | 'unchanged'; status: FormStatus } | { outcome: 'taken'; status: FormStatus };

/**
 * Stores an uploaded definition as a draft. A draft of the same (id, version) is replaced (it was never offered to a
 * tablet); a published or withdrawn one is immutable: the same content is a no-op, other content is 'taken'.
 * A new version is offered to the sites of the form's latest stored version (every site for a new form).
 */
export async function storeDraft(db: Db, form: FormDefinition, actor: string, now: Date): Promise<StoreOutcome> {
  const definition = canonicalJson(form);
  return db.k.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('forms')
      .values({ id: form.id, version: form.version, kind: form.kind, definition, status: 'draft', all_sites: 1, created_at: now.toISOString(), created_by: actor })
      .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const stored = await tx.selectFrom('forms').select(['definition', 'status']).where('id', '=', form.id).where('version', '=', form.version).executeTakeFirstOrThrow();
      if (stored.definition === definition) return { outcome: 'unchanged', status: stored.status };
      if (stored.status !== 'draft') return { outcome: 'taken', status: stored.status };
      const replaced = await tx
        .updateTable('forms')
        .set({ definition, kind: form.kind, created_at: now.toISOString(), created_by: actor })
        .where('id', '=', form.id)
        .where('version', '=', form.version)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      // Published between the read and the write by someone else: immutable now.
      if (Number(replaced.numUpdatedRows) === 0) return { outcome: 'taken', status: 'published' };
      return { outcome: 'replaced', status: 'draft' };
    }
    const previous = await tx
      .selectFrom('forms')
      .select(['version', 'all_sites'])
      .where('id', '=', form.id)
      .where('version', '!=', form.version)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (previous && previous.all_sites !== 1) {
      await tx.updateTable('forms').set({ all_sites: 0 }).where('id', '=', form.id).where('version', '=', form.version).execute();
      const links = await tx.selectFrom('form_sites').select('site_id').where('form_id', '=', form.id).where('form_version', '=', previous.version).execute();
      if (links.length) await tx.insertInto('form_sites').values(links.map((l) => ({ form_id: form.id, form_version: form.version, site_id: l.site_id }))).execute();
    }
    return { outcome: 'created', status: 'draft' };
  });
}

/** Moves a version to a status, with who and when; false when it was already there (nothing changes). */
export async function setFormStatus(db: Db, id: string, version: number, status: 'published' | 'withdrawn', actor: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const r = await db.k
    .updateTable('forms')
    .set(status === 'published' ? { status, published_at: at, published_by: actor, withdrawn_at: null, withdrawn_by: null } : { status, withdrawn_at: at, withdrawn_by: actor })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '!=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Replaces the sites a version is offered to. */
export async function setFormSites(db: Db, id: string, version: number, sites: FormSites): Promise<void> {
  await db.k.transaction().execute(async (tx) => {
    await tx.deleteFrom('form_sites').where('form_id', '=', id).where('form_version', '=', version).execute();
    await tx.updateTable('forms').set({ all_sites: sites === 'all' ? 1 : 0 }).where('id', '=', id).where('version', '=', version).execute();
    if (sites !== 'all' && sites.length) await tx.insertInto('form_sites').values(sites.map((site_id) => ({ form_id: id, form_version: version, site_id }))).execute();
  });
}
