// A batch prepared in a worker thread is exactly the batch prepared on the main thread, and a dead worker costs no request.
import { afterAll, describe, expect, it } from 'vitest';
import { builtinForms } from '../../core/forms/builtin';
import { makeResponse } from '../test/fixtures';
import { prepareBody } from './batch';
import { PreparePool } from './worker-pool';

const forms = new Map(builtinForms.map((f) => [`${f.id}@${f.version}`, f]));
const scope = { deviceId: 'tablet-1', siteId: 'site-a', siteCode: 'A', timeZone: 'Asia/Ho_Chi_Minh' };
const owner = { siteId: scope.siteId, deviceId: scope.deviceId, enumeratorId: 'enum-1' };
const receivedAt = '2026-11-26T10:00:00.000Z';

function body(value: unknown): Buffer {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
}

const valid = ['sipas-2017', 'sipas-2023', 'desk-rating'].flatMap((f) => Array.from({ length: 5 }, (_, i) => makeResponse(owner, {}, f, i)));
const bodies: [string, Buffer][] = [
  ['valid responses of every form', body({ responses: valid })],
  ['valid, invalid, other site and a repeated id', body({ responses: [valid[0], { ...valid[1], formVersion: 0 }, { ...valid[2], siteId: 'site-b' }, 7, valid[0], { ...valid[3], answers: { 'E1.1': 9 } }] })],
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
