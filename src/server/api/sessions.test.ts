// Web sign-in on both databases: cookie flags, /me, logout, 8-hour expiry and the per-username attempt limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { testDatabases, type FreshDb } from '../test/databases';
import { PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('sessions on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let clock = new Date('2026-11-26T01:00:00Z');

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock }));
  });
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

  it('blocks a username after 5 failed sign-ins in 15 minutes, even with the right password, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'admin', password: `guess ${i}` } });
    const blocked = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'ADMIN', password: PASSWORD } });
    expect(isProblem(blocked, 429.1)).toBe(true);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another username is not affected.
    await login(app, 'lan', PASSWORD);
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    await login(app, 'admin', PASSWORD);
  });
});
