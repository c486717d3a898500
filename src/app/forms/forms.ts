// Where the tablet finds a form: forms fetched from the endpoint (kept offline) first, built-ins always.
import { parseForm, type FormDefinition, type FormInput } from '../../core';
import { db } from '../store/db';

// Built-ins load on demand, each in its own chunk: the kiosk needs only desk-rating, not the two long SIPAS forms.
// Kind and version are known up front so a screen can list forms without loading the others.
const BUILTINS: { id: string; version: number; kind: FormDefinition['kind']; load: () => Promise<FormInput> }[] = [
  { id: 'sipas-2017', version: 1, kind: 'interview', load: () => import('../../core/forms/builtin/sipas-2017').then((m) => m.sipas2017) },
  { id: 'sipas-2023', version: 1, kind: 'interview', load: () => import('../../core/forms/builtin/sipas-2023').then((m) => m.sipas2023) },
  { id: 'desk-rating', version: 1, kind: 'kiosk', load: () => import('../../core/forms/builtin/desk-rating').then((m) => m.deskRating) },
];

const parsed = new Map<string, Promise<FormDefinition | undefined>>();

function builtin(entry: (typeof BUILTINS)[number]): Promise<FormDefinition | undefined> {
  const key = `${entry.id}@${entry.version}`;
  let p = parsed.get(key);
  if (!p) {
    p = entry.load().then((input) => {
      const r = parseForm(input);
      if (!r.ok) throw new Error(`built-in form "${entry.id}" is invalid:\n${r.errors.join('\n')}`);
      return r.form;
    });
    parsed.set(key, p);
  }
  return p;
}

export async function loadForm(id: string, version: number): Promise<FormDefinition | undefined> {
  const cached = await db.forms.get(`${id}@${version}`);
  if (cached) {
    const parsed = parseForm(cached.definition);
    if (parsed.ok) return parsed.form;
  }
  const entry = BUILTINS.find((b) => b.id === id && b.version === version);
  return entry ? builtin(entry) : undefined;
}

/** The newest version of each form of a kind, built-in or fetched. */
export async function availableForms(kind: FormDefinition['kind']): Promise<FormDefinition[]> {
  // "kind" is a required literal, so a definition of another kind can only be dropped: skip parsing it (the kiosk
  // would otherwise parse both long SIPAS forms on every look).
  const fetched = (await db.forms.toArray())
    .filter((c) => (c.definition as { kind?: unknown } | null)?.kind === kind)
    .map((c) => parseForm(c.definition))
    .flatMap((r) => (r.ok ? [r.form] : []));
  const builtins = (await Promise.all(BUILTINS.filter((b) => b.kind === kind).map(builtin))).flatMap((f) => (f ? [f] : []));
  const newest = new Map<string, FormDefinition>();
  for (const f of [...builtins, ...fetched]) {
    if (f.kind !== kind) continue;
    const prev = newest.get(f.id);
    if (!prev || prev.version < f.version) newest.set(f.id, f);
  }
  return [...newest.values()];
}
