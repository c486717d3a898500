// What home offers after a sync (fake-indexeddb, real Dexie): only the forms the server lists for the site; a withdrawn
// one leaves the list at the next sync but still opens, so a draft started on it can be completed.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinForms, type FormDefinition } from '../../core';
import { db } from '../store/db';
import type { CachedForm } from '../store/types';
import { availableForms, loadForm, storeFetchedForms } from './forms';

const sipas2017 = builtinForms.find((f) => f.id === 'sipas-2017')!;
const own: FormDefinition = { ...sipas2017, id: 'hp-mot-cua-2026', version: 1, title: { vi: 'Hải Phòng 2026', en: 'Hải Phòng 2026' } };
const row = (f: FormDefinition): CachedForm => ({ key: `${f.id}@${f.version}`, id: f.id, version: f.version, definition: f, fetchedAt: '2026-12-02T08:00:00.000Z' });
const offered = async () => (await availableForms('interview')).map((f) => `${f.id}@${f.version}`).sort();

beforeEach(async () => {
  await db.forms.clear();
});

describe('the forms a tablet offers', () => {
  it('before any sync: the built-in forms', async () => {
    expect(await offered()).toEqual(['sipas-2017@1', 'sipas-2023@1']);
  });

  it('after a sync: what the server listed, and a version it stops listing is offered no more but still opens', async () => {
    await storeFetchedForms([row(sipas2017), row(own), row(builtinForms.find((f) => f.id === 'sipas-2023')!)]);
    expect(await offered()).toEqual(['hp-mot-cua-2026@1', 'sipas-2017@1', 'sipas-2023@1']);

    // Withdrawn on the server (and sipas-2023 withdrawn too): the next sync lists sipas-2017 only.
    await storeFetchedForms([row(sipas2017)]);
    expect(await offered()).toEqual(['sipas-2017@1']);
    expect(await loadForm('hp-mot-cua-2026', 1)).toEqual(own);
    expect((await loadForm('sipas-2023', 1))?.id).toBe('sipas-2023');

    // Published again: offered again.
    await storeFetchedForms([row(sipas2017), row(own)]);
    expect(await offered()).toEqual(['hp-mot-cua-2026@1', 'sipas-2017@1']);
  });

  it('a built-in version the server never listed to this tablet is not offered either, yet completes its drafts', async () => {
    await storeFetchedForms([row(own)]);
    expect(await offered()).toEqual(['hp-mot-cua-2026@1']);
    expect((await availableForms('kiosk')).map((f) => f.id)).toEqual([]);
    expect((await loadForm('sipas-2017', 1))?.id).toBe('sipas-2017');
  });
});
