// A batch prepared (and on SQLite stored) in a worker thread gets exactly the answer the main thread would give, and a dead worker costs no request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinForms } from '../../core/forms/builtin';
import type { ResponseInput } from '../../core/response/schema';
import { ingestPoolOf } from '../api/submissions';
import type { App } from '../app';
import { countResponses } from '../db/queries/responses';
import { rebuildRollups } from '../scores/rebuild';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, type World } from '../test/fixtures';
import { results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';
import { fromWire, prepareBody } from './batch';
import { storeBatch } from './ingest';
import { prepareItem } from './prepare';
import { PreparePool } from './worker-pool';

const forms = new Map(builtinForms.map((f) => [`${f.id}@${f.version}`, f]));
const enumerators = new Map([
  ['enum-1', 'active'],
  ['enum-b', 'elsewhere'],
  ['enum-gone', 'disabled'],
] as const);
const scope = { deviceId: 'tablet-1', siteId: 'site-a', siteCode: 'A', timeZone: 'Asia/Ho_Chi_Minh', enumerators };
const owner = { siteId: scope.siteId, deviceId: scope.deviceId, enumeratorId: 'enum-1' };
const receivedAt = '2026-11-26T10:00:00.000Z';

function body(value: unknown): Buffer {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
}

const valid = ['sipas-2017', 'sipas-2023', 'desk-rating'].flatMap((f) => Array.from({ length: 5 }, (_, i) => makeResponse(owner, {}, f, i)));
const bodies: [string, Buffer][] = [
  ['valid responses of every form', body({ responses: valid })],
  ['valid, invalid, other site and a repeated id', body({ responses: [valid[0], { ...valid[1], formVersion: 0 }, { ...valid[2], siteId: 'site-b' }, 7, valid[0], { ...valid[3], answers: { 'E1.1': 9 } }] })],
  [
    "unknown, another site's and a disabled enumerator",
    body({ responses: [{ ...valid[4], enumeratorId: 'made-up' }, { ...valid[5], enumeratorId: 'enum-b' }, { ...valid[6], enumeratorId: 'enum-gone' }] }),
  ],
  ['not JSON', body('{"responses": [')],
  ['not a batch', body({ responses: 'x' })],
  ['too many items', body({ responses: Array.from({ length: 501 }, () => 0) })],
  ['prototype poisoning', body('{"responses":[],"__proto__":{"x":1}}')],
  ['invalid UTF-8', Buffer.concat([body('{"responses":["'), Buffer.from([0xc3, 0x28]), body('"]}')])],
  ['empty', Buffer.alloc(0)],
];

describe('ingest worker pool', () => {
  const pool = new PreparePool(1);
  afterAll(() => pool.close());

  it('prepares every kind of body in the worker exactly as on the main thread', async () => {
    await pool.warm();
    for (const [name, b] of bodies) {
      const here = prepareBody(b, scope, forms, receivedAt, 500);
      const there = await pool.prepare(b, scope, forms, receivedAt, 500);
      expect(there, name).toEqual(here);
    }
    expect(pool.stats).toEqual({ worker: bodies.length, local: 0 });
  });

  it('prepares on the main thread when its worker dies, with the same result', async () => {
    await pool.warm();
    const [, b] = bodies[1]!;
    const expected = prepareBody(b, scope, forms, receivedAt, 500);
    const worker = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0]!.worker;
    const answer = pool.prepare(b, scope, forms, receivedAt, 500);
    await worker.terminate();
    expect(await answer).toEqual(expected);
    // Without a ready worker the next one is prepared here too.
    const before = pool.stats.local;
    expect(await pool.prepare(b, scope, forms, receivedAt, 500)).toEqual(expected);
    expect(pool.stats.local).toBeGreaterThan(before);
  });

  it('sends the forms again when the snapshot changes', async () => {
    const fresh = new PreparePool(1);
    try {
      await fresh.warm();
      const [, b] = bodies[0]!;
      const first = await fresh.prepare(b, scope, forms, receivedAt, 500);
      const copy = new Map([...forms].map(([k, f]) => [k, structuredClone(f)]));
      expect(await fresh.prepare(b, scope, copy, receivedAt, 500)).toEqual(first);
      // Only sipas-2017 left: its responses still pass, the others are refused by the worker.
      const fewer = new Map([...forms].filter(([k]) => k.startsWith('sipas-2017@')));
      const outcome = await fresh.prepare(b, scope, fewer, receivedAt, 500);
      expect(outcome).toEqual(prepareBody(b, scope, fewer, receivedAt, 500));
      expect(outcome.ok && outcome.batch.columns.id.length).toBe(5);
      expect(fresh.stats).toEqual({ worker: 3, local: 0 });
    } finally {
      await fresh.close();
    }
  });
});

describe.each(testDatabases())('the submissions route with its workers ready, on $kind', ({ kind, create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
    await ingestPoolOf(app)!.warm();
  });
  afterAll(() => stopApp({ app, fresh }));

  /** score_rollup and response_marks as sorted text, to compare with what a rebuild from the payloads gives. */
  const dump = async () => {
    const norm = (x: object) => JSON.stringify(Object.entries(x).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]));
    const rows = await fresh.db.k.selectFrom('score_rollup').selectAll().execute();
    const marks = await fresh.db.k.selectFrom('response_marks').selectAll().execute();
    return { rows: rows.map(norm).sort(), marks: marks.map(norm).sort() };
  };

  it('stores concurrent batches and their replays exactly once, scores included, all through the workers', async () => {
    const pool = ingestPoolOf(app)!;
    // On SQLite the workers write with connections of their own; on PostgreSQL they prepare and this thread writes.
    expect(pool.stores).toBe(kind === 'sqlite');
    const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const forms = ['sipas-2017', 'sipas-2023', 'desk-rating'];
    const batches: ResponseInput[][] = Array.from({ length: 12 }, (_, b) =>
      Array.from({ length: 30 }, (_, i) => makeResponse(owner, i % 7 === 0 ? { flags: ['kiosk-misuse'] } : {}, forms[(b + i) % 3], b * 30 + i)).map((r) =>
        r.mode === 'kiosk' ? r : { ...r, flags: [] },
      ),
    );
    const send = (list: unknown[]) => submit(app, w.deviceA.token, { responses: list }).then(results);

    // Every batch twice, all at once: the copies race each other across the workers.
    const verdicts = await Promise.all([...batches, ...batches].map(send));
    const statuses = verdicts.flat().map((v) => v.status);
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(12 * 30);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(12 * 30);

    // One batch with everything at once: new, duplicate, conflict, invalid, and an id repeated within it.
    const fresh1 = makeResponse(owner, {}, 'sipas-2017', 9_001);
    const tooOld = { ...makeResponse(owner, {}, 'sipas-2017', 9_002), formVersion: 0 };
    const mixed = [fresh1, batches[0]![1], { ...batches[0]![2]!, appVersion: '9.9.9' }, { ...fresh1, id: 'nope' }, fresh1, tooOld];
    const answered = await send(mixed);
    expect(answered.map((v) => v.status)).toEqual(['accepted', 'duplicate', 'conflict', 'rejected', 'duplicate', 'rejected']);
    // Word for word what this thread says (zod's messages depend on a locale each thread must set up).
    const here = prepareItem(tooOld, { check: () => null, timeZoneOf: () => w.siteA.time_zone }, new Map(builtinForms.map((f) => [`${f.id}@${f.version}`, f])), '');
    expect(answered[5]).toEqual(!here.ok && here.verdict);
    expect(answered[5]!.reason).toMatch(/^formVersion: Too small/);

    expect(pool.stats).toEqual({ worker: 25, local: 0 });
    expect(await countResponses(fresh.db)).toBe(12 * 30 + 1);
    // The rollup written batch by batch in the workers' transactions is what a recount of the stored payloads gives.
    const before = await dump();
    expect(before.marks.length).toBeGreaterThan(0);
    await rebuildRollups(fresh.db);
    expect(await dump()).toEqual(before);
  });

  it('says whether a batch stored a kiosk rating now, whether a worker stored it or this thread', async () => {
    const pool = ingestPoolOf(app)!;
    const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const data = { deviceId: w.deviceA.id, siteId: w.siteA.id, siteCode: w.siteA.code, timeZone: w.siteA.time_zone, enumerators: new Map([[w.enumeratorA.id, 'active' as const]]) };
    const store = async (list: ResponseInput[]) => {
      const o = await pool.submit(body({ responses: list }), data, forms, receivedAt, 100);
      if (!o?.ok) throw new Error(`not stored: ${JSON.stringify(o)}`);
      if ('verdicts' in o) return { worker: true, kiosk: o.kiosk };
      return { worker: false, kiosk: (await storeBatch(fresh.db, fromWire(o.batch), forms)).kiosk };
    };
    const stores = kind === 'sqlite';
    const rating = makeResponse(owner, {}, 'desk-rating', 9_100);
    expect(await store([makeResponse(owner, {}, 'sipas-2017', 9_101), makeResponse(owner, {}, 'sipas-2023', 9_102)])).toEqual({ worker: stores, kiosk: false });
    expect(await store([makeResponse(owner, {}, 'sipas-2017', 9_103), rating])).toEqual({ worker: stores, kiosk: true });
    // The same rating again is a duplicate: nothing new in any window.
    expect(await store([rating])).toEqual({ worker: stores, kiosk: false });
  });
});
