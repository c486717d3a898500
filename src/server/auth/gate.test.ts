// The auth gate on both databases: every route declares who may call it, and a caller without valid credentials is
// refused before its body is read (issue 12, finding 3: a 31 MB import was parsed before the session was checked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { testDatabases, type FreshDb } from '../test/databases';
import { PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, listen, login } from '../test/http';
import { answerBeforeBody } from '../test/raw-request';
import { startSeededApp, stopApp } from '../test/test-app';
import { registeredRoutes } from './gate';

/** The only routes anyone may send a body to; a new one belongs here only after a deliberate decision. */
const PUBLIC_WITH_BODY = ['POST /api/v1/sessions', 'DELETE /api/v1/sessions/current', 'POST /api/v1/devices'];

const withBody = (method: string) => method !== 'GET' && method !== 'HEAD';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, 'x');

describe.each(testDatabases())('the auth gate on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let base: string;

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
    base = await listen(app);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('every route that takes a body, and every /api/v1 route, declares who may call it; public ones with a body are the known few', () => {
    const routes = registeredRoutes(app);
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter((r) => !r.auth && (withBody(r.method) || r.url.startsWith('/api/v1/'))).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const publicWithBody = routes.filter((r) => r.auth === 'public' && withBody(r.method)).map((r) => `${r.method} ${r.url}`);
    expect(publicWithBody.sort()).toEqual([...PUBLIC_WITH_BODY].sort());
    // A public route reads a few KB at most.
    for (const r of routes.filter((x) => x.auth === 'public' && withBody(x.method))) expect(r.bodyLimit, `${r.method} ${r.url}`).toBeLessThanOrEqual(16 * 1024);
  });

  it("every session route that changes what its path names checks that it is the caller's in the gate (pathScope), unless only admins may call it", () => {
    const adminOnly = (roles: readonly string[] | undefined) => roles !== undefined && roles.every((r) => r === 'admin');
    const unchecked = registeredRoutes(app)
      .filter((r) => r.auth === 'session' && withBody(r.method) && /\/:[A-Za-z]+/.test(r.url) && !adminOnly(r.roles) && !r.pathScope)
      .map((r) => `${r.method} ${r.url}`);
    expect(unchecked).toEqual([]);
  });

  it("refuses a supervisor's body about another site's tablet, alert rule, target or response before reading it, with 403", async () => {
    const session = await login(app, 'lan', PASSWORD);
    const cookie = { cookie: `hl_session=${session}` };
    const other = [
      ['PATCH', `/api/v1/devices/${w.deviceB.id}`],
      ['PUT', `/api/v1/sites/${w.siteB.id}/alert-rule`],
      ['PUT', `/api/v1/sites/${w.siteB.id}/target`],
    ] as const;
    for (const [method, path] of other) {
      const answer = await answerBeforeBody(base, path, cookie, 5 * 1024 * 1024, 4096, method);
      expect(answer, `${method} ${path}`).toMatch(/^HTTP\/1\.1 403 [^]*"code":403\.1/);
      expect(answer, `${method} ${path}`).toMatch(/\r\nconnection: close\r\n/i);
    }
    // What does not exist is said as such, also before the body.
    const missing = await answerBeforeBody(base, '/api/v1/alerts/no-such-alert/acknowledgement', cookie, 5 * 1024 * 1024, 4096);
    expect(missing).toMatch(/^HTTP\/1\.1 404 /);
  });

  it('refuses every non-public route with 401 problem+json when no credentials, or the wrong kind, are sent', async () => {
    const session = await login(app, 'admin', PASSWORD);
    const guarded = registeredRoutes(app).filter((r) => r.auth && r.auth !== 'public' && r.method !== 'HEAD');
    expect(guarded.length).toBeGreaterThan(10);
    for (const r of guarded) {
      const payload = withBody(r.method) ? { payload: '{"responses":[]}', headers: { 'content-type': 'application/json' } } : {};
      const bare = await app.inject({ method: r.method as 'GET', url: concrete(r.url), ...payload });
      expect(isProblem(bare, 401.1), `${r.method} ${r.url}: ${bare.statusCode} ${bare.body}`).toBe(true);
      // A device token opens no session route, and a session no device route.
      const other =
        r.auth === 'session'
          ? await app.inject({ method: r.method as 'GET', url: concrete(r.url), ...payload, headers: { ...payload.headers, authorization: `Bearer ${w.deviceA.token}` } })
          : r.auth === 'device'
            ? await app.inject({ method: r.method as 'GET', url: concrete(r.url), ...payload, ...asUser(session) })
            : null;
      if (other) expect(isProblem(other, 401.1), `${r.method} ${r.url} with the other credential: ${other.statusCode} ${other.body}`).toBe(true);
    }
  });

  it('refuses an unauthenticated 31 MB import after reading a few KB of it, and closes the connection', async () => {
    const answer = await answerBeforeBody(base, '/api/v1/imports', {}, 31 * 1024 * 1024, 4096);
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toMatch(/"code":401\.1/);
  });

  it('refuses a batch with an unknown token, or a body to a path that does not exist, the same way', async () => {
    const batch = await answerBeforeBody(base, '/api/v1/submissions', { authorization: `Bearer ${'x'.repeat(43)}` }, 5 * 1024 * 1024, 4096);
    expect(batch).toMatch(/^HTTP\/1\.1 401 [^]*"code":401\.1/);
    const nowhere = await answerBeforeBody(base, '/api/v1/nowhere', {}, 5 * 1024 * 1024, 4096);
    expect(nowhere).toMatch(/^HTTP\/1\.1 404 [^]*"code":404\.1/);
  });

  it("refuses a signed-in supervisor on an admin's route before the body, with 403.2", async () => {
    const session = await login(app, 'lan', PASSWORD);
    // Creating a site is an admin's (revoking a tablet is no longer: a supervisor of its site may).
    const answer = await answerBeforeBody(base, '/api/v1/sites', { cookie: `hl_session=${session}` }, 5 * 1024 * 1024, 4096);
    expect(answer).toMatch(/^HTTP\/1\.1 403 [^]*"code":403\.2/);
  });

  it('caps what a public route reads: a 64 KB sign-in is refused with 413.1', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'lan', password: 'x'.repeat(64 * 1024) }) });
    expect(isProblem(res, 413.1)).toBe(true);
  });
});
