// Stored form definitions: (id, version) is immutable once stored; publishing decides what tablets receive.
import { canonicalJson } from '../../../core/response/canonical';
import { FormDefinition } from '../../../core/forms/schema';
import type { Db } from '../index';

export type SeedOutcome = 'inserted' | 'unchanged' | 'diverged';

/** Stores a form if (id, version) is new; never overwrites a stored version. */
export async function seedForm(db: Db, form: FormDefinition, now: Date): Promise<SeedOutcome> {
  const definition = canonicalJson(form);
  const inserted = await db.k
    .insertInto('forms')
    .values({ id: form.id, version: form.version, kind: form.kind, definition, published: 1, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'inserted';
  const stored = await db.k.selectFrom('forms').select('definition').where('id', '=', form.id).where('version', '=', form.version).executeTakeFirst();
  return stored?.definition === definition ? 'unchanged' : 'diverged';
}

/** Every published form, parsed; a stored definition that no longer parses is skipped rather than served broken. */
export async function listPublishedForms(db: Db): Promise<FormDefinition[]> {
  const rows = await db.k.selectFrom('forms').select(['id', 'version', 'definition']).where('published', '=', 1).orderBy('id').orderBy('version').execute();
  const forms: FormDefinition[] = [];
  for (const row of rows) {
    const parsed = FormDefinition.safeParse(JSON.parse(row.definition));
    if (parsed.success) forms.push(parsed.data);
  }
  return forms;
}
