// Sync in a tab: the one uploader (on the browser's clock, network and Web Locks), what wakes it, and a refresh of
// site, enumerators and forms when due.
import { liveQuery } from 'dexie';
import { countQueued, pruneSent, reindexStranded } from '../store/outbox';
import { tabletApi } from '../api/tablet';
import { setActivity } from './activity';
import { refreshIfStale } from './enrolment';
import { readTuning } from './sync-settings';
import { createUploader, type Clock, type SendLock } from './uploader';

const SYNC_LOCK = 'hailong-sync';

declare const __APP_VERSION__: string;

const browserClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/** One sender per device across tabs. Without Web Locks (an insecure context) this tab still sends one batch at a time; the server's idempotency covers the rest. */
const webLock: SendLock = async (fn) => {
  if (typeof navigator === 'undefined' || !navigator.locks) return { held: true, value: await fn() };
  return navigator.locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) => (lock ? { held: true as const, value: await fn() } : { held: false as const }));
};

/**
 * The heartbeat's report and the reader of the device answer, loaded with the first sync or refresh of an enrolled
 * tablet rather than with every screen (the kiosk's JS budget); one import, so one loader in the start-up code.
 */
export const fleetCode = () => import('./heartbeat');

const uploader = createUploader({
  clock: browserClock,
  lock: webLock,
  post: (body, o) => tabletApi.call('POST /api/v1/submissions', { token: o.token, body, timeoutMs: o.timeoutMs }),
  postRefusals: (body, o) => tabletApi.call('POST /api/v1/refusals', { token: o.token, body, timeoutMs: o.timeoutMs }),
  online: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  report: setActivity,
  heartbeat: {
    build: async () => (await fleetCode()).buildDeviceReport(__APP_VERSION__),
    post: (report, o) => tabletApi.call('POST /api/v1/device/heartbeat', { token: o.token, body: report, timeoutMs: o.timeoutMs }),
    store: async (answer, device) => (await fleetCode()).storeDeviceAnswer(answer, device),
  },
});

/** "Send now": a person's request; it also tries once more after a refused token, in case it was restored. */
export function sendNow(): void {
  void uploader.sendNow();
}

let started = false;

/**
 * Starts sync once per tab: prunes sent responses past their retention, then sends at start, when the network
 * comes back, when the tablet wakes, when a response is queued (in this tab or another), and on a timer.
 */
export function startSync(): void {
  if (started) return;
  started = true;
  void pruneSent().catch(() => {});
  window.addEventListener('online', () => {
    void uploader.wake('online');
    void refreshIfStale();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void uploader.wake('visible');
  });
  void readTuning().then((t) => setInterval(() => void uploader.wake('timer'), t.pollMs));
  let lastCount = -1;
  liveQuery(countQueued).subscribe({
    next: (n) => {
      if (n > lastCount && lastCount >= 0) void uploader.wake('queued');
      lastCount = n;
    },
    error: () => {},
  });
  // Stranded entries first, so the first run sends them too.
  void reindexStranded()
    .catch(() => 0)
    .then(() => uploader.wake('start'));
  void refreshIfStale();
}
