// People on both databases: an admin manages everyone, a supervisor only the enumerators of their own sites; the field
// rules; a new password or disabling ends web sessions; PINs set and cleared; every change in the audit log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PersonJson } from '../../core/protocol/people';
import type { App } from '../app';
import { auditEntries, CALLERS, send, signInCallers, type CallerName } from '../test/callers';
import { testDatabases, type FreshDb } from '../test/databases';
import { PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('people on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let as: Awaited<ReturnType<typeof signInCallers>>;
  let n = 0;

  const people = async (who: CallerName, query = '') => {
    const res = await send(app, as[who], 'GET', `/api/v1/users${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { people: PersonJson[] }).people;
  };
  const newEnumerator = (who: CallerName, siteId: string, extra: Record<string, unknown> = {}) =>
    send(app, as[who], 'POST', '/api/v1/users', { role: 'enumerator', displayName: `Điều tra viên ${++n}`, siteId, ...extra });

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
  });
  beforeEach(async () => {
    as = await signInCallers(app, w);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('answers each caller on each route as their role and sites allow', async () => {
    const binh = (await people('admin', '?role=supervisor')).find((p) => p.username === 'binh')!;
    const routes: Record<string, { call: (who: CallerName) => ReturnType<typeof send>; expect: Record<CallerName, number>; refusal?: number }> = {
      'GET /api/v1/users': { call: (who) => send(app, as[who], 'GET', '/api/v1/users'), expect: { admin: 200, supervisorA: 200, supervisorB: 200, device: 401, none: 401 } },
      'POST /api/v1/users (enumerator of A)': {
        call: (who) => newEnumerator(who, w.siteA.id),
        expect: { admin: 201, supervisorA: 201, supervisorB: 403, device: 401, none: 401 },
        refusal: 403.1,
      },
      'POST /api/v1/users (supervisor of A)': {
        call: (who) => send(app, as[who], 'POST', '/api/v1/users', { role: 'supervisor', username: `sup-${who.toLowerCase()}`, displayName: 'Giám sát', password: 'mật khẩu đủ dài', siteIds: [w.siteA.id] }),
        expect: { admin: 201, supervisorA: 403, supervisorB: 403, device: 401, none: 401 },
        refusal: 403.2,
      },
      'POST /api/v1/users (admin)': {
        call: (who) => send(app, as[who], 'POST', '/api/v1/users', { role: 'admin', username: `adm-${who.toLowerCase()}`, displayName: 'Quản trị 2', password: 'mật khẩu đủ dài' }),
        expect: { admin: 201, supervisorA: 403, supervisorB: 403, device: 401, none: 401 },
        refusal: 403.2,
      },
      'PATCH /api/v1/users/:id (enumerator of A)': {
        call: (who) => send(app, as[who], 'PATCH', `/api/v1/users/${w.enumeratorA.id}`, { displayName: `Trần Văn Minh (${who})` }),
        expect: { admin: 200, supervisorA: 200, supervisorB: 403, device: 401, none: 401 },
        refusal: 403.1,
      },
      'PATCH /api/v1/users/:id (enumerator of B)': {
        call: (who) => send(app, as[who], 'PATCH', `/api/v1/users/${w.enumeratorB.id}`, { pin: '2468' }),
        expect: { admin: 200, supervisorA: 403, supervisorB: 200, device: 401, none: 401 },
        refusal: 403.1,
      },
      'PATCH /api/v1/users/:id (supervisor of B)': {
        call: (who) => send(app, as[who], 'PATCH', `/api/v1/users/${binh.id}`, { displayName: `Đỗ Văn Bình (${who})` }),
        expect: { admin: 200, supervisorA: 403, supervisorB: 403, device: 401, none: 401 },
        refusal: 403.2,
      },
    };
    const got: Record<string, Record<string, number>> = {};
    for (const [name, r] of Object.entries(routes)) {
      got[name] = {};
      for (const who of CALLERS) {
        const res = await r.call(who);
        got[name][who] = res.statusCode;
        if (res.statusCode === 403) expect(isProblem(res, r.refusal!), `${name} as ${who}: ${res.body}`).toBe(true);
        if (res.statusCode === 401) expect(isProblem(res, 401.1), `${name} as ${who}`).toBe(true);
      }
    }
    expect(got).toEqual(Object.fromEntries(Object.entries(routes).map(([k, r]) => [k, r.expect])));
    // What was refused changed nothing.
    expect((await people('admin', '?role=supervisor')).map((p) => p.username).sort()).toEqual(['binh', 'lan', 'sup-admin']);
    expect((await people('admin', `?siteId=${w.siteA.id}&role=enumerator`)).find((p) => p.id === w.enumeratorA.id)?.displayName).toBe('Trần Văn Minh (supervisorA)');
  });

  it('lists everyone for an admin, and for a supervisor themself and their sites’ enumerators', async () => {
    const all = await people('admin');
    expect(all.map((p) => p.username)).toEqual(expect.arrayContaining(['admin', 'lan', 'binh', 'minh', 'hoa']));
    expect(all.find((p) => p.username === 'admin')).toMatchObject({ role: 'admin', siteIds: [], disabled: false, hasPin: false });
    expect(all.find((p) => p.username === 'lan')).toMatchObject({ role: 'supervisor', siteIds: [w.siteA.id], displayName: 'Nguyễn Thị Lan' });

    const mine = await people('supervisorA');
    expect(mine.some((p) => p.username === 'lan')).toBe(true);
    expect(mine.every((p) => p.username === 'lan' || (p.role === 'enumerator' && p.siteIds.includes(w.siteA.id)))).toBe(true);
    expect(mine.some((p) => p.username === 'minh')).toBe(true);
    expect(mine.some((p) => ['admin', 'binh', 'hoa'].includes(p.username))).toBe(false);

    expect((await people('admin', `?role=enumerator&siteId=${w.siteB.id}`)).map((p) => p.username)).toEqual(['hoa']);
    expect(isProblem(await send(app, as.supervisorA, 'GET', `/api/v1/users?siteId=${w.siteB.id}`), 403.1)).toBe(true);
    const bad = await send(app, as.admin, 'GET', '/api/v1/users?role=root');
    expect(isProblem(bad, 400.1) && bad.json().errors[0].path).toBe('role');
  });

  it('makes an enumerator a username from the site code when none is given, hashes the PIN, and logs it without the PIN', async () => {
    const first = await newEnumerator('supervisorA', w.siteA.id, { pin: '13579' });
    const second = await newEnumerator('supervisorA', w.siteA.id);
    expect(first.statusCode).toBe(201);
    const a = first.json() as PersonJson;
    const b = second.json() as PersonJson;
    expect(a).toMatchObject({ role: 'enumerator', siteIds: [w.siteA.id], hasPin: true, disabled: false });
    expect(a.username).toMatch(/^hn-hk-[a-z0-9]{4,}$/);
    expect(b.username).not.toBe(a.username);
    expect(b.hasPin).toBe(false);
    const [entry] = await auditEntries(app, as.admin, `action=user.create&actor=lan`);
    expect(entry).toMatchObject({ siteId: w.siteA.id, details: expect.objectContaining({ role: 'enumerator', hasPin: false }) });
    const log = JSON.stringify(await auditEntries(app, as.admin, 'action=user.'));
    expect(log).not.toContain('13579');

    expect(isProblem(await newEnumerator('admin', w.siteA.id, { username: a.username }), 409.2)).toBe(true);
    expect(isProblem(await send(app, as.admin, 'POST', '/api/v1/users', { role: 'supervisor', username: 'lan', displayName: 'Lan 2', password: 'mật khẩu đủ dài', siteIds: [w.siteA.id] }), 409.2)).toBe(true);
    expect(isProblem(await newEnumerator('admin', 'no-such-site'), 404.3)).toBe(true);
  });

  it('answers two requests racing for one username with one 201 and one 409.2', async () => {
    const body = { role: 'supervisor', username: 'race', displayName: 'Chạy đua', password: 'mật khẩu đủ dài', siteIds: [w.siteA.id] };
    const answers = await Promise.all([send(app, as.admin, 'POST', '/api/v1/users', body), send(app, as.admin, 'POST', '/api/v1/users', body)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.some((r) => isProblem(r, 409.2))).toBe(true);
    const sites = await Promise.all([0, 1].map(() => send(app, as.admin, 'POST', '/api/v1/sites', { code: 'RACE', name: 'Chạy đua', kind: 'xa-phuong' })));
    expect(sites.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses an invalid person or change with 400.1 naming the field, never a 5xx', async () => {
    const sup = { role: 'supervisor', username: 'new-sup', displayName: 'Giám sát mới', password: 'mật khẩu đủ dài', siteIds: [w.siteA.id] };
    const cases: [unknown, string][] = [
      [{ ...sup, password: 'short' }, 'password'],
      [{ ...sup, password: 'x'.repeat(201) }, 'password'],
      [{ ...sup, username: 'Lan Anh' }, 'username'],
      [{ ...sup, username: 'x' }, 'username'],
      [{ ...sup, displayName: '  ' }, 'displayName'],
      [{ ...sup, siteIds: [] }, 'siteIds'],
      [{ ...sup, siteIds: [w.siteA.id, w.siteA.id] }, 'siteIds'],
      [{ ...sup, siteIds: 'HN-HK' }, 'siteIds'],
      [{ ...sup, role: 'root' }, 'role'],
      [{ role: 'admin', username: 'adm-x', displayName: 'A', password: 'mật khẩu đủ dài', siteIds: [w.siteA.id] }, '(root)'],
      [{ role: 'enumerator', displayName: 'Điều tra viên', siteId: w.siteA.id, pin: '12a4' }, 'pin'],
      [{ role: 'enumerator', displayName: 'Điều tra viên', siteId: w.siteA.id, pin: '123' }, 'pin'],
      [{ role: 'enumerator', displayName: 'Điều tra viên' }, 'siteId'],
    ];
    for (const [body, path] of cases) {
      const res = await send(app, as.admin, 'POST', '/api/v1/users', body);
      expect(isProblem(res, 400.1), `${JSON.stringify(body)}: ${res.statusCode} ${res.body}`).toBe(true);
      expect(res.json().errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(path);
    }
    const patches: [string, unknown, string][] = [
      [w.enumeratorA.id, { password: 'mật khẩu đủ dài' }, 'password'],
      [w.supervisorA.id, { pin: '1234' }, 'pin'],
      [w.enumeratorA.id, { siteIds: [w.siteA.id, w.siteB.id] }, 'siteIds'],
      [w.enumeratorA.id, { disabled: 'yes' }, 'disabled'],
      [w.enumeratorA.id, {}, '(root)'],
      [w.admin.id, { siteIds: [w.siteA.id] }, 'siteIds'],
    ];
    for (const [id, body, path] of patches) {
      const res = await send(app, as.admin, 'PATCH', `/api/v1/users/${id}`, body);
      expect(isProblem(res, 400.1), `${JSON.stringify(body)}: ${res.statusCode} ${res.body}`).toBe(true);
      expect(res.json().errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(path);
    }
    expect(isProblem(await send(app, as.admin, 'PATCH', '/api/v1/users/nobody', { displayName: 'x' }), 404.5)).toBe(true);
  });

  it("ends a person's sessions when their password is reset or they are disabled; a disabled person cannot sign in", async () => {
    const old = await login(app, 'lan', PASSWORD);
    const reset = await send(app, as.admin, 'PATCH', `/api/v1/users/${w.supervisorA.id}`, { password: 'một mật khẩu mới' });
    expect(reset.statusCode).toBe(200);
    expect(isProblem(await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(old) }), 401.1)).toBe(true);
    expect(isProblem(await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'lan', password: PASSWORD } }), 401.3)).toBe(true);
    const fresh = await login(app, 'lan', 'một mật khẩu mới');

    expect((await send(app, as.admin, 'PATCH', `/api/v1/users/${w.supervisorA.id}`, { disabled: true })).json()).toMatchObject({ disabled: true });
    expect(isProblem(await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(fresh) }), 401.1)).toBe(true);
    expect(isProblem(await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'lan', password: 'một mật khẩu mới' } }), 401.3)).toBe(true);

    expect((await send(app, as.admin, 'PATCH', `/api/v1/users/${w.supervisorA.id}`, { disabled: false, password: PASSWORD })).json()).toMatchObject({ disabled: false });
    await login(app, 'lan', PASSWORD);

    const actions = (await auditEntries(app, as.admin, 'action=user.')).filter((e) => e.details.userId === w.supervisorA.id).map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['user.update', 'user.disable', 'user.password-reset']);
    expect(JSON.stringify(await auditEntries(app, as.admin))).not.toContain('một mật khẩu mới');
  });

  it('keeps an admin from disabling themself, and keeps their own session when they change their own password', async () => {
    const refused = await send(app, as.admin, 'PATCH', `/api/v1/users/${w.admin.id}`, { disabled: true });
    expect(isProblem(refused, 403.2)).toBe(true);
    expect((await send(app, as.admin, 'PATCH', `/api/v1/users/${w.admin.id}`, { password: 'mật khẩu quản trị mới' })).statusCode).toBe(200);
    expect((await send(app, as.admin, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await send(app, as.admin, 'PATCH', `/api/v1/users/${w.admin.id}`, { password: PASSWORD })).statusCode).toBe(200);
  });

  it('lets a supervisor set and clear a PIN and disable an enumerator of their site, who then leaves its tablets', async () => {
    const tablet = async () => (await send(app, as.device, 'GET', '/api/v1/device')).json().enumerators.map((e: { id: string }) => e.id) as string[];
    expect(await tablet()).toContain(w.enumeratorA.id);
    expect((await send(app, as.supervisorA, 'PATCH', `/api/v1/users/${w.enumeratorA.id}`, { pin: '8642' })).json()).toMatchObject({ hasPin: true });
    expect((await send(app, as.supervisorA, 'PATCH', `/api/v1/users/${w.enumeratorA.id}`, { pin: null })).json()).toMatchObject({ hasPin: false });
    expect((await send(app, as.supervisorA, 'PATCH', `/api/v1/users/${w.enumeratorA.id}`, { disabled: true })).json()).toMatchObject({ disabled: true });
    expect(await tablet()).not.toContain(w.enumeratorA.id);
    expect((await send(app, as.supervisorA, 'PATCH', `/api/v1/users/${w.enumeratorA.id}`, { disabled: false })).statusCode).toBe(200);
    expect(await tablet()).toContain(w.enumeratorA.id);

    const mine = (await auditEntries(app, as.supervisorA, 'actor=lan&action=user.')).map((e) => e.action);
    expect(mine.slice(0, 4)).toEqual(['user.enable', 'user.disable', 'user.pin-clear', 'user.pin-set']);
    expect(JSON.stringify(await auditEntries(app, as.admin, 'action=user.pin-set'))).not.toContain('8642');
  });

  it("keeps a supervisor to their own sites: no moving an enumerator out, no touching site B's, nor themself", async () => {
    expect(isProblem(await send(app, as.supervisorA, 'PATCH', `/api/v1/users/${w.enumeratorA.id}`, { siteIds: [w.siteB.id] }), 403.1)).toBe(true);
    expect(isProblem(await send(app, as.supervisorA, 'PATCH', `/api/v1/users/${w.enumeratorB.id}`, { disabled: true }), 403.1)).toBe(true);
    expect(isProblem(await send(app, as.supervisorA, 'PATCH', `/api/v1/users/${w.supervisorA.id}`, { displayName: 'Lan' }), 403.2)).toBe(true);
    expect(isProblem(await send(app, as.supervisorA, 'PATCH', `/api/v1/users/${w.admin.id}`, { disabled: true }), 403.2)).toBe(true);
    expect(isProblem(await newEnumerator('supervisorA', w.siteB.id), 403.1)).toBe(true);
    const people = await send(app, as.admin, 'GET', `/api/v1/users?siteId=${w.siteB.id}`);
    expect(people.json().people.find((p: PersonJson) => p.id === w.enumeratorB.id)).toMatchObject({ disabled: false, siteIds: [w.siteB.id] });
  });

  it("lets an admin give a supervisor more sites, which their session's sites then show", async () => {
    const res = await send(app, as.admin, 'PATCH', `/api/v1/users/${w.supervisorA.id}`, { siteIds: [w.siteA.id, w.siteB.id] });
    expect(res.json().siteIds.sort()).toEqual([w.siteA.id, w.siteB.id].sort());
    const me = await send(app, as.supervisorA, 'GET', '/api/v1/me');
    expect(me.json().user.sites.map((s: { code: string }) => s.code)).toEqual(['HN-HK', 'HN-STP']);
    expect((await auditEntries(app, as.admin, 'action=user.sites'))[0].details).toMatchObject({ siteIds: { from: [w.siteA.id], to: [w.siteA.id, w.siteB.id] } });
    expect((await send(app, as.admin, 'PATCH', `/api/v1/users/${w.supervisorA.id}`, { siteIds: [w.siteA.id] })).statusCode).toBe(200);
    expect(isProblem(await send(app, as.admin, 'PATCH', `/api/v1/users/${w.supervisorA.id}`, { siteIds: ['no-such-site'] }), 404.3)).toBe(true);
  });
});
