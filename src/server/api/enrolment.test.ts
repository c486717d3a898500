// Enrolment on both databases: one-time 24-hour codes in a supervisor's scope, device tokens, revocation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('enrolment on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let supervisor: string;
  let admin: string;
  let clock = new Date('2026-11-26T01:00:00Z');

  const newCode = (session: string, siteId: string) => app.inject({ method: 'POST', url: '/api/v1/enrolment-codes', payload: { siteId }, ...asUser(session) });
  const enrol = (code: string, name = 'Máy tính bảng quầy 2') => app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code, name } });

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock }));
  });
  // Tests move the clock past the 8-hour session life: sign in again on the current clock each time.
  beforeEach(async () => {
    supervisor = await login(app, 'lan', PASSWORD);
    admin = await login(app, 'admin', PASSWORD);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('trades a code for a token once; the token identifies the device, its site and enumerators', async () => {
    const res = await newCode(supervisor, w.siteA.id);
    expect(res.statusCode).toBe(201);
    const { code, expiresAt } = res.json();
    expect(code).toMatch(/^[346789ACDEFGHJKMNPQRTUVWXY]{4}-[346789ACDEFGHJKMNPQRTUVWXY]{4}$/);
    expect(expiresAt).toBe('2026-11-27T01:00:00.000Z');

    // Typed on a tablet: lower case, no dash.
    const enrolled = await enrol(code.toLowerCase().replace('-', ''));
    expect(enrolled.statusCode).toBe(201);
    const body = enrolled.json();
    expect(body).toEqual({ deviceId: expect.any(String), token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), site: { id: w.siteA.id, code: 'HN-HK', name: 'Một cửa quận Hoàn Kiếm', kind: 'quan-huyen', timeZone: 'Asia/Ho_Chi_Minh', deactivatedAt: null } });

    const me = await app.inject({ method: 'GET', url: '/api/v1/device', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.json()).toEqual({ device: { id: body.deviceId, name: 'Máy tính bảng quầy 2' }, site: body.site, enumerators: [{ id: w.enumeratorA.id, displayName: 'Trần Văn Minh', pinHash: null }], procedures: [] });

    const forms = await app.inject({ method: 'GET', url: '/api/v1/forms', headers: { authorization: `Bearer ${body.token}` } });
    expect(forms.json().forms.map((f: { id: string }) => f.id).sort()).toEqual(['desk-rating', 'sipas-2017', 'sipas-2023']);

    expect(isProblem(await enrol(code), 400.4)).toBe(true);
  });

  it('refuses a code after 24 hours', async () => {
    const { code } = (await newCode(admin, w.siteB.id)).json();
    clock = new Date(clock.getTime() + 24 * 3600_000 + 1000);
    expect(isProblem(await enrol(code), 400.4)).toBe(true);
  });

  it('lets a supervisor make codes only for their own sites', async () => {
    expect(isProblem(await newCode(supervisor, w.siteB.id), 403.1)).toBe(true);
    expect(isProblem(await app.inject({ method: 'POST', url: '/api/v1/enrolment-codes', payload: { siteId: w.siteA.id } }), 401.1)).toBe(true);
    expect(isProblem(await newCode(admin, 'no-such-site'), 404.3)).toBe(true);
  });

  it('refuses made-up codes, and slows down a guesser', async () => {
    expect(isProblem(await enrol('AAAA-AAAA'), 400.4)).toBe(true);
    expect(isProblem(await enrol('not a code at all'), 400.4)).toBe(true);
    for (let i = 0; i < 10; i++) await enrol('CCCC-CCCC');
    const { code } = (await newCode(supervisor, w.siteA.id)).json();
    expect(isProblem(await enrol(code), 429.1)).toBe(true);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await enrol(code)).statusCode).toBe(201);
  });

  it('revokes a device (admin, or a supervisor of its site): its token then gets 401.2 and its queue stays unsent', async () => {
    const { code } = (await newCode(supervisor, w.siteA.id)).json();
    const { deviceId, token } = (await enrol(code)).json();
    const r = makeResponse({ siteId: w.siteA.id, deviceId, enumeratorId: w.enumeratorA.id });
    expect(results(await submit(app, token, { responses: [r] }))[0].status).toBe('accepted');

    expect(isProblem(await app.inject({ method: 'DELETE', url: `/api/v1/devices/${w.deviceB.id}`, ...asUser(supervisor) }), 403.1)).toBe(true);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/devices/${deviceId}`, ...asUser(admin) })).statusCode).toBe(204);
    expect(isProblem(await submit(app, token, { responses: [makeResponse({ siteId: w.siteA.id, deviceId })] }), 401.2)).toBe(true);
    expect(isProblem(await app.inject({ method: 'GET', url: '/api/v1/device', headers: { authorization: `Bearer ${token}` } }), 401.2)).toBe(true);
    expect(isProblem(await app.inject({ method: 'DELETE', url: '/api/v1/devices/nope', ...asUser(admin) }), 404.4)).toBe(true);

    const list = await app.inject({ method: 'GET', url: '/api/v1/devices', ...asUser(supervisor) });
    const mine = list.json().devices as { id: string; siteId: string; revokedAt: string | null }[];
    expect(mine.every((d) => d.siteId === w.siteA.id)).toBe(true);
    expect(mine.find((d) => d.id === deviceId)?.revokedAt).toBe(clock.toISOString());
  });
});
