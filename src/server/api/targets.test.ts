// Sample targets on both databases: a supervisor sets N for a site and an exact period and reads it back with its
// target n; other periods are other keys; a supervisor of site B is refused site A before the body is read; bad N
// is a 400.7 naming the field; every change is audit-logged with the value before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetsAnswer } from '../../core/protocol/targets';
import type { App } from '../app';
import { auditEntries, send, signInCallers, type CallerName } from '../test/callers';
import { testDatabases, type FreshDb } from '../test/databases';
import { PASSWORD, type World } from '../test/fixtures';
import { isProblem, listen, login } from '../test/http';
import { answerBeforeBody } from '../test/raw-request';
import { startSeededApp, stopApp } from '../test/test-app';

const NOW = new Date('2026-12-02T03:00:00Z');
/** Each change a second after the one before, so the audit log's newest-first order is the order they were made. */
let clock = NOW;
const tick = () => (clock = new Date(clock.getTime() + 1000));
const MONTH = { from: '2026-12-01', to: '2026-12-31' };
const LAST_30 = { from: '2026-11-03', to: '2026-12-02' };

describe.each(testDatabases())('sample targets on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let as: Record<CallerName, Parameters<typeof send>[1]>;

  const put = (who: CallerName, siteId: string, body: unknown) => {
    tick();
    return send(app, as[who], 'PUT', `/api/v1/sites/${siteId}/target`, body);
  };
  async function list(who: CallerName, query: string): Promise<TargetsAnswer> {
    const res = await send(app, as[who], 'GET', `/api/v1/targets?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TargetsAnswer;
  }

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock }, new Date('2026-11-01T00:00:00Z')));
    as = await signInCallers(app, w);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('has no target until someone sets N', async () => {
    expect(await list('supervisorA', 'period=month&from=2026-12-01')).toEqual({ period: MONTH, targets: [] });
  });

  it('stores N for the site and the exact period, with the target n = N/(1+N·e²) and who set it', async () => {
    const res = await put('supervisorA', w.siteA.id, { period: MONTH, population: 1200 });
    expect(res.statusCode, res.body).toBe(200);
    // 1200 / (1 + 1200 × 0.0025) = 300.
    const stored = { siteId: w.siteA.id, period: MONTH, population: 1200, target: 300, updatedAt: clock.toISOString(), updatedBy: 'Nguyễn Thị Lan' };
    expect(res.json()).toEqual(stored);
    // The month asked for as the dashboard asks (period=month, any day of it) finds the same key.
    expect((await list('supervisorA', 'period=month&from=2026-12-15')).targets).toEqual([stored]);
    expect((await list('admin', `period=custom&from=${MONTH.from}&to=${MONTH.to}&sites=${w.siteA.id}`)).targets).toEqual([stored]);
    // The last 30 days are another period: no N there.
    expect((await list('supervisorA', `period=custom&from=${LAST_30.from}&to=${LAST_30.to}`)).targets).toEqual([]);
  });

  it('replaces N, logging the value before and after; clearing it is logged too', async () => {
    expect((await put('supervisorA', w.siteA.id, { period: MONTH, population: 0 })).json()).toMatchObject({ population: 0, target: 0 });
    expect((await put('admin', w.siteA.id, { period: LAST_30, population: 450 })).json()).toMatchObject({ population: 450, target: 212, updatedBy: 'Quản trị' });
    const set = await auditEntries(app, as.admin, 'action=target.set');
    expect(set.map((e) => [e.actor, e.siteId, e.details])).toEqual([
      ['admin', w.siteA.id, { ...LAST_30, before: null, after: 450 }],
      ['lan', w.siteA.id, { ...MONTH, before: 1200, after: 0 }],
      ['lan', w.siteA.id, { ...MONTH, before: null, after: 1200 }],
    ]);
    tick();
    const cleared = await send(app, as.supervisorA, 'DELETE', `/api/v1/sites/${w.siteA.id}/target?from=${MONTH.from}&to=${MONTH.to}`);
    expect(cleared.statusCode).toBe(204);
    expect((await list('supervisorA', 'period=month&from=2026-12-01')).targets).toEqual([]);
    // Clearing what is not there changes nothing and logs nothing.
    expect((await send(app, as.supervisorA, 'DELETE', `/api/v1/sites/${w.siteA.id}/target?from=${MONTH.from}&to=${MONTH.to}`)).statusCode).toBe(204);
    expect((await auditEntries(app, as.admin, 'action=target.clear')).map((e) => e.details)).toEqual([{ ...MONTH, before: 0, after: null }]);
    expect((await list('supervisorA', `period=custom&from=${LAST_30.from}&to=${LAST_30.to}`)).targets.map((t) => t.population)).toEqual([450]);
  });

  it('refuses N that is negative, not whole, absurd or not a number, and a period that is not one, naming the field; nothing is written', async () => {
    const bad = async (body: unknown, path: string) => {
      const res = await put('supervisorA', w.siteA.id, body);
      expect(isProblem(res, 400.7), res.body).toBe(true);
      expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    };
    await bad({ period: LAST_30, population: -1 }, 'population');
    await bad({ period: LAST_30, population: 12.5 }, 'population');
    await bad({ period: LAST_30, population: 100_000_001 }, 'population');
    await bad({ period: LAST_30, population: '450' }, 'population');
    await bad({ period: LAST_30 }, 'population');
    await bad({ period: { from: '2026-02-30', to: '2026-03-01' }, population: 5 }, 'period.from');
    await bad({ period: { from: '2026-12-31', to: '2026-12-01' }, population: 5 }, 'period.to');
    await bad({ period: { from: '2020-01-01', to: '2026-12-01' }, population: 5 }, 'period.to');
    await bad({ period: LAST_30, population: 5, siteId: w.siteB.id }, '(root)');
    expect(isProblem(await send(app, as.supervisorA, 'GET', '/api/v1/targets?period=custom&from=2026-12-01'), 400.1)).toBe(true);
    expect((await list('supervisorA', `period=custom&from=${LAST_30.from}&to=${LAST_30.to}`)).targets.map((t) => t.population)).toEqual([450]);
  });

  it("refuses a supervisor of site B site A's target, an unknown site, a tablet and nobody", async () => {
    expect(isProblem(await put('supervisorB', w.siteA.id, { period: MONTH, population: 9 }), 403.1)).toBe(true);
    expect(isProblem(await send(app, as.supervisorB, 'DELETE', `/api/v1/sites/${w.siteA.id}/target?from=${LAST_30.from}&to=${LAST_30.to}`), 403.1)).toBe(true);
    expect(isProblem(await send(app, as.supervisorB, 'GET', `/api/v1/targets?period=custom&from=${LAST_30.from}&to=${LAST_30.to}&sites=${w.siteA.id}`), 403.1)).toBe(true);
    // Without naming sites, B's supervisor sees B's targets only: none.
    expect((await list('supervisorB', `period=custom&from=${LAST_30.from}&to=${LAST_30.to}`)).targets).toEqual([]);
    expect(isProblem(await put('supervisorA', 'no-such-site', { period: MONTH, population: 9 }), 404.3)).toBe(true);
    // A tablet's token opens no staff route (the gate's rule for every session route): 401, as for nobody.
    expect(isProblem(await put('device', w.siteA.id, { period: MONTH, population: 9 }), 401.1)).toBe(true);
    expect(isProblem(await send(app, as.device, 'GET', '/api/v1/targets'), 401.1)).toBe(true);
    expect(isProblem(await put('none', w.siteA.id, { period: MONTH, population: 9 }), 401.1)).toBe(true);
    expect((await list('admin', `period=custom&from=${LAST_30.from}&to=${LAST_30.to}`)).targets.map((t) => t.population)).toEqual([450]);
  });

  it('refuses site A to the supervisor of site B before reading the body, and closes the connection', async () => {
    const base = await listen(app);
    const session = await login(app, 'binh', PASSWORD);
    const answer = await answerBeforeBody(base, `/api/v1/sites/${w.siteA.id}/target`, { cookie: `hl_session=${session}` }, 5 * 1024 * 1024, 4096, 'PUT');
    expect(answer).toMatch(/^HTTP\/1\.1 403 [^]*"code":403\.1/);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  });
});
