// Where the tablet finds a form: forms fetched from the endpoint (kept offline) first, then the built-ins; and which
// ones are offered for a new interview: once the tablet has synced, only what the server lists for its site.
import { parseForm, type FormDefinition, type FormInput } from '../../core';
import { db } from '../store/db';
import type { CachedForm } from '../store/types';

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

/**
 * Keeps what GET /api/v1/forms answered as the forms offered; every other kept version (withdrawn, or no longer
 * this site's) stays stored, so its drafts can be completed, but is offered no more. A built-in version the
 * server did not list is marked so too (with no definition: the app's own copy still completes its drafts).
 */
export async function storeFetchedForms(rows: readonly CachedForm[]): Promise<void> {
  const listed = new Set(rows.map((r) => r.key));
  const fetchedAt = rows[0]?.fetchedAt ?? new Date().toISOString();
  await db.transaction('rw', db.forms, async () => {
    await db.forms.bulkPut(rows.map((r) => ({ ...r, offered: true })));
    await db.forms.filter((c) => !listed.has(c.key) && c.offered !== false).modify({ offered: false });
    const kept = new Set(await db.forms.toCollection().primaryKeys());
    const dropped = BUILTINS.map((b) => `${b.id}@${b.version}`).filter((key) => !listed.has(key) && !kept.has(key));
    await db.forms.bulkPut(
      dropped.map((key) => {
        const [id, version] = key.split('@');
        return { key, id, version: Number(version), definition: null, fetchedAt, offered: false };
      }),
    );
  });
}

/** The newest version of each form of a kind that may start a new interview: fetched and still offered, or built-in and not withdrawn. */
export async function availableForms(kind: FormDefinition['kind']): Promise<FormDefinition[]> {
  const cached = await db.forms.toArray();
  const notOffered = new Set(cached.filter((c) => c.offered === false).map((c) => c.key));
  // "kind" is a required literal, so a definition of another kind can only be dropped: skip parsing it (the kiosk
  // would otherwise parse both long SIPAS forms on every look).
  const fetched = cached
    .filter((c) => c.offered !== false && (c.definition as { kind?: unknown } | null)?.kind === kind)
    .map((c) => parseForm(c.definition))
    .flatMap((r) => (r.ok ? [r.form] : []));
  const builtins = (await Promise.all(BUILTINS.filter((b) => b.kind === kind && !notOffered.has(`${b.id}@${b.version}`)).map(builtin))).flatMap((f) => (f ? [f] : []));
  const newest = new Map<string, FormDefinition>();
  for (const f of [...builtins, ...fetched]) {
    if (f.kind !== kind) continue;
    const prev = newest.get(f.id);
    if (!prev || prev.version < f.version) newest.set(f.id, f);
  }
  return [...newest.values()];
}
