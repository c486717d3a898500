// Where the tablet finds a form: forms fetched from the endpoint (kept offline) first, built-ins always.
import { builtinForms, parseForm, type FormDefinition } from '../../core';
import { db } from '../store/db';

export async function loadForm(id: string, version: number): Promise<FormDefinition | undefined> {
  const cached = await db.forms.get(`${id}@${version}`);
  if (cached) {
    const parsed = parseForm(cached.definition);
    if (parsed.ok) return parsed.form;
  }
  return builtinForms.find((f) => f.id === id && f.version === version);
}

/** The newest version of each form of a kind, built-in or fetched. */
export async function availableForms(kind: FormDefinition['kind']): Promise<FormDefinition[]> {
  const fetched = (await db.forms.toArray()).map((c) => parseForm(c.definition)).flatMap((r) => (r.ok ? [r.form] : []));
  const newest = new Map<string, FormDefinition>();
  for (const f of [...builtinForms, ...fetched]) {
    if (f.kind !== kind) continue;
    const prev = newest.get(f.id);
    if (!prev || prev.version < f.version) newest.set(f.id, f);
  }
  return [...newest.values()];
}
