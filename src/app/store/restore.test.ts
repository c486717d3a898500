// What the tablet reads back from IndexedDB (fake-indexeddb, real Dexie): a record of an older shape after the schema
// version bump, a damaged record, a record of a form this tablet does not know. None is ever dropped.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newResponseId } from '../../core';
import { recoverOrphans } from '../kiosk/kiosk-store';
import { db, HaiLongDb, SCHEMA_V1 } from './db';
import { completeDraft, hasLostForm, unfinishedDrafts } from './drafts';
import { countWaiting, nextBatch, reindexStranded, unsent } from './outbox';
import { DAMAGED_REASON } from './restore';
import { queuedEntry } from './test-records';

const ME = { deviceId: 'dev-1', siteId: 'site-1' };

/** A draft as today's app writes it. */
function storedDraft(over: Record<string, unknown> = {}) {
  return {
    id: newResponseId(),
    formId: 'sipas-2017',
    formVersion: 1,
    mode: 'interview',
    siteId: 'site-1',
    deviceId: 'dev-1',
    enumeratorId: 'enum-1',
    procedure: { code: '1.001234', name: 'Cấp giấy phép xây dựng' },
    locale: 'vi',
    startedAt: '2026-03-02T09:00:00.000+07:00',
    updatedAt: '2026-03-02T09:05:00.000+07:00',
    answers: { q1: 4, occupation: 'farmer' },
    durationMs: { s1: 12_000 },
    flags: [],
    consent: { adult: true, receivedResult: true, agreed: true },
    stage: 'questions',
    sectionIndex: 1,
    itemId: 'q1',
    ...over,
  };
}

let opened: Dexie[] = [];
let dbNumber = 0;
const freshName = () => `hailong-upgrade-${++dbNumber}`;

/** Writes records with schema version 1 only, as a tablet running an older build left them. */
async function leaveVersion1(name: string, records: { drafts?: unknown[]; outbox?: unknown[] }) {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  await old.table('drafts').bulkPut(records.drafts ?? []);
  await old.table('outbox').bulkPut(records.outbox ?? []);
  old.close();
}

/** The records exactly as stored (no repair on read), and the schema version the database is at. */
async function asStored(name: string, table: string) {
  const plain = new Dexie(name);
  opened.push(plain);
  await plain.open();
  return { version: plain.verno, rows: (await plain.table(table).toArray()) as Record<string, unknown>[] };
}

beforeEach(async () => {
  await Promise.all([db.drafts.clear(), db.outbox.clear(), db.refusals.clear()]);
});

afterEach(() => {
  opened.forEach((d) => d.close());
  opened = [];
});

describe('a record of an older shape', () => {
  it('a version-2 database (before the refusals) opens at version 3 with every draft and queued response as it was, and an empty refusals queue', async () => {
    const name = freshName();
    const draft = storedDraft();
    const entry = queuedEntry(ME);
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V1);
    await old.open();
    await old.table('drafts').put(draft);
    await old.table('outbox').put(entry);
    old.close();

    const current = new HaiLongDb(name);
    opened.push(current);
    expect(await current.drafts.get(draft.id)).toEqual(draft);
    expect(await current.outbox.get(entry.id)).toEqual(entry);
    expect(await current.refusals.count()).toBe(0);
    current.close();
    expect((await asStored(name, 'outbox')).version).toBe(3);
  });


  it('a version-1 draft with the first builds’ consent is upgraded when the app opens the database; nothing else changes', async () => {
    const name = freshName();
    const older = storedDraft({ consent: { adult: true, receivedResult: true }, stage: 'consent' });
    const today = storedDraft();
    const entry = queuedEntry(ME);
    await leaveVersion1(name, { drafts: [older, today], outbox: [entry] });

    const current = new HaiLongDb(name);
    opened.push(current);
    const [readOlder, readToday] = await current.drafts.bulkGet([older.id, today.id]);
    // The agreement question did not exist: it is asked again, never taken as given.
    expect(readOlder).toEqual({ ...older, consent: { adult: true, receivedResult: true, agreed: null } });
    expect(readToday).toEqual(today);
    expect(await current.outbox.get(entry.id)).toEqual(entry);
    current.close();

    // The step was written by the upgrade, not only applied on read.
    const stored = await asStored(name, 'drafts');
    expect(stored.version).toBe(3);
    expect(stored.rows.find((d) => d.id === older.id)!.consent).toEqual({ adult: true, receivedResult: true, agreed: null });
  });

  it('a version-1 record the upgrade step cannot read does not keep the database from opening; it is kept and repaired on read', async () => {
    const name = freshName();
    const damaged = storedDraft({ consent: 'yes' });
    const fine = storedDraft({ consent: { adult: false, receivedResult: true } });
    await leaveVersion1(name, { drafts: [damaged, fine] });

    const current = new HaiLongDb(name);
    opened.push(current);
    expect(await current.drafts.count()).toBe(2);
    expect((await current.drafts.get(damaged.id))!.consent).toBeNull();
    expect((await current.drafts.get(fine.id))!.consent).toEqual({ adult: false, receivedResult: true, agreed: null });
    current.close();
    expect((await asStored(name, 'drafts')).rows.find((d) => d.id === damaged.id)!.consent).toBe('yes');
  });
});

describe('a damaged record', () => {
  it('a draft with unreadable fields is kept with harmless defaults, its answers as far as they can be read', async () => {
    const raw = { id: newResponseId(), formId: 'sipas-2023', formVersion: 1, mode: 7, answers: { q1: 3 }, stage: 'elsewhere', sectionIndex: -2, locale: 'fr', flags: 'x', consent: { adult: 'yes', agreed: true }, durationMs: null };
    await db.drafts.put(raw as never);
    const d = (await db.drafts.get(raw.id))!;
    expect(d).toMatchObject({
      formId: 'sipas-2023',
      formVersion: 1,
      mode: 'interview',
      answers: { q1: 3 },
      stage: 'questions',
      sectionIndex: 0,
      locale: 'vi',
      flags: [],
      durationMs: {},
      consent: { adult: null, receivedResult: null, agreed: true },
      enumeratorId: null,
      procedure: null,
    });
    expect(typeof d.startedAt).toBe('string');
    expect(hasLostForm(d)).toBe(false);
  });

  it('a draft that lost its form is never given one: kept, listed on the home screen, never completed or sent', async () => {
    const noForm = storedDraft({ formId: undefined });
    const noVersion = storedDraft({ formVersion: '1' });
    await db.drafts.bulkPut([noForm, noVersion] as never[]);

    const [a, b] = await db.drafts.bulkGet([noForm.id, noVersion.id]);
    expect([a!.formId, a!.formVersion]).toEqual([null, 1]);
    expect([b!.formId, b!.formVersion]).toEqual(['sipas-2017', null]);
    expect(a!.answers).toEqual(noForm.answers);
    expect((await unfinishedDrafts()).map((d) => d.id).sort()).toEqual([noForm.id, noVersion.id].sort());

    await expect(completeDraft(noForm.id)).rejects.toThrow(/lost its form/);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.drafts.count()).toBe(2);
  });

  it('a kiosk draft that lost its form is left for a person, not completed by the kiosk’s recovery', async () => {
    const kiosk = storedDraft({ mode: 'kiosk', formId: '', enumeratorId: null, procedure: null, answers: { overall: 1 } });
    await db.drafts.put(kiosk as never);
    await recoverOrphans(undefined);
    expect(await db.outbox.count()).toBe(0);
    expect((await unfinishedDrafts()).map((d) => d.id)).toEqual([kiosk.id]);
  });

  it('a queued response that no longer parses is set aside for a supervisor, stored as it was', async () => {
    const broken = { ...queuedEntry(ME), attempts: 2 };
    delete (broken.response as Partial<typeof broken.response>).answers;
    const odd = { ...queuedEntry(ME), state: 'unsure', attempts: -1, verdict: 'ok' };
    await db.outbox.bulkPut([broken, odd] as never[]);

    const [b, o] = await db.outbox.bulkGet([broken.id, odd.id]);
    expect(b).toMatchObject({ state: 'rejected', attempts: 2, verdict: { status: 'rejected', reason: DAMAGED_REASON } });
    expect(b!.response).toEqual(broken.response);
    expect(o).toMatchObject({ state: 'queued', attempts: 0, response: odd.response });
    expect(o!.verdict).toBeUndefined();
    // Both stay in what a supervisor's hand-carry export of unsent responses holds.
    expect((await unsent()).map((e) => e.id).sort()).toEqual([broken.id, odd.id].sort());
    // The repair is what is read, not what is stored: nothing is rewritten behind the person's back.
    const stored = await db.outbox.toCollection().raw().toArray();
    expect(stored.find((e) => e.id === broken.id)!.state).toBe('queued');
    expect(stored.find((e) => e.id === odd.id)!.state).toBe('unsure');
  });
});

describe('an entry no index sees', () => {
  it('a queued response with an unreadable stored state is stored again as queued, then sent and counted like any other', async () => {
    const fine = queuedEntry(ME);
    const odd = { ...queuedEntry(ME), state: 'unsure' };
    const noState = queuedEntry(ME) as Partial<ReturnType<typeof queuedEntry>>;
    delete noState.state;
    await db.outbox.bulkPut([fine, odd, noState] as never[]);
    expect(await countWaiting()).toBe(1);

    expect(await reindexStranded()).toBe(2);
    expect(await countWaiting()).toBe(3);
    expect((await nextBatch(10)).map((e) => e.id).sort()).toEqual([fine.id, odd.id, noState.id!].sort());
    const stored = await db.outbox.toCollection().raw().toArray();
    expect(stored.find((e) => e.id === odd.id)!.response).toEqual(odd.response);
    expect(await reindexStranded()).toBe(0);
  });
});

describe('a record of a form this tablet does not know', () => {
  it('a draft is kept exactly as stored (the interview screen asks for the form), never moved to a form it has', async () => {
    const unknown = storedDraft({ formId: 'hp-khao-sat-2030', formVersion: 4 });
    await db.drafts.put(unknown as never);
    const d = (await db.drafts.get(unknown.id))!;
    expect(d).toEqual(unknown);
    expect(hasLostForm(d)).toBe(false);
  });

  it('a queued response is sent as it is: the server decides', async () => {
    const entry = queuedEntry(ME);
    const unknown = { ...entry, response: { ...entry.response, formId: 'hp-khao-sat-2030', formVersion: 4 } };
    await db.outbox.put(unknown);
    expect(await db.outbox.get(unknown.id)).toEqual(unknown);
    expect((await nextBatch(10)).map((e) => e.response)).toEqual([unknown.response]);
  });
});
