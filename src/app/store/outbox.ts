// Outbox queries: what waits, what needs a supervisor, and the retention of what was sent.
import { db } from './db';
import type { OutboxEntry } from './types';

const SENT_RETENTION_DAYS = 30;

export function countWaiting(): Promise<number> {
  return db.outbox.where('state').equals('queued').count();
}

export function countNeedingAttention(): Promise<number> {
  return db.outbox.where('state').anyOf('conflict', 'rejected').count();
}

export function nextBatch(limit: number): Promise<OutboxEntry[]> {
  return db.outbox.where('[state+queuedAt]').between(['queued', ''], ['queued', '\uffff']).limit(limit).toArray();
}

export function needingAttention(): Promise<OutboxEntry[]> {
  return db.outbox.where('state').anyOf('conflict', 'rejected').toArray();
}

export function unsent(): Promise<OutboxEntry[]> {
  return db.outbox.where('state').notEqual('sent').toArray();
}

/** Sent responses are kept 30 days for a supervisor to check; unsent ones are never deleted. */
export function pruneSent(now = Date.now()): Promise<number> {
  const cutoff = new Date(now - SENT_RETENTION_DAYS * 86_400_000).toISOString();
  return db.outbox.where('state').equals('sent').filter((e) => (e.sentAt ?? '') < cutoff).delete();
}
