// The outbox uploader: one sender across tabs, batches to POST /api/v1/submissions, backoff with jitter. Its clock,
// network and lock are handed in (start.ts makes the one instance a tab uses), so tests can drive every path.
import type { DeviceReport } from '../../core/protocol/devices';
import type { RefusalsBody } from '../../core/protocol/refusals';
import type { SubmissionsBody, Verdict } from '../../core/protocol/verdicts';
import { ApiError, type ApiFailure } from '../api/api-error';
import { deleteSetting, getSetting, setSetting, type DeviceSetup } from '../store/settings';
import type { SyncActivity } from './activity';
import { backoffDelay } from './backoff';
import { decodeFailure, encodeFailure, isAuthFailure } from './failure';
import type { QueuedEntry } from '../store/types';
import { applyVerdicts, refusalQueue, responseQueue, setAside, takeBatch, unmark, type Queue } from './outbox-batch';
import { DEFAULT_TUNING, readTuning, type SyncTuning } from './sync-settings';

type Trigger = 'start' | 'online' | 'visible' | 'timer' | 'retry' | 'queued' | 'manual';
/** done: nothing left; failed: retry after a backoff; blocked: the token was refused; busy: another tab sends. */
type Outcome = 'done' | 'failed' | 'blocked' | 'busy' | 'idle';

/** How soon a tab that found another tab sending looks again (that tab may have missed what was queued here). */
export const BUSY_RECHECK_MS = 5_000;

export interface Clock {
  now(): number;
  /** Calls fn once after ms; the returned function cancels it. */
  after(ms: number, fn: () => unknown): () => void;
}

/** Runs fn holding the device's one sender lock, or answers at once that another tab holds it. */
export type SendLock = <T>(fn: () => Promise<T>) => Promise<{ held: true; value: T } | { held: false }>;

/** POSTs one batch to /api/v1/submissions and returns the JSON answer; any failed exchange throws ApiError. */
export type PostBatch = (body: SubmissionsBody, o: { token: string; timeoutMs: number }) => Promise<unknown>;

/** POSTs one batch of refusals to /api/v1/refusals (the same answer: a verdict per item); throws ApiError as PostBatch. */
type PostRefusals = (body: RefusalsBody, o: { token: string; timeoutMs: number }) => Promise<unknown>;

/** The heartbeat: the tablet's report before each run's uploads (and after them when they emptied the queue). */
export interface HeartbeatDeps {
  /** The report as the tablet stands now. */
  build: () => Promise<DeviceReport>;
  /** POSTs it to /api/v1/device/heartbeat and returns the answer (GET /api/v1/device's); a failed exchange throws ApiError. */
  post: (report: DeviceReport, o: { token: string; timeoutMs: number }) => Promise<unknown>;
  /** Keeps the answer (site, enumerators, procedures) as enrolment does, unless the tablet was enrolled again meanwhile. */
  store: (answer: unknown, device: DeviceSetup) => Promise<void>;
}

/** An idle tablet's timer wakes it every minute: with nothing waiting it reports itself only this often. */
export const IDLE_HEARTBEAT_MS = 15 * 60_000;

interface UploaderDeps {
  clock: Clock;
  post: PostBatch;
  postRefusals: PostRefusals;
  lock: SendLock;
  /** The browser's guess (navigator.onLine): when false only a person's "Send now" tries. */
  online: () => boolean;
  /** What the status bar shows: sending, and when the next automatic try is due. */
  report: (activity: SyncActivity) => void;
  /** The backoff's jitter. */
  random?: () => number;
  /** Without it (tests of the uploads alone) no heartbeat is sent. */
  heartbeat?: HeartbeatDeps;
}

export interface Uploader {
  /**
   * Asks the uploader to look at the outbox; cheap to call often. Never two runs at once: a wake during a run
   * runs once more after it. Resolves when the run this wake belongs to has ended.
   */
  wake(trigger: Trigger): Promise<void>;
  /** "Send now": a person's request; it ignores the backoff and tries once more after a refused token. */
  sendNow(): Promise<void>;
  /** Cancels the timers; later wakes do nothing. */
  stop(): void;
}

// When several wakes arrive during a run, the one that asks most decides how the next run starts.
const STRENGTH: Record<Trigger, number> = { manual: 3, online: 2, retry: 1, start: 0, visible: 0, timer: 0, queued: 0 };

/** A refusal of the request as a whole that smaller batches may avoid (too large, too many, unreadable). */
function refusesBatch(f: ApiFailure): boolean {
  return f.kind === 'problem' && (f.status === 413 || f.status === 400);
}

export function createUploader({ clock, post, postRefusals, lock, online, report, random = Math.random, heartbeat }: UploaderDeps): Uploader {
  let lastHeartbeatAt = -Infinity;
  let current: Promise<void> | null = null;
  let pending: Trigger | null = null;
  let failures = 0;
  let retryAt = 0;
  let cancelRetry: (() => void) | null = null;
  let cancelBusy: (() => void) | null = null;
  let stopped = false;

  /** Whether a wake for this reason runs now; a person's request or the network coming back clears the backoff. */
  function admit(trigger: Trigger): boolean {
    if (stopped) return false;
    if (trigger === 'manual' || trigger === 'online') {
      if (trigger === 'manual') failures = 0;
      retryAt = 0;
    } else if (trigger !== 'retry' && clock.now() < retryAt) {
      return false;
    }
    return trigger === 'manual' || online();
  }

  function wake(trigger: Trigger): Promise<void> {
    if (current) {
      if (pending === null || STRENGTH[trigger] > STRENGTH[pending]) pending = trigger;
      return current;
    }
    if (!admit(trigger)) return Promise.resolve();
    current = runWhileAsked(trigger);
    return current;
  }

  async function runWhileAsked(first: Trigger): Promise<void> {
    try {
      for (let trigger: Trigger | null = first; trigger; ) {
        await runOnce(trigger);
        const next: Trigger | null = pending;
        pending = null;
        trigger = next && admit(next) ? next : null;
      }
    } finally {
      // Cleared in the same turn as the last look at `pending`, so no wake can fall between the two.
      current = null;
    }
  }

  async function runOnce(trigger: Trigger): Promise<void> {
    cancelRetry?.();
    cancelRetry = null;
    report({ sending: true, retryAt: null });
    let outcome: Outcome;
    let tuning = DEFAULT_TUNING;
    try {
      tuning = await readTuning();
      const locked = await lock(() => drain(trigger, tuning));
      outcome = locked.held ? locked.value : 'busy';
    } catch {
      // A storage error (already shown by the store's banner): treat it like a failed attempt.
      outcome = 'failed';
    }
    if (outcome === 'failed') {
      failures++;
      const delay = backoffDelay(failures, tuning.backoffBaseMs, tuning.maxBackoffMs, random);
      retryAt = clock.now() + delay;
      if (!stopped) cancelRetry = clock.after(delay, () => wake('retry'));
    } else if (outcome !== 'busy') {
      failures = 0;
      retryAt = 0;
    } else if (!cancelBusy && !stopped) {
      // Another tab holds the lock; look again shortly in case it finished just before our responses were queued.
      cancelBusy = clock.after(BUSY_RECHECK_MS, () => {
        cancelBusy = null;
        return wake('timer');
      });
    }
    report({ sending: false, retryAt: outcome === 'failed' ? retryAt : null });
  }

  /** Sends the report; the failure that should end the run, or null (sent, skipped, or refused only as a report). */
  async function beat(trigger: Trigger | 'closing', device: DeviceSetup, tuning: SyncTuning): Promise<ApiFailure | null> {
    if (!heartbeat) return null;
    const r = await heartbeat.build();
    const routine = trigger === 'timer' || trigger === 'visible';
    if (routine && r.waiting === 0 && clock.now() - lastHeartbeatAt < IDLE_HEARTBEAT_MS) return null;
    try {
      const answer = await heartbeat.post(r, { token: device.token!, timeoutMs: tuning.timeoutMs });
      lastHeartbeatAt = clock.now();
      await heartbeat.store(answer, device);
      return null;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const f = e.failure;
      // Refused for what it is, not for who sent it (an older server without the route, a report it cannot read): uploads go on.
      return f.kind === 'problem' && f.status >= 400 && f.status < 500 && f.status !== 401 ? null : f;
    }
  }

  /** The run ends on this failure: kept (it is the next report's lastSyncError, and 401 blocks sending). */
  async function failWith(failure: ApiFailure, device: DeviceSetup): Promise<Outcome> {
    // Enrolled again while this request was out: its failure belongs to the old token, and a new run is pending.
    if ((await getSetting('device'))?.token !== device.token) return 'idle';
    await setSetting('lastSyncError', encodeFailure(failure));
    return isAuthFailure(failure) ? 'blocked' : 'failed';
  }

  async function drain(trigger: Trigger, tuning: SyncTuning): Promise<Outcome> {
    const device = await getSetting('device');
    if (!device?.token) return 'idle';
    if (trigger !== 'manual' && isAuthFailure(decodeFailure(await getSetting('lastSyncError')))) return 'blocked';
    // The report first: with nothing waiting it is the whole sync, and a revoked tablet learns it here.
    const refused = await beat(trigger, device, tuning);
    if (refused) return failWith(refused, device);
    const responses = await drainQueue(responseQueue, (batch, o) => post({ responses: batch.map((e) => e.response) }, o), device, tuning);
    if ('failure' in responses) return failWith(responses.failure, device);
    const refusals = await drainQueue(refusalQueue, (batch, o) => postRefusals({ refusals: batch.map((e) => e.refusal) }, o), device, tuning);
    if ('failure' in refusals) return failWith(refusals.failure, device);
    const sent = responses.sent || refusals.sent;
    // Nothing waits: an old network error no longer means anything (a refused token still does).
    const stale = decodeFailure(await getSetting('lastSyncError'));
    if (stale && !isAuthFailure(stale)) await deleteSetting('lastSyncError');
    // The queue is empty now: say so, or the list would show what waited before this run until the next one.
    if (sent) await beat('closing', device, tuning);
    return 'done';
  }

  /**
   * Sends one queue until it is empty (responses, then refusals: the same verdicts, the same halving of a batch the
   * server will not take); the failure that ends the run, or whether anything was sent.
   */
  async function drainQueue<E extends QueuedEntry>(
    queue: Queue<E>,
    send: (batch: E[], o: { token: string; timeoutMs: number }) => Promise<unknown>,
    device: DeviceSetup,
    tuning: SyncTuning,
  ): Promise<{ sent: boolean } | { failure: ApiFailure }> {
    let size = tuning.batchSize;
    let sent = false;
    for (;;) {
      const batch = await takeBatch(size, device, new Date(clock.now()), queue);
      if (!batch.length) return { sent };
      let failure: ApiFailure;
      try {
        const answer = (await send(batch, { token: device.token!, timeoutMs: tuning.timeoutMs })) as { results?: unknown } | null;
        if (!Array.isArray(answer?.results)) throw new ApiError({ kind: 'bad-answer', status: 200 });
        const tally = await applyVerdicts(batch, answer.results as Verdict[], new Date(clock.now()), queue);
        // Every item must get a verdict; one left unanswered would be taken again first, forever.
        if (tally.unanswered > 0) throw new ApiError({ kind: 'bad-answer', status: 200 });
        size = tuning.batchSize;
        sent = true;
        continue;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        failure = e.failure;
      }
      // A 4xx problem answers the request as a whole, before any item is stored.
      if (failure.kind === 'problem' && failure.status >= 400 && failure.status < 500) await unmark(batch, queue);
      if (refusesBatch(failure)) {
        if (size > 1) {
          // Halve until the request fits or the one item the server cannot take is found.
          size = Math.max(1, Math.floor(Math.min(size, batch.length) / 2));
          continue;
        }
        const code = failure.kind === 'problem' && failure.code ? Number(failure.code) : undefined;
        await setAside(batch[0], { status: 'rejected', ...(code ? { code } : {}), ...(failure.kind === 'problem' && failure.detail ? { reason: failure.detail } : {}) }, queue);
        size = tuning.batchSize;
        continue;
      }
      return { failure };
    }
  }

  return {
    wake,
    sendNow: () => wake('manual'),
    stop() {
      stopped = true;
      cancelRetry?.();
      cancelBusy?.();
      cancelRetry = cancelBusy = null;
    },
  };
}
