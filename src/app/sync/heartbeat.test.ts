// The tablet's report on a real Dexie (fake-indexeddb): what waits and since when, the browser's storage, the last failure.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../store/db';
import { setSetting } from '../store/settings';
import { queuedEntry, queuedRefusal } from '../store/test-records';
import { encodeFailure } from './failure';
import { buildDeviceReport, failureCode } from './heartbeat';

const ME = { deviceId: 'dev-1', siteId: 'site-1' };

function completedAt(entry: ReturnType<typeof queuedEntry>, at: string) {
  return { ...entry, response: { ...entry.response, completedAt: at } };
}

beforeEach(async () => {
  await Promise.all([db.outbox.clear(), db.refusals.clear(), db.settings.clear()]);
});

describe('the device report', () => {
  it('counts what waits for the server and names the earliest completion, whatever the offsets', async () => {
    await db.outbox.bulkAdd([
      completedAt(queuedEntry(ME), '2026-11-26T09:00:00+07:00'),
      // Written in UTC, but the earliest instant of the three.
      completedAt(queuedEntry(ME), '2026-11-26T01:30:00+00:00'),
      completedAt(queuedEntry(ME), '2026-11-26T10:00:00+07:00'),
      // Sent or set aside: not waiting.
      completedAt(queuedEntry(ME, { state: 'sent' }), '2026-11-20T01:00:00+00:00'),
      completedAt(queuedEntry(ME, { state: 'rejected' }), '2026-11-20T01:00:00+00:00'),
    ]);
    const r = await buildDeviceReport('0.13.0', undefined);
    expect(r).toMatchObject({ appVersion: '0.13.0', waiting: 3, oldestWaitingAt: '2026-11-26T01:30:00+00:00' });
  });

  it('counts queued refusals too, and names the earliest of everything that waits', async () => {
    await db.outbox.add(completedAt(queuedEntry(ME), '2026-11-26T09:00:00+07:00'));
    const recordedAt = (entry: ReturnType<typeof queuedRefusal>, at: string) => ({ ...entry, refusal: { ...entry.refusal, occurredAt: at } });
    await db.refusals.bulkAdd([
      recordedAt(queuedRefusal(ME), '2026-11-26T08:00:00+07:00'),
      recordedAt(queuedRefusal(ME, { state: 'sent' }), '2026-11-20T08:00:00+07:00'),
    ]);
    const r = await buildDeviceReport('0.13.0', undefined);
    expect(r).toMatchObject({ waiting: 2, oldestWaitingAt: '2026-11-26T08:00:00+07:00' });
  });

  it('says nothing waits with an empty queue', async () => {
    expect(await buildDeviceReport('0.13.0', undefined)).toEqual({
      appVersion: '0.13.0',
      waiting: 0,
      oldestWaitingAt: null,
      storageUsedBytes: null,
      storagePersisted: null,
      lastSyncError: null,
      // The tablet's clock as it sends, with its offset, for the server to compare with its own.
      clockAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/),
    });
  });

  it('reports the storage the browser grants, and null for what it does not say or fails to', async () => {
    const granted = { estimate: async () => ({ usage: 5_242_880, quota: 1e9 }), persisted: async () => true };
    expect(await buildDeviceReport('1', granted)).toMatchObject({ storageUsedBytes: 5_242_880, storagePersisted: true });
    const denied = { estimate: async () => ({}), persisted: async () => false };
    expect(await buildDeviceReport('1', denied)).toMatchObject({ storageUsedBytes: null, storagePersisted: false });
    const broken = {
      estimate: () => Promise.reject(new Error('SecurityError')),
      persisted: () => Promise.reject(new Error('SecurityError')),
    };
    expect(await buildDeviceReport('1', broken)).toMatchObject({ storageUsedBytes: null, storagePersisted: null });
    expect(await buildDeviceReport('1', {})).toMatchObject({ storageUsedBytes: null, storagePersisted: null });
  });

  it("names the previous run's failure by its problem code, or 'network'", async () => {
    await setSetting('lastSyncError', encodeFailure({ kind: 'problem', status: 401, code: '401.2' }));
    expect((await buildDeviceReport('1', undefined)).lastSyncError).toBe('401.2');
    await setSetting('lastSyncError', encodeFailure({ kind: 'timeout' }));
    expect((await buildDeviceReport('1', undefined)).lastSyncError).toBe('network');
    expect(failureCode({ kind: 'network' })).toBe('network');
    expect(failureCode({ kind: 'problem', status: 502, code: null })).toBe('http-502');
    expect(failureCode({ kind: 'bad-answer', status: 200 })).toBe('bad-answer');
    expect(failureCode(null)).toBeNull();
  });
});
