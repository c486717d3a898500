// Web sign-in on both databases: cookie flags, /me, logout, 8-hour expiry and the sign-in limits (per username and
// address, per address, and a bounded back-off per username that never locks the real person out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { listAudit } from '../db/queries/audit';
import { testDatabases, type FreshDb } from '../test/databases';
import { PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('sessions on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let clock = new Date('2026-11-26T01:00:00Z');
  /** The holds the per-username back-off asked for, in ms (recorded instead of waited). */
  const holds: number[] = [];

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock, sleep: async (ms) => void holds.push(ms) }));
  });

  const signIn = (username: string, password: string, remoteAddress = '203.0.113.7') =>
    app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password }, remoteAddress });
  afterAll(() => stopApp({ app, fresh }));

  it('signs in with an httpOnly, SameSite=Strict cookie valid 8 hours, and /me names the user and their sites', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'lan', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^hl_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(res.json()).toEqual({
      user: { id: w.supervisorA.id, username: 'lan', displayName: 'Nguyễn Thị Lan', role: 'supervisor', sites: [expect.objectContaining({ id: w.siteA.id, code: 'HN-HK', timeZone: 'Asia/Ho_Chi_Minh' })] },
      expiresAt: '2026-11-26T09:00:00.000Z',
    });
    const session = res.cookies[0].value;
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(session) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('lan');
  });

  it('gives an admin every site', async () => {
    const session = await login(app, 'admin', PASSWORD);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(session) });
    expect(me.json().user.sites.map((s: { code: string }) => s.code)).toEqual(['HN-HK', 'HN-STP']);
  });

  it('logs out: the same cookie no longer works', async () => {
    const session = await login(app, 'lan', PASSWORD);
    // Sent the way fetch helpers often do: a JSON content type and no body.
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { 'content-type': 'application/json' }, ...asUser(session) });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/hl_session=;/);
    expect(isProblem(await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(session) }), 401.1)).toBe(true);
  });

  it('writes each sign-in and sign-out to the audit log under the person, a failed one not at all', async () => {
    const count = async (action: string) => (await listAudit(fresh.db, 10_000)).filter((e) => e.actor === 'lan' && e.action === action).length;
    const [ins, outs] = [await count('session.create'), await count('session.end')];
    expect((await signIn('lan', 'not the password')).statusCode).toBe(401);
    expect(await count('session.create')).toBe(ins);
    const session = await login(app, 'lan', PASSWORD);
    expect(await count('session.create')).toBe(ins + 1);
    await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', ...asUser(session) });
    expect(await count('session.end')).toBe(outs + 1);
    // The same cookie again is no second sign-out.
    await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', ...asUser(session) });
    expect(await count('session.end')).toBe(outs + 1);
    const last = (await listAudit(fresh.db, 10_000)).find((e) => e.actor === 'lan' && e.action === 'session.end')!;
    expect(JSON.parse(last.details)).toEqual({ role: 'supervisor' });
  });

  it('expires a session after 8 hours', async () => {
    const session = await login(app, 'lan', PASSWORD);
    clock = new Date(clock.getTime() + 8 * 3600_000 - 1000);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(session) })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 2000);
    expect(isProblem(await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(session) }), 401.1)).toBe(true);
  });

  it('refuses wrong passwords, unknown names and enumerators alike with 401.3', async () => {
    for (const payload of [{ username: 'lan', password: 'wrong password' }, { username: 'nobody', password: PASSWORD }, { username: 'minh', password: PASSWORD }]) {
      expect(isProblem(await app.inject({ method: 'POST', url: '/api/v1/sessions', payload }), 401.3)).toBe(true);
    }
    expect(isProblem(await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'lan' } }), 400.1)).toBe(true);
  });

  it('blocks a username from one address after 5 failed sign-ins in 15 minutes, even with the right password, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) expect(isProblem(await signIn('admin', `guess ${i}`), 401.3)).toBe(true);
    const blocked = await signIn('ADMIN', PASSWORD);
    expect(isProblem(blocked, 429.1)).toBe(true);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another username from the same address is not affected.
    expect((await signIn('lan', PASSWORD)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    expect((await signIn('admin', PASSWORD)).statusCode).toBe(200);
  });

  it("five wrong passwords from another address do not lock the real person out: they wait a few seconds at most (finding 4)", async () => {
    clock = new Date(clock.getTime() + 16 * 60_000);
    holds.length = 0;
    for (let i = 0; i < 5; i++) await signIn('lan', `guess ${i}`, '198.51.100.66');
    // The guesser's own address is refused now, the right password included.
    expect(isProblem(await signIn('lan', PASSWORD, '198.51.100.66'), 429.1)).toBe(true);
    // The supervisor at her desk gets in, held back at most a few seconds by the per-username back-off.
    const mine = await signIn('lan', PASSWORD, '203.0.113.7');
    expect(mine.statusCode).toBe(200);
    expect(holds.length).toBe(1);
    expect(holds[0]).toBeGreaterThan(0);
    expect(holds[0]).toBeLessThanOrEqual(8000);
  });

  it('the per-username back-off doubles but stays bounded, whatever the number of addresses guessing', async () => {
    clock = new Date(clock.getTime() + 16 * 60_000);
    holds.length = 0;
    for (let i = 0; i < 20; i++) await signIn('admin', `guess ${i}`, `198.51.100.${i}`);
    expect(holds).toEqual([1000, 2000, 4000, 8000, ...Array(11).fill(8000)]);
    expect((await signIn('admin', PASSWORD, '203.0.113.7')).statusCode).toBe(200);
  });

  it('slows one address trying many usernames (password spraying): the 31st attempt in 15 minutes is refused', async () => {
    clock = new Date(clock.getTime() + 16 * 60_000);
    const sprayer = '192.0.2.99';
    for (let i = 0; i < 30; i++) expect(isProblem(await signIn(`user${i}`, 'Password123', sprayer), 401.3)).toBe(true);
    expect(isProblem(await signIn('lan', PASSWORD, sprayer), 429.1)).toBe(true);
    // The counters are rows in the database: another process would see the same.
    const rows = await fresh.db.k.selectFrom('auth_failures').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeGreaterThanOrEqual(90);
    expect((await signIn('lan', PASSWORD, '203.0.113.7')).statusCode).toBe(200);
  });
});
