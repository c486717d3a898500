// The outbox side of a send: take a batch (re-stamping never-sent responses), then apply the server's verdicts atomically.
import type { Response } from '../../core';
import { isSettled, VERDICT_STATUSES, type Verdict as ServerVerdict } from '../../core/protocol/verdicts';
import { db } from '../store/db';
import { guardedWrite } from '../store/errors';
import { nextBatch } from '../store/outbox';
import type { DeviceSetup } from '../store/settings';
import type { OutboxEntry, Verdict } from '../store/types';

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
export function stamp(entry: OutboxEntry, device: Pick<DeviceSetup, 'deviceId' | 'siteId'>): OutboxEntry {
  const r = entry.response;
  if (entry.attempts > 0 || (r.deviceId === device.deviceId && r.siteId === device.siteId)) return entry;
  const response: Response = { ...r, deviceId: device.deviceId, siteId: device.siteId };
  return { ...entry, response };
}

/**
 * Takes the next batch and marks it as "in a request" before anything goes on the wire, in one transaction:
 * after a crash mid-request the entries still say they may be on the server. `attempts` counts the requests
 * that may have reached the server's database.
 */
export function takeBatch(limit: number, device: Pick<DeviceSetup, 'deviceId' | 'siteId'>, at = new Date()): Promise<OutboxEntry[]> {
  return guardedWrite(() =>
    db.transaction('rw', db.outbox, async () => {
      const batch = await nextBatch(limit);
      const marked = batch.map((e) => ({ ...stamp(e, device), attempts: e.attempts + 1, lastAttemptAt: at.toISOString() }));
      if (marked.length) await db.outbox.bulkPut(marked);
      return marked;
    }),
  );
}

/**
 * Takes the mark back after the server refused the whole request before reading any item (401, 400, 413…):
 * nothing of it can be stored, so a response tried only while the device was revoked may still be re-stamped.
 */
export function unmark(batch: readonly OutboxEntry[]): Promise<void> {
  return guardedWrite(() =>
    db.transaction('rw', db.outbox, async () => {
      const current = await db.outbox.bulkGet(batch.map((e) => e.id));
      const restored: OutboxEntry[] = [];
      current.forEach((entry, i) => {
        const sent = batch[i];
        if (!entry || entry.state !== 'queued' || entry.lastAttemptAt !== sent.lastAttemptAt) return;
        restored.push({ ...entry, attempts: Math.max(0, entry.attempts - 1) });
      });
      if (restored.length) await db.outbox.bulkPut(restored);
    }),
  );
}

/** Re-stamps every never-sent queued response (the hand-carry export must hold exactly what a later upload sends). */
export function stampQueued(device: Pick<DeviceSetup, 'deviceId' | 'siteId'>): Promise<number> {
  return guardedWrite(() =>
    db.transaction('rw', db.outbox, async () => {
      const queued = await db.outbox.where('state').equals('queued').toArray();
      const changed = queued.map((e) => stamp(e, device)).filter((e, i) => e !== queued[i]);
      if (changed.length) await db.outbox.bulkPut(changed);
      return changed.length;
    }),
  );
}

/**
 * Applies one answer of the server in one transaction: accepted/duplicate → sent (kept 30 days), conflict and
 * rejected → set aside with the verdict for a supervisor; the sync time is written in the same transaction.
 */
export function applyVerdicts(sent: readonly OutboxEntry[], results: readonly ServerVerdict[], at = new Date()): Promise<Tally> {
  const byId = new Map<string, ServerVerdict>();
  for (const v of results) if (v && typeof v.id === 'string') byId.set(v.id, v);
  const tally: Tally = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0, unanswered: 0 };
  const now = at.toISOString();
  return guardedWrite(() =>
    db.transaction('rw', db.outbox, db.settings, async () => {
      const current = await db.outbox.bulkGet(sent.map((e) => e.id));
      const updates: OutboxEntry[] = [];
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
      if (updates.length) await db.outbox.bulkPut(updates);
      await db.settings.put({ key: 'lastSyncAt', value: now });
      await db.settings.delete('lastSyncError');
      return tally;
    }),
  );
}

/** Sets one response aside without asking the server (it is too large for any request). */
export function setAside(entry: OutboxEntry, verdict: Verdict): Promise<void> {
  return guardedWrite(() =>
    db.transaction('rw', db.outbox, async () => {
      const current = await db.outbox.get(entry.id);
      if (current?.state === 'queued') await db.outbox.put({ ...current, state: 'rejected', verdict });
    }),
  );
}
