// The outbox side of a send: take a batch (re-stamping never-sent items), then apply the server's verdicts atomically;
// for the responses' outbox and, by the same rules, the refusals' queue (issue 11).
import type { Table } from 'dexie';
import { isSettled, VERDICT_STATUSES, type Verdict as ServerVerdict } from '../../core/protocol/verdicts';
import { db } from '../store/db';
import { guardedWrite } from '../store/errors';
import { nextBatch } from '../store/outbox';
import type { DeviceSetup } from '../store/settings';
import type { OutboxEntry, QueuedEntry, RefusalEntry, Verdict } from '../store/types';

type Identity = Pick<DeviceSetup, 'deviceId' | 'siteId'>;

/** One of the tablet's queues: its table, and the device and site the item it carries names. */
export interface Queue<E extends QueuedEntry> {
  table: () => Table<E, string>;
  identity: (e: E) => Identity;
  /** The entry with its item naming this device and site instead. */
  restamp: (e: E, device: Identity) => E;
}

export const responseQueue: Queue<OutboxEntry> = {
  table: () => db.outbox,
  identity: (e) => e.response,
  restamp: (e, { deviceId, siteId }) => ({ ...e, response: { ...e.response, deviceId, siteId } }),
};

/** The default of every function below: the responses' outbox (a queue of entries of another shape is always named). */
const responsesOf = <E extends QueuedEntry>() => responseQueue as unknown as Queue<E>;

export const refusalQueue: Queue<RefusalEntry> = {
  table: () => db.refusals,
  identity: (e) => e.refusal,
  restamp: (e, { deviceId, siteId }) => ({ ...e, refusal: { ...e.refusal, deviceId, siteId } }),
};

export interface Tally {
  accepted: number;
  duplicate: number;
  conflict: number;
  rejected: number;
  /** Items the server did not answer for: they stay queued. */
  unanswered: number;
}

const STATUSES = new Set<string>(VERDICT_STATUSES);

/**
 * A response recorded before the tablet was enrolled (manual set-up) names a local device and site the server
 * does not know. It takes the enrolled identity, but only if it has never been in a request: then no copy can
 * exist on the server, so changing it can never turn into a conflict with what was stored.
 */
export function stamp<E extends QueuedEntry = OutboxEntry>(entry: E, device: Identity, queue: Queue<E> = responsesOf<E>()): E {
  const r = queue.identity(entry);
  if (entry.attempts > 0 || (r.deviceId === device.deviceId && r.siteId === device.siteId)) return entry;
  return queue.restamp(entry, device);
}

/**
 * Takes the next batch and marks it as "in a request" before anything goes on the wire, in one transaction:
 * after a crash mid-request the entries still say they may be on the server. `attempts` counts the requests
 * that may have reached the server's database.
 */
export function takeBatch<E extends QueuedEntry = OutboxEntry>(limit: number, device: Identity, at = new Date(), queue: Queue<E> = responsesOf<E>()): Promise<E[]> {
  const table = queue.table();
  return guardedWrite(() =>
    db.transaction('rw', table, async () => {
      const batch = await nextBatch(limit, table);
      const marked = batch.map((e) => ({ ...stamp(e, device, queue), attempts: e.attempts + 1, lastAttemptAt: at.toISOString() }));
      if (marked.length) await table.bulkPut(marked);
      return marked;
    }),
  );
}

/**
 * Takes the mark back after the server refused the whole request before reading any item (401, 400, 413…):
 * nothing of it can be stored, so a response tried only while the device was revoked may still be re-stamped.
 */
export function unmark<E extends QueuedEntry>(batch: readonly E[], queue: Queue<E> = responsesOf<E>()): Promise<void> {
  const table = queue.table();
  return guardedWrite(() =>
    db.transaction('rw', table, async () => {
      const current = await table.bulkGet(batch.map((e) => e.id));
      const restored: E[] = [];
      current.forEach((entry, i) => {
        const sent = batch[i];
        if (!entry || entry.state !== 'queued' || entry.lastAttemptAt !== sent.lastAttemptAt) return;
        restored.push({ ...entry, attempts: Math.max(0, entry.attempts - 1) });
      });
      if (restored.length) await table.bulkPut(restored);
    }),
  );
}

/** Re-stamps every never-sent queued item (the hand-carry export must hold exactly what a later upload sends). */
export function stampQueued<E extends QueuedEntry = OutboxEntry>(device: Identity, queue: Queue<E> = responsesOf<E>()): Promise<number> {
  const table = queue.table();
  return guardedWrite(() =>
    db.transaction('rw', table, async () => {
      const queued = await table.where('state').equals('queued').toArray();
      const changed = queued.map((e) => stamp(e, device, queue)).filter((e, i) => e !== queued[i]);
      if (changed.length) await table.bulkPut(changed);
      return changed.length;
    }),
  );
}

/**
 * Applies one answer of the server in one transaction: accepted/duplicate → sent (kept 30 days), conflict and
 * rejected → set aside with the verdict for a supervisor; the sync time is written in the same transaction.
 */
export function applyVerdicts<E extends QueuedEntry>(sent: readonly E[], results: readonly ServerVerdict[], at = new Date(), queue: Queue<E> = responsesOf<E>()): Promise<Tally> {
  const table = queue.table();
  const byId = new Map<string, ServerVerdict>();
  for (const v of results) if (v && typeof v.id === 'string') byId.set(v.id, v);
  const tally: Tally = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0, unanswered: 0 };
  const now = at.toISOString();
  return guardedWrite(() =>
    db.transaction('rw', table, db.settings, async () => {
      const current = await table.bulkGet(sent.map((e) => e.id));
      const updates: E[] = [];
      current.forEach((entry, i) => {
        const v = byId.get(sent[i].id);
        if (!v || !STATUSES.has(v.status)) {
          tally.unanswered++;
          return;
        }
        // Only a queued entry changes: anything else was settled meanwhile (a supervisor, another tab).
        if (!entry || entry.state !== 'queued') return;
        tally[v.status]++;
        const verdict: Verdict = { status: v.status, ...(v.code !== undefined ? { code: v.code } : {}), ...(v.reason ? { reason: v.reason } : {}), ...(v.field ? { field: v.field } : {}) };
        if (isSettled(v.status)) updates.push({ ...entry, state: 'sent', sentAt: now, verdict });
        else updates.push({ ...entry, state: v.status, verdict });
      });
      if (updates.length) await table.bulkPut(updates);
      await db.settings.put({ key: 'lastSyncAt', value: now });
      await db.settings.delete('lastSyncError');
      return tally;
    }),
  );
}

/** Sets one response aside without asking the server (it is too large for any request). */
export function setAside<E extends QueuedEntry>(entry: E, verdict: Verdict, queue: Queue<E> = responsesOf<E>()): Promise<void> {
  const table = queue.table();
  return guardedWrite(() =>
    db.transaction('rw', table, async () => {
      const current = await table.get(entry.id);
      if (current?.state === 'queued') await table.put({ ...current, state: 'rejected', verdict });
    }),
  );
}
