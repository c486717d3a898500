// Recording a refusal on a real Dexie (fake-indexeddb): the draft becomes one queued refusal, without its answers.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { startDraft, saveAnswer } from './drafts';
import { recordRefusal } from './refusals';

beforeEach(async () => {
  await Promise.all([db.drafts.clear(), db.refusals.clear(), db.outbox.clear()]);
});

describe('recordRefusal', () => {
  it('moves the draft into the refusals queue in one step: the reason and who asked, no answers, and a second tap records nothing new', async () => {
    const d = await startDraft({ formId: 'sipas-2017', formVersion: 1, mode: 'interview', siteId: 'site-1', deviceId: 'dev-1', enumeratorId: 'enum-1', locale: 'vi' });
    await saveAnswer(d.id, 'E1.1', 4);
    const entry = await recordRefusal(d.id, 'no-result', '2026-11-26T10:00:00.000+07:00');
    expect(entry).toMatchObject({ id: d.id, state: 'queued', attempts: 0 });
    expect(entry.refusal).toEqual({
      id: d.id,
      formId: 'sipas-2017',
      formVersion: 1,
      siteId: 'site-1',
      deviceId: 'dev-1',
      enumeratorId: 'enum-1',
      reason: 'no-result',
      occurredAt: '2026-11-26T10:00:00.000+07:00',
      appVersion: expect.any(String),
    });
    expect(await db.drafts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await recordRefusal(d.id, 'declined')).toEqual(entry);
    expect(await db.refusals.count()).toBe(1);
  });
});
