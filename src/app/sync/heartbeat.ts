// The tablet's report of itself (DeviceReport), sent before each sync's uploads so the console's tablet list is true
// without anyone visiting the desk: what waits and since when, the storage the browser grants, the last failure.
import type { DeviceReport } from '../../core/protocol/devices';
import { toIsoWithOffset } from '../../core/time';
import type { ApiFailure } from '../api/api-error';
import { db } from '../store/db';
import { getSetting } from '../store/settings';
import { decodeFailure } from './failure';

// Loaded together with the report (start.ts fleetCode): what the heartbeat and GET /api/v1/device answer is kept by it.
export { storeDeviceAnswer } from './device-answer';

/** The part of navigator.storage the report reads; either method may be missing (an older browser, an insecure page). */
export interface StorageProbe {
  estimate?: () => Promise<{ usage?: number }>;
  persisted?: () => Promise<boolean>;
}

/** A failure as the report names it: the problem code ("401.2"), "http-<status>" without one, else "network" or "bad-answer". */
export function failureCode(f: ApiFailure | null): string | null {
  if (!f) return null;
  switch (f.kind) {
    case 'network':
    case 'timeout':
      return 'network';
    case 'problem':
      return f.code ?? `http-${f.status}`;
    case 'bad-answer':
      return 'bad-answer';
  }
}

async function ask<T>(fn: (() => Promise<T>) | undefined): Promise<T | null> {
  if (!fn) return null;
  try {
    return await fn();
  } catch {
    return null;
  }
}

/** The report as the tablet stands now: the queue, the browser's storage, and the previous run's failure. */
export async function buildDeviceReport(appVersion: string, storage: StorageProbe | undefined = typeof navigator === 'undefined' ? undefined : navigator.storage): Promise<DeviceReport> {
  let waiting = 0;
  let oldest: { ms: number; at: string } | null = null;
  const count = (at: string) => {
    waiting++;
    const ms = Date.parse(at);
    if (Number.isFinite(ms) && (!oldest || ms < oldest.ms)) oldest = { ms, at };
  };
  // A refusal is part of the response rate: a supervisor must see it waiting as a response would be.
  await db.outbox.where('state').equals('queued').each((e) => count(e.response.completedAt));
  await db.refusals.where('state').equals('queued').each((e) => count(e.refusal.occurredAt));
  const [estimate, persisted] = await Promise.all([ask(storage?.estimate?.bind(storage)), ask(storage?.persisted?.bind(storage))]);
  const usage = estimate?.usage;
  return {
    appVersion: appVersion.slice(0, 32) || 'unknown',
    waiting,
    oldestWaitingAt: (oldest as { at: string } | null)?.at ?? null,
    storageUsedBytes: typeof usage === 'number' && Number.isFinite(usage) && usage >= 0 ? usage : null,
    storagePersisted: typeof persisted === 'boolean' ? persisted : null,
    lastSyncError: failureCode(decodeFailure(await getSetting('lastSyncError'))),
    clockAt: toIsoWithOffset(),
  };
}
