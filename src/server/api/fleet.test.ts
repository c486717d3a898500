// The tablet fleet on both databases: the heartbeat and what the device list shows of it, rename and revoke by role,
// enumerators with their PIN hashes, and the ingest refusing an interviewer who is not an active enumerator of the site.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceReport } from '../../core/protocol/devices';
import type { App } from '../app';
import { hashEnumeratorPin } from '../auth/pin-hash';
import { hashSecret } from '../auth/secrets';
import { listAudit } from '../db/queries/audit';
import { createUser } from '../db/queries/users';
import { testDatabases, type FreshDb } from '../test/databases';
import { addDevice, makeResponse, PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

const report: DeviceReport = {
  appVersion: '0.0.1',
  waiting: 3,
  oldestWaitingAt: '2026-11-26T09:30:00+07:00',
  storageUsedBytes: 1_234_567,
  storagePersisted: false,
  lastSyncError: 'network',
};

describe.each(testDatabases())('the tablet fleet on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let admin: string;
  let supervisorA: string;
  let supervisorB: string;
  let clock = new Date('2026-11-27T02:00:00Z');

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const heartbeat = (token: string, body: unknown = report) => app.inject({ method: 'POST', url: '/api/v1/device/heartbeat', payload: body as object, ...bearer(token) });
  const devices = async (session: string) => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/devices', ...asUser(session) });
    expect(res.statusCode).toBe(200);
    return res.json() as { devices: Record<string, unknown>[]; currentAppVersion: string };
  };
  const deviceOf = async (session: string, id: string) => (await devices(session)).devices.find((d) => d.id === id);
  const rollupRows = async () => Number((await fresh.db.k.selectFrom('score_rollup').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock }, new Date('2026-11-20T00:00:00Z')));
    await createUser(fresh.db, { username: 'binh', displayName: 'Phạm Văn Bình', role: 'supervisor', passwordHash: await hashSecret(PASSWORD), siteIds: [w.siteB.id] }, clock);
  });
  beforeEach(async () => {
    admin = await login(app, 'admin', PASSWORD);
    supervisorA = await login(app, 'lan', PASSWORD);
    supervisorB = await login(app, 'binh', PASSWORD);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('records the heartbeat and answers as GET /api/v1/device does; the list shows the report and flags it', async () => {
    const tablet = await addDevice(fresh.db, w.siteA.id, 'Quầy 3', new Date('2026-11-20T00:00:00Z'));
    const beat = await heartbeat(tablet.token);
    expect(beat.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/v1/device', ...bearer(tablet.token) });
    expect(beat.json()).toEqual(me.json());
    expect(beat.json().enumerators).toEqual([{ id: w.enumeratorA.id, displayName: 'Trần Văn Minh', pinHash: null }]);

    const listed = await deviceOf(supervisorA, tablet.id);
    expect(listed).toMatchObject({
      name: 'Quầy 3',
      siteCode: 'HN-HK',
      lastSeenAt: clock.toISOString(),
      lastSyncAt: null,
      appVersion: '0.0.1',
      waiting: 3,
      oldestWaitingAt: '2026-11-26T02:30:00.000Z',
      storageUsedBytes: 1_234_567,
      storagePersisted: false,
      lastSyncError: 'network',
      // The report (as from a tablet older than clockAt) did not say the time.
      clockSkewMs: null,
    });
    // Seen just now, 3 waiting since yesterday: only persistence denied and an old version are worth a look.
    expect(listed?.flags).toEqual(['not-persisted', 'old-version']);

    const later = { ...report, waiting: 60, oldestWaitingAt: '2026-11-24T01:00:00Z', storagePersisted: true, lastSyncError: null, appVersion: (await devices(admin)).currentAppVersion };
    expect((await heartbeat(tablet.token, later)).statusCode).toBe(200);
    expect((await deviceOf(admin, tablet.id))?.flags).toEqual(['backlog', 'stale-queue']);
    // Three days without a call: silent, whatever the last report said.
    clock = new Date(clock.getTime() + 3 * 86_400_000);
    admin = await login(app, 'admin', PASSWORD);
    expect((await deviceOf(admin, tablet.id))?.flags).toEqual(['silent', 'backlog', 'stale-queue']);
  });

  it("keeps the tablet's clock against the server's from its report, and flags one 10 minutes or more off", async () => {
    const tablet = await addDevice(fresh.db, w.siteA.id, 'Quầy đồng hồ', clock);
    // As the tablet writes it, in Hà Nội's offset.
    const hanoi = (ms: number) => new Date(clock.getTime() + ms + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
    const saying = (ms: number) => ({ ...report, waiting: 0, oldestWaitingAt: null, appVersion: '9.9.9', storagePersisted: true, clockAt: hanoi(ms) });
    expect((await heartbeat(tablet.token, saying(4_000))).statusCode).toBe(200);
    expect(await deviceOf(admin, tablet.id)).toMatchObject({ clockSkewMs: 4_000, flags: [] });
    expect((await heartbeat(tablet.token, saying(-3 * 3_600_000))).statusCode).toBe(200);
    expect(await deviceOf(admin, tablet.id)).toMatchObject({ clockSkewMs: -3 * 3_600_000, flags: ['clock'] });
    expect(isProblem(await heartbeat(tablet.token, { ...report, clockAt: 'yesterday' }), 400.1)).toBe(true);
  });

  it('refuses a report out of bounds, naming the field, and a revoked tablet with 401.2', async () => {
    const tablet = await addDevice(fresh.db, w.siteA.id, 'Quầy 4', clock);
    const bad = await heartbeat(tablet.token, { ...report, waiting: -1 });
    expect(isProblem(bad, 400.1)).toBe(true);
    expect(bad.body).toContain('waiting');
    expect(isProblem(await heartbeat(tablet.token, { ...report, appVersion: 'x'.repeat(33) }), 400.1)).toBe(true);
    expect(isProblem(await heartbeat(tablet.token, { ...report, storagePersisted: undefined }), 400.1)).toBe(true);
    expect(isProblem(await app.inject({ method: 'POST', url: '/api/v1/device/heartbeat', payload: report }), 401.1)).toBe(true);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/devices/${tablet.id}`, ...asUser(admin) })).statusCode).toBe(204);
    expect(isProblem(await heartbeat(tablet.token), 401.2)).toBe(true);
  });

  it('sets lastSyncAt when the submissions answer has verdicts, and lastSeenAt at most once a minute', async () => {
    const tablet = await addDevice(fresh.db, w.siteA.id, 'Quầy 5', clock);
    const first = clock.toISOString();
    expect((await app.inject({ method: 'GET', url: '/api/v1/forms', ...bearer(tablet.token) })).statusCode).toBe(200);
    expect(await deviceOf(admin, tablet.id)).toMatchObject({ lastSeenAt: first, lastSyncAt: null });

    clock = new Date(clock.getTime() + 30_000);
    const r = makeResponse({ siteId: w.siteA.id, deviceId: tablet.id });
    expect(results(await submit(app, tablet.token, { responses: [r] }))[0].status).toBe('accepted');
    // Within the minute: seen is not written again, the sync is.
    expect(await deviceOf(admin, tablet.id)).toMatchObject({ lastSeenAt: first, lastSyncAt: clock.toISOString() });

    clock = new Date(clock.getTime() + 60_000);
    // A batch of refused items still answers with verdicts: the tablet reached the server and heard back.
    expect(results(await submit(app, tablet.token, { responses: [{ ...r, id: 'not-a-uuid' }] }))[0].status).toBe('rejected');
    expect(await deviceOf(admin, tablet.id)).toMatchObject({ lastSeenAt: clock.toISOString(), lastSyncAt: clock.toISOString() });
  });

  it('renames and revokes for an admin or a supervisor of the tablet’s site only, each change audited', async () => {
    const tablet = await addDevice(fresh.db, w.siteA.id, 'Cũ', clock);
    const patch = (session: string | null, id: string, payload: unknown) =>
      app.inject({ method: 'PATCH', url: `/api/v1/devices/${id}`, payload: payload as object, ...(session ? asUser(session) : {}) });
    const del = (session: string | null, id: string) => app.inject({ method: 'DELETE', url: `/api/v1/devices/${id}`, ...(session ? asUser(session) : {}) });

    expect(isProblem(await patch(supervisorB, tablet.id, { name: 'Mới' }), 403.1)).toBe(true);
    expect(isProblem(await del(supervisorB, tablet.id), 403.1)).toBe(true);
    expect(isProblem(await patch(null, tablet.id, { name: 'Mới' }), 401.1)).toBe(true);
    expect(isProblem(await del(null, tablet.id), 401.1)).toBe(true);
    expect(isProblem(await app.inject({ method: 'PATCH', url: `/api/v1/devices/${tablet.id}`, payload: { name: 'Mới' }, ...bearer(tablet.token) }), 401.1)).toBe(true);
    expect(isProblem(await patch(admin, 'no-such-device', { name: 'Mới' }), 404.4)).toBe(true);
    expect(isProblem(await del(supervisorA, 'no-such-device'), 404.4)).toBe(true);
    expect(isProblem(await patch(supervisorA, tablet.id, { name: '  ' }), 400.1)).toBe(true);

    const renamed = await patch(supervisorA, tablet.id, { name: ' Quầy tiếp nhận 1 ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: tablet.id, siteId: w.siteA.id, name: 'Quầy tiếp nhận 1', revokedAt: null });
    // The tablet hears its new name at once (the token cache forgot the old row).
    expect((await app.inject({ method: 'GET', url: '/api/v1/device', ...bearer(tablet.token) })).json().device.name).toBe('Quầy tiếp nhận 1');
    expect((await patch(admin, tablet.id, { name: 'Quầy 1' })).statusCode).toBe(200);

    expect((await del(supervisorA, tablet.id)).statusCode).toBe(204);
    expect(isProblem(await app.inject({ method: 'GET', url: '/api/v1/device', ...bearer(tablet.token) }), 401.2)).toBe(true);
    expect((await deviceOf(admin, tablet.id))?.revokedAt).toBe(clock.toISOString());

    const mine = (await listAudit(fresh.db, 1000)).filter((a) => JSON.parse(a.details).deviceId === tablet.id);
    // All at the same instant on the test clock: compared as a set.
    expect(mine.map((a) => [a.actor, a.action, a.site_id].join(' ')).sort()).toEqual(
      [`admin device.rename ${w.siteA.id}`, `lan device.rename ${w.siteA.id}`, `lan device.revoke ${w.siteA.id}`].sort(),
    );
    // A supervisor's list holds only their sites' tablets.
    expect((await devices(supervisorB)).devices.every((d) => d.siteId === w.siteB.id)).toBe(true);
  });

  it('gives the tablet the PIN hashes it can check, marks one it cannot, and leaves disabled enumerators out', async () => {
    const site = w.siteB.id;
    const withPin = await createUser(fresh.db, { username: 'e-pin', displayName: 'An có PIN', role: 'enumerator', passwordHash: null, pinHash: await hashEnumeratorPin('2468'), siteIds: [site] }, clock);
    const oldPin = await createUser(fresh.db, { username: 'e-old', displayName: 'Bảo PIN cũ', role: 'enumerator', passwordHash: null, pinHash: await hashSecret('1357'), siteIds: [site] }, clock);
    const gone = await createUser(fresh.db, { username: 'e-gone', displayName: 'Chi đã nghỉ', role: 'enumerator', passwordHash: null, siteIds: [site] }, clock);
    await fresh.db.k.updateTable('users').set({ disabled: 1 }).where('id', '=', gone.id).execute();

    const answer = (await heartbeat(w.deviceB.token)).json();
    expect(answer.enumerators).toEqual([
      { id: withPin.id, displayName: 'An có PIN', pinHash: withPin.pin_hash },
      { id: oldPin.id, displayName: 'Bảo PIN cũ', pinHash: null, pinResetNeeded: true },
      { id: w.enumeratorB.id, displayName: 'Lê Thị Hoa', pinHash: null },
    ]);
    expect(answer.enumerators[0].pinHash).toMatch(/^pbkdf2-sha256\$\d+\$/);
  });

  it("refuses interviews naming another site's enumerator, a made-up one or a disabled one, naming the field; kiosk ratings need none", async () => {
    const gone = await createUser(fresh.db, { username: 'e-left', displayName: 'Dũng đã nghỉ', role: 'enumerator', passwordHash: null, siteIds: [w.siteA.id] }, clock);
    await fresh.db.k.updateTable('users').set({ disabled: 1 }).where('id', '=', gone.id).execute();
    const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id };
    const before = await rollupRows();
    const refused = [
      makeResponse({ ...owner, enumeratorId: w.enumeratorB.id }, {}, 'sipas-2017', 101),
      makeResponse({ ...owner, enumeratorId: 'made-up-enumerator' }, {}, 'sipas-2023', 102),
      makeResponse({ ...owner, enumeratorId: gone.id }, {}, 'sipas-2017', 103),
    ];
    // A new tablet's heartbeat comes first in a sync, as on a real tablet; the check then knows every enumerator.
    await heartbeat(w.deviceA.token);
    const verdicts = results(await submit(app, w.deviceA.token, { responses: refused }));
    expect(verdicts.map((v) => [v.status, v.code, v.field])).toEqual([
      ['rejected', 403.1, 'enumeratorId'],
      ['rejected', 404.5, 'enumeratorId'],
      ['rejected', 403.4, 'enumeratorId'],
    ]);
    expect(verdicts.every((v) => v.reason?.startsWith('enumeratorId:'))).toBe(true);
    expect(await rollupRows()).toBe(before);

    const fine = [makeResponse({ ...owner, enumeratorId: w.enumeratorA.id }, {}, 'sipas-2017', 104), makeResponse(owner, {}, 'desk-rating', 105)];
    expect(results(await submit(app, w.deviceA.token, { responses: fine })).map((v) => v.status)).toEqual(['accepted', 'accepted']);
    expect(await rollupRows()).toBeGreaterThan(before);
  });

  it('refuses the same in a hand-carried import', async () => {
    const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id };
    const items = [
      makeResponse({ ...owner, enumeratorId: w.enumeratorB.id }, {}, 'sipas-2017', 201),
      makeResponse({ ...owner, enumeratorId: 'made-up-enumerator' }, {}, 'sipas-2017', 202),
      makeResponse({ ...owner, enumeratorId: w.enumeratorA.id }, {}, 'sipas-2017', 203),
    ];
    const before = await rollupRows();
    const res = await app.inject({ method: 'POST', url: '/api/v1/imports', payload: { format: 'hailong-responses', version: 1, responses: items }, ...asUser(supervisorA) });
    expect(res.statusCode).toBe(200);
    expect(results(res).map((v) => [v.status, v.code ?? null, v.field ?? null])).toEqual([
      ['rejected', 403.1, 'enumeratorId'],
      ['rejected', 404.5, 'enumeratorId'],
      ['accepted', null, null],
    ]);
    expect(await rollupRows()).toBeGreaterThanOrEqual(before);
  });
});
