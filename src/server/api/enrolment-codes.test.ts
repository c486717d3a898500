// Enrolment codes on both databases: who may make, list and cancel them; the list shows only codes still usable, in
// the caller's sites, never the code itself; a cancelled code enrols no tablet; every change in the audit log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PendingEnrolmentCodeJson } from '../../core/protocol/devices';
import type { App } from '../app';
import { auditEntries, CALLERS, send, signInCallers, type CallerName } from '../test/callers';
import { testDatabases, type FreshDb } from '../test/databases';
import type { World } from '../test/fixtures';
import { isProblem } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('enrolment codes on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let as: Awaited<ReturnType<typeof signInCallers>>;
  let clock = new Date('2026-12-02T01:00:00Z');

  const make = async (who: CallerName, siteId: string) => {
    const res = await send(app, as[who], 'POST', '/api/v1/enrolment-codes', { siteId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const list = async (who: CallerName, query = '') => {
    const res = await send(app, as[who], 'GET', `/api/v1/enrolment-codes${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { codes: PendingEnrolmentCodeJson[] }).codes;
  };

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock }));
  });
  beforeEach(async () => {
    as = await signInCallers(app, w);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('answers each caller on each route as their sites allow', async () => {
    const expected: Record<string, Record<CallerName, number>> = {
      'POST /api/v1/enrolment-codes (site A)': { admin: 201, supervisorA: 201, supervisorB: 403, device: 401, none: 401 },
      'GET /api/v1/enrolment-codes': { admin: 200, supervisorA: 200, supervisorB: 200, device: 401, none: 401 },
      'DELETE /api/v1/enrolment-codes/:id (site A)': { admin: 204, supervisorA: 204, supervisorB: 403, device: 401, none: 401 },
    };
    const got: Record<string, Record<string, number>> = {};
    for (const key of Object.keys(expected)) {
      got[key] = {};
      for (const who of CALLERS) {
        let res;
        if (key.startsWith('POST')) res = await send(app, as[who], 'POST', '/api/v1/enrolment-codes', { siteId: w.siteA.id });
        else if (key.startsWith('GET')) res = await send(app, as[who], 'GET', '/api/v1/enrolment-codes');
        else res = await send(app, as[who], 'DELETE', `/api/v1/enrolment-codes/${(await make('admin', w.siteA.id)).id}`);
        got[key][who] = res.statusCode;
        if (res.statusCode === 403) expect(isProblem(res, 403.1), `${key} as ${who}: ${res.body}`).toBe(true);
        if (res.statusCode === 401) expect(isProblem(res, 401.1), `${key} as ${who}`).toBe(true);
      }
    }
    expect(got).toEqual(expected);
  });

  it("lists the codes still usable of the caller's sites, with who made them, never the code", async () => {
    const a = await make('supervisorA', w.siteA.id);
    const b = await make('supervisorB', w.siteB.id);
    const used = await make('supervisorA', w.siteA.id);
    expect((await send(app, as.none, 'POST', '/api/v1/devices', { code: used.code, name: 'Máy quầy 3' })).statusCode).toBe(201);

    const mine = await list('supervisorA');
    expect(mine.map((c) => c.id)).toContain(a.id);
    expect(mine.map((c) => c.id)).not.toContain(used.id);
    expect(mine.every((c) => c.siteId === w.siteA.id)).toBe(true);
    expect(mine.find((c) => c.id === a.id)).toEqual({ id: a.id, siteId: w.siteA.id, createdBy: 'lan', createdAt: clock.toISOString(), expiresAt: new Date(clock.getTime() + 24 * 3600_000).toISOString() });
    expect(JSON.stringify(mine)).not.toContain(a.code);
    expect((await list('supervisorB')).map((c) => c.id)).toContain(b.id);
    expect((await list('admin', `?siteId=${w.siteB.id}`)).every((c) => c.siteId === w.siteB.id)).toBe(true);
    expect((await list('admin')).map((c) => c.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(isProblem(await send(app, as.supervisorA, 'GET', `/api/v1/enrolment-codes?siteId=${w.siteB.id}`), 403.1)).toBe(true);

    // A day later they have all expired.
    clock = new Date(clock.getTime() + 24 * 3600_000 + 1000);
    as = await signInCallers(app, w);
    expect(await list('admin')).toEqual([]);
    expect(isProblem(await send(app, as.admin, 'DELETE', `/api/v1/enrolment-codes/${a.id}`), 404.6)).toBe(true);
  });

  it('cancels a code: it enrols no tablet, leaves the list, and the cancel is logged for the site', async () => {
    const c = await make('supervisorA', w.siteA.id);
    expect(isProblem(await send(app, as.supervisorB, 'DELETE', `/api/v1/enrolment-codes/${c.id}`), 403.1)).toBe(true);
    expect((await send(app, as.supervisorA, 'DELETE', `/api/v1/enrolment-codes/${c.id}`)).statusCode).toBe(204);
    expect((await list('supervisorA')).map((x) => x.id)).not.toContain(c.id);
    expect(isProblem(await send(app, as.none, 'POST', '/api/v1/devices', { code: c.code, name: 'Máy quầy 4' }), 400.4)).toBe(true);
    expect(isProblem(await send(app, as.supervisorA, 'DELETE', `/api/v1/enrolment-codes/${c.id}`), 404.6)).toBe(true);
    expect(isProblem(await send(app, as.admin, 'DELETE', '/api/v1/enrolment-codes/no-such-code'), 404.6)).toBe(true);

    const [cancel] = await auditEntries(app, as.admin, 'action=enrolment-code.cancel');
    expect(cancel).toMatchObject({ actor: 'lan', siteId: w.siteA.id, details: { id: c.id, siteId: w.siteA.id } });
    const [made] = await auditEntries(app, as.supervisorA, 'action=enrolment-code.create');
    expect(made).toMatchObject({ actor: 'lan', siteId: w.siteA.id, details: expect.objectContaining({ id: c.id }) });
    expect(JSON.stringify(await auditEntries(app, as.admin, 'action=enrolment-code.'))).not.toContain(c.code);
  });
});
