// The outbox side of sync on a real Dexie (fake-indexeddb): what leaves the queue, what stays, and re-stamping.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinForms, newResponseId, Response, toIsoWithOffset } from '../../core';
import { db } from '../store/db';
import type { OutboxEntry } from '../store/types';
import { queuedRefusal } from '../store/test-records';
import { applyVerdicts, refusalQueue, stamp, stampQueued, takeBatch, unmark } from './outbox-batch';

const ENROLLED = { deviceId: 'dev-enrolled', siteId: 'site-enrolled' };
const form = builtinForms.find((f) => f.id === 'desk-rating')!;

function entry(over: Partial<OutboxEntry> = {}, identity = { deviceId: 'local-abc', siteId: 'manual-site' }): OutboxEntry {
  const id = newResponseId();
  const now = toIsoWithOffset();
  const response = Response.parse({
    id,
    formId: form.id,
    formVersion: form.version,
    mode: 'kiosk',
    ...identity,
    locale: 'vi',
    startedAt: now,
    completedAt: now,
    answers: { overall: 3 },
    appVersion: '0.1.0',
  });
  return { id, response, state: 'queued', queuedAt: new Date().toISOString(), attempts: 0, ...over };
}

beforeEach(async () => {
  await db.outbox.clear();
  await db.refusals.clear();
  await db.settings.clear();
});

describe('applyVerdicts', () => {
  it('marks accepted and duplicate as sent, keeps conflict and rejected with their verdict, leaves unanswered queued', async () => {
    const es = [entry(), entry(), entry(), entry(), entry()];
    await db.outbox.bulkAdd(es);
    await db.settings.put({ key: 'lastSyncError', value: '{"kind":"network"}' });
    const tally = await applyVerdicts(es, [
      { id: es[0].id, status: 'accepted' },
      { id: es[1].id, status: 'duplicate' },
      { id: es[2].id, status: 'conflict', code: 409.1, reason: 'a different response with this id is already stored' },
      { id: es[3].id, status: 'rejected', code: 400.3, reason: 'answers.overall: must be an integer 1–3', field: 'answers.overall' },
    ]);
    expect(tally).toEqual({ accepted: 1, duplicate: 1, conflict: 1, rejected: 1, unanswered: 1 });
    const after = await db.outbox.bulkGet(es.map((e) => e.id));
    expect(after.map((e) => e!.state)).toEqual(['sent', 'sent', 'conflict', 'rejected', 'queued']);
    expect(after[0]!.sentAt).toBeTruthy();
    expect(after[2]!.sentAt).toBeUndefined();
    expect(after[3]!.verdict).toEqual({ status: 'rejected', code: 400.3, reason: 'answers.overall: must be an integer 1–3', field: 'answers.overall' });
    expect((await db.settings.get('lastSyncAt'))?.value).toBeTruthy();
    expect(await db.settings.get('lastSyncError')).toBeUndefined();
  });

  it('ignores a status the protocol does not have', async () => {
    const e = entry();
    await db.outbox.add(e);
    const tally = await applyVerdicts([e], [{ id: e.id, status: 'unanswered' as never }]);
    expect(tally.unanswered).toBe(1);
    expect((await db.outbox.get(e.id))!.state).toBe('queued');
  });
});

describe('re-stamping responses of a manual set-up', () => {
  it('gives a never-sent response the enrolled device and site, and leaves one that may be on the server alone', () => {
    const fresh = stamp(entry(), ENROLLED);
    expect([fresh.response.deviceId, fresh.response.siteId]).toEqual([ENROLLED.deviceId, ENROLLED.siteId]);
    const tried = entry({ attempts: 1 });
    expect(stamp(tried, ENROLLED)).toBe(tried);
  });

  it('takeBatch stamps and marks in one go; unmark after a whole-request refusal makes it stampable again', async () => {
    const e = entry();
    await db.outbox.add(e);
    const [taken] = await takeBatch(10, { deviceId: 'dev-revoked', siteId: 'site-enrolled' });
    expect(taken.attempts).toBe(1);
    expect(taken.response.deviceId).toBe('dev-revoked');
    await unmark([taken]);
    expect((await db.outbox.get(e.id))!.attempts).toBe(0);
    // Enrolled again with a new device: the response was never stored anywhere, so it takes the new identity.
    expect(await stampQueued(ENROLLED)).toBe(1);
    expect((await db.outbox.get(e.id))!.response.deviceId).toBe(ENROLLED.deviceId);
  });

  it('stampQueued re-stamps never-sent refusals of a manual set-up too, and leaves one already tried alone', async () => {
    const local = { deviceId: 'dev-local', siteId: 'site-local' };
    const fresh = queuedRefusal(local);
    const tried = queuedRefusal(local, { attempts: 1 });
    await db.refusals.bulkAdd([fresh, tried]);
    expect(await stampQueued(ENROLLED, refusalQueue)).toBe(1);
    expect((await db.refusals.get(fresh.id))!.refusal).toMatchObject(ENROLLED);
    expect((await db.refusals.get(tried.id))!.refusal).toMatchObject(local);
  });

  it('takes batches in queue order and never more than asked', async () => {
    const es = Array.from({ length: 7 }, (_, i) => entry({ queuedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 7 - i)).toISOString() }));
    await db.outbox.bulkAdd(es);
    const batch = await takeBatch(3, ENROLLED);
    expect(batch.map((b) => b.id)).toEqual([es[6].id, es[5].id, es[4].id]);
  });
});
