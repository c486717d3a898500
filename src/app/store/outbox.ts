// Outbox queries: what waits, what needs a supervisor, and the retention of what was sent.
import type { Table } from 'dexie';
import { db } from './db';
import type { OutboxEntry, OutboxState, QueuedEntry } from './types';

const SENT_RETENTION_DAYS = 30;
const STATES: OutboxState[] = ['queued', 'sent', 'conflict', 'rejected'];

export function countWaiting(): Promise<number> {
  return db.outbox.where('state').equals('queued').count();
}

export function countRefusalsWaiting(): Promise<number> {
  return db.refusals.where('state').equals('queued').count();
}

/** Responses and refusals the server set aside (conflict or rejected): a supervisor looks at each. */
export async function countNeedingAttention(): Promise<number> {
  const [responses, refusals] = await Promise.all([db.outbox, db.refusals].map((t) => t.where('state').anyOf('conflict', 'rejected').count()));
  return responses + refusals;
}

/** The oldest queued entries of the responses' outbox, or of another queue of the same shape (the refusals'). */
export function nextBatch<E extends QueuedEntry = OutboxEntry>(limit: number, table: Table<E, string> = db.outbox as unknown as Table<E, string>): Promise<E[]> {
  return table.where('[state+queuedAt]').between(['queued', ''], ['queued', '\uffff']).limit(limit).toArray();
}

export function needingAttention<E extends QueuedEntry = OutboxEntry>(table: Table<E, string> = db.outbox as unknown as Table<E, string>): Promise<E[]> {
  return table.where('state').anyOf('conflict', 'rejected').toArray();
}

/** Everything not yet stored on the server, set-aside items included (the hand-carry file carries them all). */
export function unsent<E extends QueuedEntry = OutboxEntry>(table: Table<E, string> = db.outbox as unknown as Table<E, string>): Promise<E[]> {
  return table.where('state').notEqual('sent').toArray();
}

/** Responses and refusals waiting to be sent: what wakes the uploader when it grows. */
export async function countQueued(): Promise<number> {
  const [responses, refusals] = await Promise.all([countWaiting(), countRefusalsWaiting()]);
  return responses + refusals;
}

/** Sent responses are kept 30 days for a supervisor to check; unsent ones are never deleted. */
export async function pruneSent(now = Date.now()): Promise<number> {
  const cutoff = new Date(now - SENT_RETENTION_DAYS * 86_400_000).toISOString();
  const old = (e: QueuedEntry) => (e.sentAt ?? '') < cutoff;
  const [responses, refusals] = await Promise.all([
    db.outbox.where('state').equals('sent').filter(old).delete(),
    db.refusals.where('state').equals('sent').filter(old).delete(),
  ]);
  return responses + refusals;
}

/**
 * An entry whose stored state no index knows (left by an older build or a damaged write) reads back repaired, but the
 * queue's index queries never see it: it would never be sent nor counted. Store what its repair reads, so it is.
 */
export async function reindexStranded(): Promise<number> {
  const indexed = new Set(await db.outbox.where('state').anyOf(STATES).primaryKeys());
  if (indexed.size === (await db.outbox.count())) return 0;
  const stranded = (await db.outbox.toArray()).filter((e) => !indexed.has(e.id));
  await db.outbox.bulkPut(stranded);
  return stranded.length;
}
