// Sites on both databases: who may list, create and change them; the field rules; deactivation stops new tablets,
// codes and people but keeps the site's tablets and data; every change is in the audit log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { auditEntries, CALLERS, send, signInCallers, type CallerName } from '../test/callers';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, type World } from '../test/fixtures';
import { isProblem, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('sites on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let as: Awaited<ReturnType<typeof signInCallers>>;
  const clock = new Date('2026-12-02T03:00:00Z');

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock }));
  });
  beforeEach(async () => {
    as = await signInCallers(app, w);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('lets everyone signed in list sites, and only an admin create or change one', async () => {
    const expected: Record<string, Record<CallerName, number>> = {
      'GET /api/v1/sites': { admin: 200, supervisorA: 200, supervisorB: 200, device: 401, none: 401 },
      'POST /api/v1/sites': { admin: 201, supervisorA: 403, supervisorB: 403, device: 401, none: 401 },
      'PATCH /api/v1/sites/:id': { admin: 200, supervisorA: 403, supervisorB: 403, device: 401, none: 401 },
    };
    const got: Record<string, Record<string, number>> = {};
    for (const [key, row] of Object.entries(expected)) {
      got[key] = {};
      for (const who of CALLERS) {
        const res =
          key === 'GET /api/v1/sites'
            ? await send(app, as[who], 'GET', '/api/v1/sites')
            : key === 'POST /api/v1/sites'
              ? await send(app, as[who], 'POST', '/api/v1/sites', { code: `M-${who}`, name: `Điểm ${who}`, kind: 'xa-phuong' })
              : await send(app, as[who], 'PATCH', `/api/v1/sites/${w.siteA.id}`, { name: `Một cửa quận Hoàn Kiếm (${who})` });
        got[key][who] = res.statusCode;
        if (res.statusCode >= 400) expect(res.headers['content-type'], `${key} as ${who}`).toMatch(/^application\/problem\+json/);
        if (row[who] === 403) expect(isProblem(res, 403.2), `${key} as ${who}: ${res.body}`).toBe(true);
      }
    }
    expect(got).toEqual(expected);
    // The supervisors' attempts changed nothing.
    const sites = (await send(app, as.admin, 'GET', '/api/v1/sites')).json().sites as { code: string; name: string }[];
    expect(sites.map((s) => s.code).sort()).toEqual(['HN-HK', 'HN-STP', 'M-admin']);
    expect(sites.find((s) => s.code === 'HN-HK')?.name).toBe('Một cửa quận Hoàn Kiếm (admin)');
    // A supervisor sees their own site only.
    expect((await send(app, as.supervisorB, 'GET', '/api/v1/sites')).json().sites.map((s: { code: string }) => s.code)).toEqual(['HN-STP']);
  });

  it('creates a site with the default zone, refuses a taken code with 409.3, and logs it', async () => {
    const res = await send(app, as.admin, 'POST', '/api/v1/sites', { code: 'DN-HC', name: '  Một cửa quận Hải Châu  ', kind: 'quan-huyen' });
    expect(res.statusCode).toBe(201);
    const site = res.json();
    expect(site).toEqual({ id: expect.any(String), code: 'DN-HC', name: 'Một cửa quận Hải Châu', kind: 'quan-huyen', timeZone: 'Asia/Ho_Chi_Minh', deactivatedAt: null });
    expect(isProblem(await send(app, as.admin, 'POST', '/api/v1/sites', { code: 'DN-HC', name: 'again', kind: 'quan-huyen' }), 409.3)).toBe(true);
    const [entry] = await auditEntries(app, as.admin, 'action=site.create');
    expect(entry).toMatchObject({ actor: 'admin', action: 'site.create', siteId: site.id, details: { code: 'DN-HC', name: 'Một cửa quận Hải Châu', kind: 'quan-huyen' } });
  });

  it('refuses an invalid site with 400.1 naming the field, never a 5xx', async () => {
    const good = { code: 'OK-1', name: 'Điểm', kind: 'xa-phuong', timeZone: 'Asia/Bangkok' };
    const cases: [unknown, string][] = [
      [{ ...good, code: 'has space' }, 'code'],
      [{ ...good, code: '-lead' }, 'code'],
      [{ ...good, code: 'X'.repeat(33) }, 'code'],
      [{ ...good, name: '   ' }, 'name'],
      [{ ...good, name: 'n'.repeat(201) }, 'name'],
      [{ ...good, kind: 'tinh' }, 'kind'],
      [{ ...good, timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ ...good, timeZone: '+07:00' }, 'timeZone'],
      [{ ...good, timeZone: 7 }, 'timeZone'],
      [{ ...good, colour: 'red' }, '(root)'],
      [{ name: 'Điểm', kind: 'xa-phuong' }, 'code'],
    ];
    for (const [body, path] of cases) {
      const res = await send(app, as.admin, 'POST', '/api/v1/sites', body);
      expect(isProblem(res, 400.1), `${JSON.stringify(body)}: ${res.statusCode} ${res.body}`).toBe(true);
      expect(res.json().errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(path);
    }
    for (const body of [[], null, 'site']) expect(isProblem(await send(app, as.admin, 'POST', '/api/v1/sites', body), 400.1), JSON.stringify(body)).toBe(true);
    const patch = await send(app, as.admin, 'PATCH', `/api/v1/sites/${w.siteB.id}`, { timeZone: 'Nowhere/Town' });
    expect(isProblem(patch, 400.1) && patch.json().errors[0].path).toBe('timeZone');
    expect(isProblem(await send(app, as.admin, 'PATCH', `/api/v1/sites/${w.siteB.id}`, {}), 400.1)).toBe(true);
    expect(isProblem(await send(app, as.admin, 'PATCH', '/api/v1/sites/no-such-site', { name: 'x' }), 404.3)).toBe(true);
  });

  it('changes name, kind and zone, logging what changed from what', async () => {
    const res = await send(app, as.admin, 'PATCH', `/api/v1/sites/${w.siteB.id}`, { name: 'Sở Tư pháp TP Hà Nội', kind: 'so-nganh', timeZone: 'Asia/Saigon' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: w.siteB.id, code: 'HN-STP', name: 'Sở Tư pháp TP Hà Nội', kind: 'so-nganh', timeZone: 'Asia/Saigon', deactivatedAt: null });
    const [entry] = await auditEntries(app, as.admin, `action=site.update&siteId=${w.siteB.id}`);
    expect(entry.details).toEqual({ code: 'HN-STP', changes: { name: { from: 'Sở Tư pháp Hà Nội', to: 'Sở Tư pháp TP Hà Nội' }, timeZone: { from: 'Asia/Ho_Chi_Minh', to: 'Asia/Saigon' } } });
  });

  it('deactivates a site: no new tablets, codes or people; its tablets and data stay; reactivation undoes it', async () => {
    const code = (await send(app, as.supervisorA, 'POST', '/api/v1/enrolment-codes', { siteId: w.siteA.id })).json().code as string;
    const accepted = results(await submit(app, w.deviceA.token, { responses: [makeResponse({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id })] }));
    expect(accepted[0].status).toBe('accepted');

    const off = await send(app, as.admin, 'PATCH', `/api/v1/sites/${w.siteA.id}`, { active: false });
    expect(off.json()).toMatchObject({ id: w.siteA.id, deactivatedAt: clock.toISOString() });
    expect((await auditEntries(app, as.admin, 'action=site.deactivate'))[0]).toMatchObject({ siteId: w.siteA.id, actor: 'admin' });
    // Still listed, marked, for its supervisor.
    expect((await send(app, as.supervisorA, 'GET', '/api/v1/sites')).json().sites).toEqual([expect.objectContaining({ id: w.siteA.id, deactivatedAt: clock.toISOString() })]);

    expect(isProblem(await send(app, as.none, 'POST', '/api/v1/devices', { code, name: 'Máy mới' }), 403.3)).toBe(true);
    expect(isProblem(await send(app, as.supervisorA, 'POST', '/api/v1/enrolment-codes', { siteId: w.siteA.id }), 403.3)).toBe(true);
    expect(isProblem(await send(app, as.supervisorA, 'POST', '/api/v1/users', { role: 'enumerator', displayName: 'Người mới', siteId: w.siteA.id }), 403.3)).toBe(true);
    expect(isProblem(await send(app, as.admin, 'PATCH', `/api/v1/users/${w.enumeratorB.id}`, { siteIds: [w.siteA.id] }), 403.3)).toBe(true);

    // Its tablet keeps working, and its responses stay in scores.
    expect((await send(app, as.device, 'GET', '/api/v1/device')).statusCode).toBe(200);
    const scores = await send(app, as.admin, 'GET', `/api/v1/scores?form=sipas-2017&period=custom&from=2026-11-01&to=2026-11-30&sites=${w.siteA.id}`);
    expect(scores.json().responses).toBe(1);

    const on = await send(app, as.admin, 'PATCH', `/api/v1/sites/${w.siteA.id}`, { active: true });
    expect(on.json().deactivatedAt).toBeNull();
    // The code refused while the site was closed was not spent.
    expect((await send(app, as.none, 'POST', '/api/v1/devices', { code, name: 'Máy mới' })).statusCode).toBe(201);
    expect((await auditEntries(app, as.admin, 'action=site.activate'))[0]).toMatchObject({ siteId: w.siteA.id });
  });

  it('documents every administration route in OpenAPI: tags, summary, session security, inputs and answers', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const routes: [string, string, { body?: boolean; id?: boolean; query?: string[] }][] = [
      ['get', '/api/v1/sites', {}],
      ['post', '/api/v1/sites', { body: true }],
      ['patch', '/api/v1/sites/{id}', { body: true, id: true }],
      ['get', '/api/v1/users', { query: ['role', 'siteId'] }],
      ['post', '/api/v1/users', { body: true }],
      ['patch', '/api/v1/users/{id}', { body: true, id: true }],
      ['get', '/api/v1/enrolment-codes', { query: ['siteId'] }],
      ['delete', '/api/v1/enrolment-codes/{id}', { id: true }],
      ['get', '/api/v1/audit', { query: ['actor', 'action', 'siteId', 'from', 'to', 'page'] }],
    ];
    for (const [method, path, want] of routes) {
      const op = doc.paths[path]?.[method];
      const name = `${method.toUpperCase()} ${path}`;
      expect(op, name).toBeDefined();
      expect(op.tags?.length, name).toBeGreaterThan(0);
      expect(op.summary, name).toEqual(expect.any(String));
      expect(op.security, name).toEqual([{ session: [] }]);
      expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['401']));
      const ok = op.responses['200'] ?? op.responses['201'] ?? op.responses['204'];
      expect(ok, name).toBeDefined();
      if (want.body) expect(op.requestBody?.content?.['application/json']?.schema, name).toBeDefined();
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      if (want.id) expect(params.some((p) => p.in === 'path' && p.name === 'id'), name).toBe(true);
      for (const q of want.query ?? []) expect(params.some((p) => p.in === 'query' && p.name === q), `${name} ?${q}`).toBe(true);
    }
  });
});
