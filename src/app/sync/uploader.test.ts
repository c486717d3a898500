// The uploader on a real Dexie (fake-indexeddb) with a hand-driven clock, a scripted server and a device-wide lock:
// what it sends, when, and what the queue holds afterwards.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Response } from '../../core';
import type { Verdict } from '../../core/protocol/verdicts';
import { ApiError, type ApiFailure } from '../api/api-error';
import { db } from '../store/db';
import { countWaiting } from '../store/outbox';
import { getSetting, setSetting, type DeviceSetup } from '../store/settings';
import { queuedEntries, queuedEntry, queuedRefusal } from '../store/test-records';
import type { OutboxEntry } from '../store/types';
import type { SyncActivity } from './activity';
import { decodeFailure } from './failure';
import type { SyncTuning } from './sync-settings';
import type { DeviceReport } from '../../core/protocol/devices';
import { buildDeviceReport } from './heartbeat';
import { BUSY_RECHECK_MS, createUploader, IDLE_HEARTBEAT_MS, type Clock, type HeartbeatDeps, type PostBatch, type SendLock, type Uploader } from './uploader';

const DEVICE: DeviceSetup = { deviceId: 'dev-1', siteId: 'site-1', siteName: 'Một cửa Hồng Bàng', enumeratorId: '', enumeratorName: '', token: 'tok-1' };
const ME = { deviceId: DEVICE.deviceId, siteId: DEVICE.siteId };

/** A clock that moves only when told; timers that fall due run in order, and what they start is waited for. */
function manualClock(start = Date.UTC(2026, 2, 2, 2, 0, 0)) {
  let now = start;
  let timers: { at: number; seq: number; fn: () => unknown }[] = [];
  let seq = 0;
  const clock: Clock = {
    now: () => now,
    after(ms, fn) {
      const timer = { at: now + ms, seq: seq++, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
  };
  return {
    clock,
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        await due.fn();
      }
      now = end;
    },
    /** How long until each waiting timer fires. */
    waiting: () => timers.map((t) => t.at - now),
  };
}

interface Request {
  token: string;
  ids: string[];
  responses: Response[];
}

type Answer = (ids: string[]) => unknown;
const acceptAll: Answer = (ids) => ({ results: ids.map((id) => ({ id, status: 'accepted' })) });
const fail = (f: ApiFailure): Answer => () => {
  throw new ApiError(f);
};

/** The endpoint as the uploader sees it: every request is recorded; `answer` decides the reply; `hold` keeps the next one out. */
function scriptedServer() {
  const requests: Request[] = [];
  let answer: Answer = acceptAll;
  let gate: { reached: () => void; opened: Promise<void> } | null = null;
  let inFlight = 0;
  let maxInFlight = 0;
  const post: PostBatch = async (body, o) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const ids = body.responses.map((r) => r.id);
      requests.push({ token: o.token, ids, responses: body.responses });
      if (gate) {
        const g = gate;
        gate = null;
        g.reached();
        await g.opened;
      }
      return answer(ids);
    } finally {
      inFlight--;
    }
  };
  return {
    post,
    requests,
    answerWith(a: Answer) {
      answer = a;
    },
    /** Holds the next request until released; `reached` resolves once it is out. */
    hold() {
      let reached!: () => void;
      let release!: () => void;
      const isOut = new Promise<void>((r) => (reached = r));
      gate = { reached, opened: new Promise<void>((r) => (release = r)) };
      return { isOut, release };
    },
    maxInFlight: () => maxInFlight,
  };
}

/** Web Locks' `ifAvailable` for one device: whoever holds the lock, every other tab is told at once. */
function deviceLock() {
  let holder: symbol | null = null;
  let grants = 0;
  return {
    forTab(): SendLock {
      const tab = Symbol('tab');
      return async (fn) => {
        if (holder) return { held: false };
        holder = tab;
        grants++;
        try {
          return { held: true, value: await fn() };
        } finally {
          holder = null;
        }
      };
    },
    holdInAnotherTab() {
      holder = Symbol('another tab');
      return () => {
        holder = null;
      };
    },
    /** How many runs got the lock. */
    grants: () => grants,
  };
}

let uploaders: Uploader[] = [];

function tablet(
  o: { random?: () => number; lock?: ReturnType<typeof deviceLock>; server?: ReturnType<typeof scriptedServer>; time?: ReturnType<typeof manualClock>; heartbeat?: HeartbeatDeps } = {},
) {
  const time = o.time ?? manualClock();
  const server = o.server ?? scriptedServer();
  const lock = o.lock ?? deviceLock();
  const activity: SyncActivity[] = [];
  const net = { online: true };
  const uploader = createUploader({
    clock: time.clock,
    post: server.post,
    // These tablets record no refusals; a server that takes every one answers if one ever waits.
    postRefusals: async (body) => ({ results: body.refusals.map((r) => ({ id: r.id, status: 'accepted' })) }),
    lock: lock.forTab(),
    online: () => net.online,
    report: (a) => activity.push(a),
    random: o.random ?? (() => 0.5),
    heartbeat: o.heartbeat,
  });
  uploaders.push(uploader);
  return {
    uploader,
    server,
    lock,
    time,
    net,
    activity,
    /** The wait before the next automatic try, as the status bar would show it (null: none due). */
    retryIn: () => {
      const last = activity.at(-1);
      return last?.retryAt == null ? null : last.retryAt - time.clock.now();
    },
  };
}

async function tune(t: Partial<SyncTuning>) {
  await db.settings.put({ key: 'syncTuning', value: t });
}

async function queue(entries: OutboxEntry[]) {
  await db.outbox.bulkAdd(entries);
  return entries;
}

async function states(entries: OutboxEntry[]) {
  return (await db.outbox.bulkGet(entries.map((e) => e.id))).map((e) => e?.state);
}

async function lastError() {
  return decodeFailure(await getSetting('lastSyncError'));
}

beforeEach(async () => {
  await Promise.all([db.outbox.clear(), db.refusals.clear(), db.settings.clear()]);
  await setSetting('device', DEVICE);
});

afterEach(() => {
  uploaders.forEach((u) => u.stop());
  uploaders = [];
});

describe('verdicts', () => {
  it('accepted and duplicate leave the queue; conflict and rejected are set aside with their reason', async () => {
    const t = tablet();
    const es = await queue(queuedEntries(4, ME));
    const verdicts: Verdict[] = [
      { id: es[0].id, status: 'accepted' },
      { id: es[1].id, status: 'duplicate' },
      { id: es[2].id, status: 'conflict', code: 409.1, reason: 'a different response with this id is already stored' },
      { id: es[3].id, status: 'rejected', code: 400.3, reason: 'formVersion: form desk-rating has no version 9', field: 'formVersion' },
    ];
    t.server.answerWith(() => ({ results: verdicts }));
    await t.uploader.wake('start');

    expect(t.server.requests).toHaveLength(1);
    expect(t.server.requests[0].token).toBe('tok-1');
    expect(t.server.requests[0].ids).toEqual(es.map((e) => e.id));
    expect(await states(es)).toEqual(['sent', 'sent', 'conflict', 'rejected']);
    const [, , conflict, rejected] = await db.outbox.bulkGet(es.map((e) => e.id));
    expect(conflict!.verdict).toEqual({ status: 'conflict', code: 409.1, reason: 'a different response with this id is already stored' });
    expect(rejected!.verdict).toEqual({ status: 'rejected', code: 400.3, reason: 'formVersion: form desk-rating has no version 9', field: 'formVersion' });
    expect(await countWaiting()).toBe(0);
    expect(await lastError()).toBeNull();
    expect(t.activity.at(-1)).toEqual({ sending: false, retryAt: null });
  });

  it('an answer that leaves an item without a verdict is a bad answer: the others settle, that one waits for the retry', async () => {
    const t = tablet();
    const es = await queue(queuedEntries(3, ME));
    t.server.answerWith((ids) => ({ results: ids.slice(0, 2).map((id) => ({ id, status: 'accepted' })) }));
    await t.uploader.wake('start');

    expect(await states(es)).toEqual(['sent', 'sent', 'queued']);
    expect(await lastError()).toEqual({ kind: 'bad-answer', status: 200 });
    expect(t.retryIn()).toBe(1_000);

    t.server.answerWith(acceptAll);
    await t.time.advance(1_000);
    expect(t.server.requests.map((r) => r.ids)).toEqual([es.map((e) => e.id), [es[2].id]]);
    expect(await states(es)).toEqual(['sent', 'sent', 'sent']);
    expect(await lastError()).toBeNull();
  });

  it('a 200 without results settles nothing', async () => {
    const t = tablet();
    const es = await queue(queuedEntries(2, ME));
    t.server.answerWith(() => ({ ok: true }));
    await t.uploader.wake('start');
    expect(await states(es)).toEqual(['queued', 'queued']);
    expect(await lastError()).toEqual({ kind: 'bad-answer', status: 200 });
  });
});

describe('backoff', () => {
  it('waits a random part of 2^n s after n failures in a row, up to the max, and starts again from 2 s after a success', async () => {
    await tune({ backoffBaseMs: 1_000, maxBackoffMs: 10_000 });
    const jitter = [0.5, 0.25, 0.75, 0.9, 0.1, 0.5];
    const t = tablet({ random: () => jitter.shift() ?? 0.5 });
    await queue([queuedEntry(ME)]);
    t.server.answerWith(fail({ kind: 'network' }));

    await t.uploader.wake('start');
    const waits: number[] = [];
    for (let n = 1; n <= 5; n++) {
      const wait = t.retryIn()!;
      waits.push(wait);
      // Nothing automatic goes out before the wait is over.
      await t.uploader.wake('timer');
      await t.time.advance(wait - 1);
      expect(t.server.requests).toHaveLength(n);
      await t.time.advance(1);
      expect(t.server.requests).toHaveLength(n + 1);
    }
    // Ceilings 2, 4, 8, then the 10 s max twice; each wait is its random share.
    expect(waits).toEqual([1_000, 1_000, 6_000, 9_000, 1_000]);
    expect(await lastError()).toEqual({ kind: 'network' });

    t.server.answerWith(acceptAll);
    await t.time.advance(t.retryIn()!);
    expect(await countWaiting()).toBe(0);
    expect(t.retryIn()).toBeNull();
    expect(await lastError()).toBeNull();

    await queue([queuedEntry(ME)]);
    t.server.answerWith(fail({ kind: 'timeout' }));
    await t.uploader.wake('queued');
    expect(t.retryIn()).toBe(1_000); // 0.5 of 2 s: counting starts again
  });

  it('"Send now" tries at once whatever the backoff, and starts the backoff again from the first step', async () => {
    await tune({ backoffBaseMs: 1_000, maxBackoffMs: 300_000 });
    const t = tablet();
    await queue([queuedEntry(ME)]);
    t.server.answerWith(fail({ kind: 'problem', status: 503, code: null }));
    await t.uploader.wake('start');
    await t.time.advance(t.retryIn()!);
    await t.time.advance(t.retryIn()!);
    expect(t.server.requests).toHaveLength(3);
    expect(t.retryIn()).toBe(4_000);

    await t.uploader.sendNow();
    expect(t.server.requests).toHaveLength(4);
    expect(t.retryIn()).toBe(1_000);
  });

  it('the network coming back tries at once but keeps counting failures', async () => {
    const t = tablet();
    await queue([queuedEntry(ME)]);
    t.server.answerWith(fail({ kind: 'network' }));
    await t.uploader.wake('start');
    await t.time.advance(t.retryIn()!);
    expect(t.retryIn()).toBe(2_000);
    await t.uploader.wake('online');
    expect(t.server.requests).toHaveLength(3);
    expect(t.retryIn()).toBe(4_000);
  });

  it('offline, only a person asking sends', async () => {
    const t = tablet();
    const [e] = await queue([queuedEntry(ME)]);
    t.net.online = false;
    for (const trigger of ['start', 'timer', 'queued', 'visible'] as const) await t.uploader.wake(trigger);
    expect(t.server.requests).toHaveLength(0);
    await t.uploader.sendNow();
    expect(t.server.requests.map((r) => r.ids)).toEqual([[e.id]]);
  });
});

describe('one sender at a time', () => {
  it('wakes during a run make one more run after it, never a second one at the same time', async () => {
    const t = tablet();
    const first = await queue(queuedEntries(2, ME));
    const held = t.server.hold();
    const run = t.uploader.wake('start');
    await held.isOut;
    const later = await queue([queuedEntry(ME)]);
    const wakes = [t.uploader.wake('queued'), t.uploader.wake('queued'), t.uploader.wake('visible')];
    expect(t.server.requests).toHaveLength(1);
    held.release();
    await Promise.all([run, ...wakes]);

    expect(t.lock.grants()).toBe(2);
    expect(t.server.maxInFlight()).toBe(1);
    expect(t.server.requests.map((r) => r.ids)).toEqual([first.map((e) => e.id), [later[0].id]]);
    expect(await countWaiting()).toBe(0);
  });

  it('"Send now" during a failing request tries again right after it, without waiting for the backoff', async () => {
    const t = tablet();
    const [e] = await queue([queuedEntry(ME)]);
    const held = t.server.hold();
    const run = t.uploader.wake('start');
    await held.isOut;
    // A person asks; a response queued a moment later must not take the place of the request.
    const asked = [t.uploader.sendNow(), t.uploader.wake('queued')];
    t.server.answerWith((ids) => (t.server.requests.length === 1 ? fail({ kind: 'network' })(ids) : acceptAll(ids)));
    held.release();
    await Promise.all([run, ...asked]);
    expect(t.server.requests.map((r) => r.ids)).toEqual([[e.id], [e.id]]);
    expect(await states([e])).toEqual(['sent']);
    expect(t.retryIn()).toBeNull();
  });

  it('while another tab sends, this tab sends nothing, says so, and looks again shortly', async () => {
    const lock = deviceLock();
    const server = scriptedServer();
    const time = manualClock();
    const a = tablet({ lock, server, time });
    const b = tablet({ lock, server, time });
    const es = await queue(queuedEntries(2, ME));
    const held = server.hold();
    const runA = a.uploader.wake('start');
    await held.isOut;

    await b.uploader.wake('queued');
    expect(server.requests).toHaveLength(1);
    expect(b.activity.at(-1)).toEqual({ sending: false, retryAt: null });
    expect(time.waiting()).toEqual([BUSY_RECHECK_MS]);

    // Queued in tab b while tab a is busy: tab a's run has already taken its batch.
    const late = await queue([queuedEntry(ME)]);
    held.release();
    await runA;
    await time.advance(BUSY_RECHECK_MS);
    expect(server.maxInFlight()).toBe(1);
    expect(server.requests.flatMap((r) => r.ids).sort()).toEqual([...es, ...late].map((e) => e.id).sort());
    expect(await countWaiting()).toBe(0);
  });

  it('the lock held elsewhere: nothing is taken from the queue', async () => {
    const t = tablet();
    const [e] = await queue([queuedEntry(ME)]);
    const release = t.lock.holdInAnotherTab();
    await t.uploader.sendNow();
    expect(t.server.requests).toHaveLength(0);
    expect((await db.outbox.get(e.id))!.attempts).toBe(0);
    release();
    await t.time.advance(BUSY_RECHECK_MS);
    expect(await states([e])).toEqual(['sent']);
  });
});

describe('a request refused as a whole (400, 413)', () => {
  it.each([
    { status: 413, code: '413.1', detail: 'The request body is too large' },
    { status: 400, code: '400.1', detail: 'responses.0: must be an object' },
  ])('$status: halves the batch down to the one response the server refuses; every other is sent once', async (problem) => {
    await tune({ batchSize: 8 });
    const t = tablet();
    const es = await queue(queuedEntries(8, ME));
    const bad = es[5].id;
    t.server.answerWith((ids) => (ids.includes(bad) ? fail({ kind: 'problem', ...problem })(ids) : acceptAll(ids)));
    await t.uploader.wake('start');

    expect(t.server.requests.map((r) => r.ids.length)).toEqual([8, 4, 4, 2, 1, 3, 1, 2]);
    expect(t.server.requests.at(-2)!.ids).toEqual([bad]);
    const accepted = t.server.requests.filter((r) => !r.ids.includes(bad)).flatMap((r) => r.ids);
    expect(accepted.sort()).toEqual(es.filter((e) => e.id !== bad).map((e) => e.id).sort());
    const setAside = (await db.outbox.get(bad))!;
    expect(setAside.state).toBe('rejected');
    expect(setAside.verdict).toEqual({ status: 'rejected', code: Number(problem.code), reason: problem.detail });
    // Refused before any item was read: it never reached the server's database.
    expect(setAside.attempts).toBe(0);
    expect(await countWaiting()).toBe(0);
    expect(await lastError()).toBeNull();
  });
});

describe('a refused token (401)', () => {
  it('stops automatic sending until a person asks; nothing leaves the queue meanwhile', async () => {
    const t = tablet();
    const [e] = await queue([queuedEntry(ME)]);
    t.server.answerWith(fail({ kind: 'problem', status: 401, code: '401.2', detail: 'This device has been revoked' }));
    await t.uploader.wake('start');
    expect(await lastError()).toEqual({ kind: 'problem', status: 401, code: '401.2', detail: 'This device has been revoked' });
    expect(t.retryIn()).toBeNull();
    expect(t.time.waiting()).toEqual([]);

    for (const trigger of ['timer', 'online', 'queued', 'visible', 'start'] as const) await t.uploader.wake(trigger);
    await t.time.advance(3_600_000);
    expect(t.server.requests).toHaveLength(1);
    expect(await db.outbox.get(e.id)).toMatchObject({ state: 'queued', attempts: 0 });

    // Restored on the server: "Send now" tries again.
    t.server.answerWith(acceptAll);
    await t.uploader.sendNow();
    expect(t.server.requests).toHaveLength(2);
    expect(await states([e])).toEqual(['sent']);
    expect(await lastError()).toBeNull();
  });
});

describe('enrolled again while a request is out', () => {
  it("drops the old token's failure, then sends the responses with the new device", async () => {
    const t = tablet();
    const es = await queue(queuedEntries(2, ME));
    t.server.answerWith((ids) => (t.server.requests.length === 1 ? fail({ kind: 'problem', status: 401, code: '401.2' })(ids) : acceptAll(ids)));
    const held = t.server.hold();
    const run = t.uploader.wake('start');
    await held.isOut;

    // What enrolDevice does: a new device and token replace the old in one write…
    await db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: 'device', value: { ...DEVICE, deviceId: 'dev-2', token: 'tok-2' } });
      await db.settings.delete('lastSyncError');
    });
    held.release();
    await run;
    // …so the old token's refusal is not this tablet's problem any more.
    expect(await lastError()).toBeNull();
    expect(t.retryIn()).toBeNull();

    // …then, once the site and forms are fetched, "Send now".
    await t.uploader.sendNow();
    expect(t.server.requests.map((r) => r.token)).toEqual(['tok-1', 'tok-2']);
    expect(t.server.requests[1].responses.map((r) => r.deviceId)).toEqual(['dev-2', 'dev-2']);
    expect(await states(es)).toEqual(['sent', 'sent']);
    expect(await lastError()).toBeNull();
  });

  it('a "Send now" while the old request is out runs right after it, with the new token', async () => {
    const t = tablet();
    await queue(queuedEntries(1, ME));
    t.server.answerWith((ids) => (t.server.requests.length === 1 ? fail({ kind: 'problem', status: 401, code: '401.2' })(ids) : acceptAll(ids)));
    const held = t.server.hold();
    const run = t.uploader.wake('start');
    await held.isOut;
    await setSetting('device', { ...DEVICE, deviceId: 'dev-2', token: 'tok-2' });
    const asked = t.uploader.sendNow();
    held.release();
    await Promise.all([run, asked]);
    expect(t.server.requests.map((r) => r.token)).toEqual(['tok-1', 'tok-2']);
    expect(await countWaiting()).toBe(0);
  });
});

describe('not enrolled', () => {
  it('sends nothing and schedules nothing', async () => {
    await setSetting('device', { ...DEVICE, token: undefined });
    const t = tablet();
    await queue([queuedEntry(ME)]);
    await t.uploader.sendNow();
    expect(t.server.requests).toHaveLength(0);
    expect(t.time.waiting()).toEqual([]);
    expect(await countWaiting()).toBe(1);
  });
});

/** The heartbeat endpoint as the uploader sees it: every report recorded, in order with the batches; `answer` decides. */
function heartbeatServer(batches: ReturnType<typeof scriptedServer>) {
  const reports: DeviceReport[] = [];
  const stored: unknown[] = [];
  const order: string[] = [];
  let answer: () => unknown = () => ({ device: { id: DEVICE.deviceId, name: 'Quầy 1' }, site: { id: DEVICE.siteId }, enumerators: [] });
  const deps: HeartbeatDeps = {
    build: () => buildDeviceReport('1.2.3', undefined),
    post: async (r) => {
      reports.push(r);
      order.push(`heartbeat ${r.waiting}`);
      return answer();
    },
    store: async (a) => {
      stored.push(a);
    },
  };
  const post = batches.post;
  batches.post = async (body, o) => {
    order.push(`batch ${body.responses.length}`);
    return post(body, o);
  };
  return {
    deps,
    reports,
    stored,
    order,
    answerWith(a: () => unknown) {
      answer = a;
    },
  };
}

describe('the heartbeat', () => {
  it('with nothing waiting is the whole sync: one report, its answer kept; an idle timer reports again only after a while', async () => {
    const server = scriptedServer();
    const hb = heartbeatServer(server);
    const t = tablet({ server, heartbeat: hb.deps });
    await t.uploader.wake('start');
    expect(hb.order).toEqual(['heartbeat 0']);
    expect(hb.reports[0]).toEqual({ appVersion: '1.2.3', waiting: 0, oldestWaitingAt: null, storageUsedBytes: null, storagePersisted: null, lastSyncError: null, clockAt: expect.any(String) });
    expect(hb.stored).toHaveLength(1);

    await t.uploader.wake('timer');
    expect(hb.order).toEqual(['heartbeat 0']);
    await t.time.advance(IDLE_HEARTBEAT_MS);
    await t.uploader.wake('timer');
    expect(hb.order).toEqual(['heartbeat 0', 'heartbeat 0']);
    // A person asking always reports.
    await t.uploader.sendNow();
    expect(hb.order).toHaveLength(3);
  });

  it('goes before the uploads, and once they emptied the queue a closing report says nothing waits', async () => {
    const server = scriptedServer();
    const hb = heartbeatServer(server);
    await tune({ batchSize: 2 });
    const t = tablet({ server, heartbeat: hb.deps });
    const es = await queue(queuedEntries(3, ME));
    await t.uploader.wake('queued');
    expect(hb.order).toEqual(['heartbeat 3', 'batch 2', 'batch 1', 'heartbeat 0']);
    expect(hb.reports[0].oldestWaitingAt).toBe(es[0].response.completedAt);
    expect(await countWaiting()).toBe(0);
  });

  it('refused with 401.2 (revoked): nothing is uploaded, the queue is kept, sending stops and the next report names it', async () => {
    const server = scriptedServer();
    const hb = heartbeatServer(server);
    const t = tablet({ server, heartbeat: hb.deps });
    await queue(queuedEntries(2, ME));
    hb.answerWith(() => {
      throw new ApiError({ kind: 'problem', status: 401, code: '401.2' });
    });
    await t.uploader.wake('start');
    expect(hb.order).toEqual(['heartbeat 2']);
    expect(await countWaiting()).toBe(2);
    expect(await lastError()).toMatchObject({ kind: 'problem', code: '401.2' });
    await t.uploader.wake('online');
    expect(hb.order).toHaveLength(1);
    // Restored on the server and "Send now": the report says what the last run met.
    hb.answerWith(() => ({}));
    await t.uploader.sendNow();
    expect(hb.reports[1].lastSyncError).toBe('401.2');
    expect(server.requests).toHaveLength(1);
  });

  it('a network failure ends the run for a retry, and the next report says "network"', async () => {
    const server = scriptedServer();
    const hb = heartbeatServer(server);
    const t = tablet({ server, heartbeat: hb.deps });
    await queue(queuedEntries(1, ME));
    hb.answerWith(() => {
      throw new ApiError({ kind: 'network' });
    });
    await t.uploader.wake('start');
    expect(server.requests).toHaveLength(0);
    expect(t.retryIn()).not.toBeNull();
    hb.answerWith(() => ({}));
    await t.time.advance(t.retryIn()!);
    // The first run had met nothing yet; the retry reports the network failure; the closing report, after the upload, none.
    expect(hb.reports.map((r) => r.lastSyncError)).toEqual([null, 'network', null]);
    expect(server.requests).toHaveLength(1);
  });

  it('an older server without the route (404) still gets the uploads', async () => {
    const server = scriptedServer();
    const hb = heartbeatServer(server);
    const t = tablet({ server, heartbeat: hb.deps });
    await queue(queuedEntries(1, ME));
    hb.answerWith(() => {
      throw new ApiError({ kind: 'problem', status: 404, code: null });
    });
    await t.uploader.wake('start');
    expect(server.requests).toHaveLength(1);
    expect(await countWaiting()).toBe(0);
    expect(await lastError()).toBeNull();
  });
});

describe('refusals (issue 11)', () => {
  /** A tablet whose server also takes refusals: every refusals request is recorded, `answer` decides the reply. */
  function withRefusals(answer: (ids: string[]) => unknown) {
    const time = manualClock();
    const server = scriptedServer();
    const refusalRequests: string[][] = [];
    const uploader = createUploader({
      clock: time.clock,
      post: server.post,
      postRefusals: async (body) => {
        const ids = body.refusals.map((r) => r.id);
        refusalRequests.push(ids);
        return answer(ids);
      },
      lock: deviceLock().forTab(),
      online: () => true,
      report: () => {},
      random: () => 0.5,
    });
    uploaders.push(uploader);
    return { uploader, server, time, refusalRequests };
  }

  it('are sent after the responses, to their own route, with the same verdicts: accepted leaves the queue, a conflict is set aside', async () => {
    const [response] = await queue([queuedEntry(ME)]);
    const refusals = [queuedRefusal(ME, { queuedAt: '2026-01-01T00:00:00.000Z' }), queuedRefusal(ME, { queuedAt: '2026-01-01T00:00:01.000Z' })];
    await db.refusals.bulkAdd(refusals);
    const t = withRefusals(() => ({
      results: [
        { id: refusals[0].id, status: 'accepted' },
        { id: refusals[1].id, status: 'conflict', code: 409.8, reason: 'a different refusal with this id is already stored' },
      ],
    }));
    await t.uploader.wake('start');
    expect(t.server.requests.map((r) => r.ids)).toEqual([[response.id]]);
    expect(t.refusalRequests).toEqual([refusals.map((r) => r.id)]);
    const stored = await db.refusals.bulkGet(refusals.map((r) => r.id));
    expect(stored.map((e) => e?.state)).toEqual(['sent', 'conflict']);
    expect(stored[1]!.verdict).toEqual({ status: 'conflict', code: 409.8, reason: 'a different refusal with this id is already stored' });
    expect(await states([response])).toEqual(['sent']);
  });

  it('a failed request keeps the refusal queued and retries it after the backoff, like a response', async () => {
    const [r] = [queuedRefusal(ME)];
    await db.refusals.add(r);
    let down = true;
    const t = withRefusals((ids) => {
      if (down) throw new ApiError({ kind: 'network' });
      return { results: ids.map((id) => ({ id, status: 'accepted' })) };
    });
    await t.uploader.wake('start');
    expect((await db.refusals.get(r.id))).toMatchObject({ state: 'queued', attempts: 1 });
    expect((await lastError())?.kind).toBe('network');
    down = false;
    await t.time.advance(60_000);
    expect(t.refusalRequests).toHaveLength(2);
    expect((await db.refusals.get(r.id))).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
