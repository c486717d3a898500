// The outbox uploader: one sender across tabs (Web Locks), batches to POST /api/v1/submissions, backoff with jitter.
import { liveQuery } from 'dexie';
import { countWaiting, pruneSent } from '../store/outbox';
import { deleteSetting, getSetting, setSetting } from '../store/settings';
import { setActivity } from './activity';
import { apiJson } from './api';
import { backoffDelay } from './backoff';
import { decodeFailure, encodeFailure, isAuthFailure, SyncError, type SyncFailure } from './failure';
import { applyVerdicts, setAside, takeBatch, unmark, type ServerVerdict } from './outbox-batch';
import { readTuning } from './sync-settings';

export type Trigger = 'start' | 'online' | 'visible' | 'timer' | 'retry' | 'queued' | 'manual';
/** done: nothing left; failed: retry after a backoff; blocked: the token was refused; busy: another tab sends. */
type Outcome = 'done' | 'failed' | 'blocked' | 'busy' | 'idle';

export const SYNC_LOCK = 'hailong-sync';
export const SUBMISSIONS_PATH = '/api/v1/submissions';

let started = false;
let running = false;
let pending: Trigger | null = null;
let failures = 0;
let retryAt = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let busyTimer: ReturnType<typeof setTimeout> | undefined;
let hooks: (() => void) | undefined;

/** Asks the uploader to look at the outbox; cheap to call often (at most one run per tab, one sender per device). */
export function wake(trigger: Trigger): void {
  if (running) {
    // Remember the strongest reason to run again once this run ends.
    if (pending !== 'manual') pending = trigger;
    return;
  }
  if (trigger === 'manual' || trigger === 'online') {
    // A person asked, or the network just came back: try now, whatever the backoff said.
    failures = trigger === 'manual' ? 0 : failures;
    retryAt = 0;
  } else if (trigger !== 'retry' && Date.now() < retryAt) {
    return;
  }
  if (trigger !== 'manual' && typeof navigator !== 'undefined' && navigator.onLine === false) return;
  void run(trigger);
}

/** "Send now": a person's request; it also tries once more after a refused token, in case it was restored. */
export function sendNow(): void {
  wake('manual');
}

async function run(trigger: Trigger): Promise<void> {
  running = true;
  clearTimeout(retryTimer);
  setActivity({ sending: true, retryAt: null });
  let outcome: Outcome;
  try {
    outcome = await withLock(() => drain(trigger));
  } catch {
    // A storage error (already shown by the store's banner): treat it like a failed attempt.
    outcome = 'failed';
  }
  running = false;
  if (outcome === 'failed') {
    failures++;
    const t = await readTuning();
    const delay = backoffDelay(failures, t.backoffBaseMs, t.maxBackoffMs);
    retryAt = Date.now() + delay;
    retryTimer = setTimeout(() => wake('retry'), delay);
  } else if (outcome !== 'busy') {
    failures = 0;
    retryAt = 0;
  } else if (!busyTimer) {
    // Another tab holds the lock; look again shortly in case it finished just before our responses were queued.
    busyTimer = setTimeout(() => {
      busyTimer = undefined;
      wake('timer');
    }, 5_000);
  }
  setActivity({ sending: false, retryAt: outcome === 'failed' ? retryAt : null });
  const next = pending;
  pending = null;
  if (next) wake(next);
}

function withLock(fn: () => Promise<Outcome>): Promise<Outcome> {
  // Without Web Locks (an insecure context) one tab still sends one batch at a time; the server's idempotency covers the rest.
  if (typeof navigator === 'undefined' || !navigator.locks) return fn();
  return navigator.locks.request(SYNC_LOCK, { ifAvailable: true }, (lock) => (lock ? fn() : 'busy'));
}

/** A refusal of the request as a whole that smaller batches may avoid (too large, too many, unreadable). */
function refusesBatch(f: SyncFailure): boolean {
  return f.kind === 'problem' && (f.status === 413 || f.status === 400);
}

async function drain(trigger: Trigger): Promise<Outcome> {
  const device = await getSetting('device');
  if (!device?.token) return 'idle';
  if (trigger !== 'manual' && isAuthFailure(decodeFailure(await getSetting('lastSyncError')))) return 'blocked';
  const tuning = await readTuning();
  let size = tuning.batchSize;
  for (;;) {
    const batch = await takeBatch(size, device);
    if (!batch.length) {
      // Nothing waits: an old network error no longer means anything (a refused token still does).
      const stale = decodeFailure(await getSetting('lastSyncError'));
      if (stale && !isAuthFailure(stale)) await deleteSetting('lastSyncError');
      return 'done';
    }
    let failure: SyncFailure | null = null;
    try {
      const answer = await apiJson<{ results?: unknown }>(SUBMISSIONS_PATH, {
        token: device.token,
        body: { responses: batch.map((e) => e.response) },
        timeoutMs: tuning.timeoutMs,
      });
      if (!Array.isArray(answer.results)) throw new SyncError({ kind: 'bad-answer', status: 200 });
      const tally = await applyVerdicts(batch, answer.results as ServerVerdict[]);
      // Every item must get a verdict; one left unanswered would be taken again first, forever.
      if (tally.unanswered > 0) throw new SyncError({ kind: 'bad-answer', status: 200 });
      size = tuning.batchSize;
      continue;
    } catch (e) {
      if (!(e instanceof SyncError)) throw e;
      failure = e.failure;
    }
    // A 4xx problem answers the request as a whole, before any item is stored.
    if (failure.kind === 'problem' && failure.status >= 400 && failure.status < 500) await unmark(batch);
    if (refusesBatch(failure)) {
      if (size > 1) {
        // Halve until the request fits or the one response the server cannot take is found.
        size = Math.max(1, Math.floor(Math.min(size, batch.length) / 2));
        continue;
      }
      const code = failure.kind === 'problem' && failure.code ? Number(failure.code) : undefined;
      await setAside(batch[0], { status: 'rejected', ...(code ? { code } : {}), ...(failure.kind === 'problem' && failure.detail ? { reason: failure.detail } : {}) });
      size = tuning.batchSize;
      continue;
    }
    // Enrolled again while this request was out: its failure belongs to the old token, and a new run is pending.
    if ((await getSetting('device'))?.token !== device.token) return 'idle';
    await setSetting('lastSyncError', encodeFailure(failure));
    return isAuthFailure(failure) ? 'blocked' : 'failed';
  }
}

/**
 * Starts the uploader once per tab: prunes sent responses past their retention, then runs at start, when the
 * network comes back, when the tablet wakes, when a response is queued, and on a timer.
 */
export function startUploader(): () => void {
  if (started && hooks) return hooks;
  started = true;
  void pruneSent().catch(() => {});
  const onOnline = () => wake('online');
  const onVisible = () => {
    if (document.visibilityState === 'visible') wake('visible');
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  let poll: ReturnType<typeof setInterval> | undefined;
  void readTuning().then((t) => {
    if (started) poll = setInterval(() => wake('timer'), t.pollMs);
  });
  // A newly queued response (from this tab or another) is sent without waiting for the timer.
  let lastCount = -1;
  const sub = liveQuery(countWaiting).subscribe({
    next: (n) => {
      if (n > lastCount && lastCount >= 0) wake('queued');
      lastCount = n;
    },
    error: () => {},
  });
  wake('start');
  hooks = () => {
    started = false;
    hooks = undefined;
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(poll);
    clearTimeout(retryTimer);
    clearTimeout(busyTimer);
    sub.unsubscribe();
  };
  return hooks;
}
