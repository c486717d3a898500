// Every form version that can have responses (published or withdrawn, not drafts): scores and exports must read
// responses whose version was later withdrawn, and a draft must not become the "latest" definition before it is published.
import { FormDefinition } from '../../../core/forms/schema';
import type { Db } from '../index';

/** Published and withdrawn forms by "id@version"; a stored definition that no longer parses is left out. */
export async function loadAllForms(db: Db): Promise<Map<string, FormDefinition>> {
  const rows = await db.k.selectFrom('forms').select(['id', 'version', 'definition']).where('status', '!=', 'draft').execute();
  const out = new Map<string, FormDefinition>();
  for (const row of rows) {
    const parsed = FormDefinition.safeParse(JSON.parse(row.definition));
    if (parsed.success) out.set(`${row.id}@${row.version}`, parsed.data);
  }
  return out;
}

/** The highest stored version of a form, or undefined. */
export function latestForm(forms: ReadonlyMap<string, FormDefinition>, id: string): FormDefinition | undefined {
  let best: FormDefinition | undefined;
  for (const f of forms.values()) if (f.id === id && (!best || f.version > best.version)) best = f;
  return best;
}
