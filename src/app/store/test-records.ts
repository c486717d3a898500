// Records as the app writes them, for the store and sync tests that run on a real Dexie (fake-indexeddb).
import { builtinForms, newResponseId, Response, toIsoWithOffset } from '../../core';
import { Refusal } from '../../core/protocol/refusals';
import type { OutboxEntry, RefusalEntry } from './types';

const deskRating = builtinForms.find((f) => f.id === 'desk-rating')!;

/** A completed kiosk rating, queued and never sent. */
export function queuedEntry(identity: { deviceId: string; siteId: string }, over: Partial<OutboxEntry> = {}): OutboxEntry {
  const id = newResponseId();
  const now = toIsoWithOffset();
  const response = Response.parse({
    id,
    formId: deskRating.id,
    formVersion: deskRating.version,
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

/** n queued entries in queue order (the first is the oldest). */
export function queuedEntries(n: number, identity: { deviceId: string; siteId: string }): OutboxEntry[] {
  return Array.from({ length: n }, (_, i) => queuedEntry(identity, { queuedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }));
}

/** A refusal of an interview, queued and never sent. */
export function queuedRefusal(identity: { deviceId: string; siteId: string }, over: Partial<RefusalEntry> = {}): RefusalEntry {
  const id = newResponseId();
  const refusal = Refusal.parse({ id, formId: 'sipas-2017', formVersion: 1, ...identity, enumeratorId: 'enum-1', reason: 'declined', occurredAt: toIsoWithOffset(), appVersion: '0.1.0' });
  return { id, refusal, state: 'queued', queuedAt: new Date().toISOString(), attempts: 0, ...over };
}
