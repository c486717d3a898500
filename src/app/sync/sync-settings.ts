// Settings only the sync area reads and writes: the uploader's tuning and what enrolment learnt about the site.
import { useLiveQuery } from 'dexie-react-hooks';
import type { EnumeratorJson } from '../../core/protocol/devices';
import { MAX_BATCH_ITEMS } from '../../core/protocol/limits';
import type { SiteJson } from '../../core/protocol/sites';
import { db } from '../store/db';
import { guardedWrite } from '../store/errors';

export interface SyncTuning {
  /** A request that has not finished by then is aborted and counts as a failure. */
  timeoutMs: number;
  /** Items per POST; the server takes at most MAX_BATCH_ITEMS. */
  batchSize: number;
  /** Backoff after n failures in a row: a random wait in [0, min(maxBackoffMs, backoffBaseMs · 2^n)). */
  backoffBaseMs: number;
  maxBackoffMs: number;
  /** How often an idle tablet looks for something to send. */
  pollMs: number;
}

export const DEFAULT_TUNING: SyncTuning = { timeoutMs: 30_000, batchSize: MAX_BATCH_ITEMS, backoffBaseMs: 1_000, maxBackoffMs: 300_000, pollMs: 60_000 };

const TUNING_KEY = 'syncTuning';
const ENROLMENT_KEY = 'enrolment';

function positive(v: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.min(v, max) : fallback;
}

/** The tuning in force: defaults, overridden field by field by a stored "syncTuning" row (tests shorten the timeout). */
export async function readTuning(): Promise<SyncTuning> {
  const stored = ((await db.settings.get(TUNING_KEY))?.value ?? {}) as Partial<Record<keyof SyncTuning, unknown>>;
  return {
    timeoutMs: positive(stored.timeoutMs, DEFAULT_TUNING.timeoutMs),
    batchSize: Math.floor(positive(stored.batchSize, DEFAULT_TUNING.batchSize, MAX_BATCH_ITEMS)),
    backoffBaseMs: positive(stored.backoffBaseMs, DEFAULT_TUNING.backoffBaseMs),
    maxBackoffMs: positive(stored.maxBackoffMs, DEFAULT_TUNING.maxBackoffMs),
    pollMs: positive(stored.pollMs, DEFAULT_TUNING.pollMs),
  };
}

/** A procedure the site's interviews name often, as GET /api/v1/device lists it. */
export interface KnownProcedure {
  code: string;
  name: string;
}

/** What the endpoint told this tablet about itself; kept so the enumerator list works offline. */
export interface EnrolmentInfo {
  deviceId: string;
  deviceName: string;
  /** From enrolment; GET /api/v1/device refreshes it. */
  site: Pick<SiteJson, 'id' | 'code' | 'name' | 'timeZone'>;
  enumerators: EnumeratorJson[];
  /** The site's most used procedures, most used first; offered when an interview starts, offline too. */
  procedures?: KnownProcedure[];
  /** When the device, enumerators and forms were last fetched. */
  refreshedAt?: string;
  formsFetchedAt?: string;
  formCount?: number;
}

export async function getEnrolmentInfo(): Promise<EnrolmentInfo | undefined> {
  return (await db.settings.get(ENROLMENT_KEY))?.value as EnrolmentInfo | undefined;
}

export function putEnrolmentInfo(info: EnrolmentInfo): Promise<string> {
  return guardedWrite(() => db.settings.put({ key: ENROLMENT_KEY, value: info }));
}

export function useEnrolmentInfo(): EnrolmentInfo | null | undefined {
  return useLiveQuery(async () => (await getEnrolmentInfo()) ?? null, []);
}
