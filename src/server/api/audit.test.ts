// The audit log on both databases: an admin reads every row, a supervisor only their sites' rows; filters by person,
// action (exact or prefix), site and Vietnam's local days; newest first, paged; a bad query is 400.1 naming the field.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, type AuditAnswer } from '../../core/protocol/audit';
import type { App } from '../app';
import { audit } from '../db/queries/audit';
import { auditEntries, CALLERS, send, signInCallers, type CallerName } from '../test/callers';
import { testDatabases, type FreshDb } from '../test/databases';
import type { World } from '../test/fixtures';
import { isProblem } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('the audit log on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let as: Awaited<ReturnType<typeof signInCallers>>;
  const clock = new Date('2026-12-01T10:00:00Z');

  const page = async (who: CallerName, query: string) => {
    const res = await send(app, as[who], 'GET', `/api/v1/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AuditAnswer;
  };

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock }));
    as = await signInCallers(app, w);
    // A little history: each supervisor makes a code for their site, an admin makes a site and renames site B.
    await send(app, as.supervisorA, 'POST', '/api/v1/enrolment-codes', { siteId: w.siteA.id });
    await send(app, as.supervisorB, 'POST', '/api/v1/enrolment-codes', { siteId: w.siteB.id });
    await send(app, as.admin, 'POST', '/api/v1/sites', { code: 'HN-BD', name: 'Một cửa quận Ba Đình', kind: 'quan-huyen' });
    await send(app, as.admin, 'PATCH', `/api/v1/sites/${w.siteB.id}`, { name: 'Sở Tư pháp' });
    await send(app, as.admin, 'POST', '/api/v1/users', { role: 'admin', username: 'admin2', displayName: 'Quản trị 2', password: 'mật khẩu đủ dài' });
  });
  beforeEach(async () => {
    as = await signInCallers(app, w);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('answers the signed-in staff and no one else', async () => {
    const got: Record<string, number> = {};
    for (const who of CALLERS) got[who] = (await send(app, as[who], 'GET', '/api/v1/audit')).statusCode;
    expect(got).toEqual({ admin: 200, supervisorA: 200, supervisorB: 200, device: 401, none: 401 });
  });

  it("shows a supervisor only their own sites' rows, and an admin all of them", async () => {
    const a = await auditEntries(app, as.supervisorA);
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((e) => e.siteId === w.siteA.id)).toBe(true);
    expect(a.map((e) => e.action)).toContain('enrolment-code.create');
    const b = await auditEntries(app, as.supervisorB);
    expect(b.every((e) => e.siteId === w.siteB.id)).toBe(true);
    expect(b.map((e) => e.action)).toEqual(expect.arrayContaining(['site.update', 'enrolment-code.create']));
    const all = await auditEntries(app, as.admin);
    expect(all.map((e) => e.action)).toEqual(expect.arrayContaining(['site.create', 'site.update', 'user.create', 'enrolment-code.create']));
    expect(all.find((e) => e.action === 'user.create')).toMatchObject({ actor: 'admin', siteId: null, details: expect.objectContaining({ username: 'admin2', role: 'admin' }) });
    expect(isProblem(await send(app, as.supervisorA, 'GET', `/api/v1/audit?siteId=${w.siteB.id}`), 403.1)).toBe(true);
  });

  it('filters by actor, by action exactly or by prefix, and by site', async () => {
    // Besides binh's sign-ins (one per test: session.create).
    expect((await auditEntries(app, as.admin, 'actor=binh')).map((e) => e.action).filter((a) => a !== 'session.create')).toEqual(['enrolment-code.create']);
    expect((await auditEntries(app, as.admin, 'action=site.')).map((e) => e.action).sort()).toEqual(['site.create', 'site.update']);
    expect((await auditEntries(app, as.admin, 'action=site')).length).toBe(0);
    expect((await auditEntries(app, as.admin, 'action=site.create')).map((e) => e.details.code)).toEqual(['HN-BD']);
    const ofB = await auditEntries(app, as.admin, `siteId=${w.siteB.id}&action=enrolment-code.`);
    expect(ofB.map((e) => [e.actor, e.siteId])).toEqual([['binh', w.siteB.id]]);
  });

  it("counts days as Vietnam's local days, both ends included", async () => {
    await audit(fresh.db, { actor: 'test-edge', action: 'rollups.rebuild', siteId: w.siteA.id, details: { n: 1 } }, new Date('2026-11-20T16:59:59Z'));
    await audit(fresh.db, { actor: 'test-edge', action: 'rollups.rebuild', siteId: w.siteA.id, details: { n: 2 } }, new Date('2026-11-20T17:00:00Z'));
    await audit(fresh.db, { actor: 'test-edge', action: 'rollups.rebuild', siteId: w.siteA.id, details: { n: 3 } }, new Date('2026-11-21T16:59:59Z'));
    const ns = async (query: string) => (await auditEntries(app, as.admin, `actor=test-edge&${query}`)).map((e) => e.details.n);
    expect(await ns('from=2026-11-21&to=2026-11-21')).toEqual([3, 2]);
    expect(await ns('to=2026-11-20')).toEqual([1]);
    expect(await ns('from=2026-11-22')).toEqual([]);
    // The supervisor of the site sees them too.
    expect((await page('supervisorA', 'actor=test-edge&from=2026-11-20&to=2026-11-20')).entries.map((e) => e.details.n)).toEqual([1]);
  });

  it('pages newest first, with the total', async () => {
    const base = Date.parse('2026-11-10T02:00:00Z');
    for (let i = 0; i < AUDIT_PAGE_SIZE + 7; i++) await audit(fresh.db, { actor: 'test-page', action: 'rollups.rebuild', details: { i } }, new Date(base + i * 60_000));
    const first = await page('admin', 'actor=test-page');
    expect(first).toMatchObject({ page: 1, pageSize: AUDIT_PAGE_SIZE, total: AUDIT_PAGE_SIZE + 7 });
    expect(first.entries.length).toBe(AUDIT_PAGE_SIZE);
    expect(first.entries[0].details.i).toBe(AUDIT_PAGE_SIZE + 6);
    const second = await page('admin', 'actor=test-page&page=2');
    expect(second.entries.map((e) => e.details.i)).toEqual([6, 5, 4, 3, 2, 1, 0]);
    expect((await page('admin', 'actor=test-page&page=3')).entries).toEqual([]);
    // Rows of no site are an admin's only.
    expect((await page('supervisorA', 'actor=test-page')).total).toBe(0);
  });

  it('refuses a bad query with 400.1 naming the parameter, never a 5xx', async () => {
    const cases: [string, string][] = [
      ['from=2026-13-01', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-11-20&to=2026-11-19', 'to'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['page=9999999', 'page'],
      [`action=${'x'.repeat(101)}`, 'action'],
      ['actor=', 'actor'],
    ];
    for (const [query, path] of cases) {
      const res = await send(app, as.admin, 'GET', `/api/v1/audit?${query}`);
      expect(isProblem(res, 400.1), `${query}: ${res.statusCode} ${res.body}`).toBe(true);
      expect(res.json().errors.map((e: { path: string }) => e.path), query).toContain(path);
    }
  });
});
