// The test-only fault switch: failures before or after the write, so a tablet sees errors for batches that were stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { getStoredResponse } from '../db/queries/responses';
import { faultFromEnv } from '../fault';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, type World } from '../test/fixtures';
import { isProblem, listen, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

// planFault draws three numbers: whether to fail (< rate), which way (error, drop, hang by thirds), and when (< 0.5: before the write).
const NO_FAULT = [0.99];
const plan = (kind: 'error' | 'drop' | 'hang', when: 'before' | 'after') => [0, { error: 0.1, drop: 0.5, hang: 0.9 }[kind], when === 'before' ? 0.1 : 0.9];

describe('fault switch from the environment', () => {
  it('is off unless HAILONG_FAULT_RATE is a positive number', () => {
    expect(faultFromEnv({})).toBeNull();
    expect(faultFromEnv({ HAILONG_FAULT_RATE: '0' })).toBeNull();
    expect(faultFromEnv({ HAILONG_FAULT_RATE: 'lots' })).toBeNull();
    expect(faultFromEnv({ HAILONG_FAULT_RATE: '0.3' })).toEqual({ rate: 0.3, hangMs: 20_000 });
    expect(faultFromEnv({ HAILONG_FAULT_RATE: '0.3', HAILONG_FAULT_HANG_MS: '500' })).toEqual({ rate: 0.3, hangMs: 500 });
  });
});

describe.each(testDatabases())('injected faults on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let base: string;
  const draws: number[] = [];
  const owner = () => ({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id });

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { fault: { rate: 0.5, hangMs: 50 }, random: () => draws.shift() ?? 0.99 }));
    base = await listen(app);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('a 500 before the write stores nothing', async () => {
    const r = makeResponse(owner());
    draws.push(...plan('error', 'before'));
    expect(isProblem(await submit(app, w.deviceA.token, { responses: [r] }), 500.2)).toBe(true);
    expect(await getStoredResponse(fresh.db, r.id)).toBeUndefined();
  });

  it('a 500 after the write leaves the batch stored; the retry is told duplicate', async () => {
    const r = makeResponse(owner());
    draws.push(...plan('error', 'after'));
    expect(isProblem(await submit(app, w.deviceA.token, { responses: [r] }), 500.2)).toBe(true);
    expect(await getStoredResponse(fresh.db, r.id)).toBeDefined();
    draws.push(...NO_FAULT);
    expect(results(await submit(app, w.deviceA.token, { responses: [r] }))[0].status).toBe('duplicate');
  });

  it('a dropped connection after the write: the client sees a network error, the row is stored', async () => {
    const r = makeResponse(owner());
    draws.push(...plan('drop', 'after'));
    const sent = fetch(`${base}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.deviceA.token}` },
      body: JSON.stringify({ responses: [r] }),
    });
    await expect(sent).rejects.toThrow();
    expect(await getStoredResponse(fresh.db, r.id)).toBeDefined();
  });

  it('a hang answers late but answers', async () => {
    const r = makeResponse(owner());
    draws.push(...plan('hang', 'before'));
    expect(results(await submit(app, w.deviceA.token, { responses: [r] }))[0].status).toBe('accepted');
  });
});
