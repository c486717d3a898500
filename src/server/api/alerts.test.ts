// Kiosk-rating alerts on both databases: an alert opens at the rule's threshold and not before, misuse-flagged ratings
// left out; it closes when the window is back below (at ingest, or on read as the window slides); an acknowledgement
// with a comment is audit-logged; a supervisor of site B is refused site A's alerts and rule; a batch without kiosk
// ratings does not judge the window at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertJson } from '../../core/protocol/alerts';
import type { App } from '../app';
import { auditEntries, send, signInCallers, type CallerName } from '../test/callers';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, type World } from '../test/fixtures';
import { isProblem, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('kiosk alerts on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let as: Record<CallerName, Parameters<typeof send>[1]>;
  let clock = new Date('2026-12-02T02:00:00Z');
  let seed = 0;

  /** A desk rating at the site's tablet, completed `minutesAgo` before the clock: 1 = unhappy, 3 = happy. */
  function rating(device: World['deviceA'], siteId: string, level: 1 | 3, minutesAgo: number, misuse = false) {
    const completed = new Date(clock.getTime() - minutesAgo * 60_000);
    const r = makeResponse({ siteId, deviceId: device.id }, {}, 'desk-rating', seed++);
    return {
      ...r,
      startedAt: new Date(completed.getTime() - 20_000).toISOString(),
      completedAt: completed.toISOString(),
      answers: level === 1 ? { overall: 1, reasons: ['waiting-time'] } : { overall: 3 },
      flags: misuse ? ['kiosk-misuse' as const] : [],
    };
  }
  async function rate(device: World['deviceA'], ratings: ReturnType<typeof rating>[]) {
    const res = await submit(app, device.token, { responses: ratings });
    expect(results(res).map((v) => v.status)).toEqual(ratings.map(() => 'accepted'));
  }
  async function alertsOf(who: CallerName, query = ''): Promise<AlertJson[]> {
    const res = await send(app, as[who], 'GET', `/api/v1/alerts${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { alerts: AlertJson[] }).alerts;
  }

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => clock }, new Date('2026-12-01T00:00:00Z')));
    as = await signInCallers(app, w);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('has the default rule until a supervisor changes it', async () => {
    const res = await send(app, as.supervisorA, 'GET', `/api/v1/sites/${w.siteA.id}/alert-rule`);
    expect(res.json()).toEqual({ siteId: w.siteA.id, windowMinutes: 15, thresholdPercent: 50, minRatings: 4, enabled: true, updatedAt: null });
  });

  it('opens at the threshold and not before, leaving misuse-flagged ratings out', async () => {
    const A = (level: 1 | 3, ago: number, misuse = false) => rating(w.deviceA, w.siteA.id, level, ago, misuse);
    // Three unhappy ratings, and one pressed too soon after another: three counted, below the minimum of four.
    await rate(w.deviceA, [A(1, 9), A(1, 8), A(1, 7), A(1, 7, true)]);
    expect(await alertsOf('supervisorA')).toEqual([]);
    // A rating older than the 15-minute window does not count either.
    await rate(w.deviceA, [A(1, 16)]);
    expect(await alertsOf('supervisorA')).toEqual([]);
    await rate(w.deviceA, [A(1, 1)]);
    const [alert] = await alertsOf('supervisorA');
    expect(alert).toMatchObject({ siteId: w.siteA.id, closedAt: null, ratings: 4, unhappy: 4, windowMinutes: 15, thresholdPercent: 50, acknowledgement: null });
    expect(alert.openedAt).toBe(clock.toISOString());
    // One alert at a time: another unhappy rating keeps the same one open.
    await rate(w.deviceA, [A(1, 0)]);
    expect((await alertsOf('admin')).map((a) => a.id)).toEqual([alert.id]);
    expect((await auditEntries(app, as.admin, 'action=alert.open')).map((e) => e.details.alertId)).toEqual([alert.id]);
  });

  it("refuses a supervisor of site B site A's alerts and rule", async () => {
    const [alert] = await alertsOf('supervisorA');
    expect(await alertsOf('supervisorB')).toEqual([]);
    expect(isProblem(await send(app, as.supervisorB, 'GET', `/api/v1/alerts?siteId=${w.siteA.id}`), 403.1)).toBe(true);
    expect(isProblem(await send(app, as.supervisorB, 'POST', `/api/v1/alerts/${alert.id}/acknowledgement`, { comment: 'Đã xử lý' }), 403.1)).toBe(true);
    expect(isProblem(await send(app, as.supervisorB, 'GET', `/api/v1/sites/${w.siteA.id}/alert-rule`), 403.1)).toBe(true);
    expect(isProblem(await send(app, as.supervisorB, 'PUT', `/api/v1/sites/${w.siteA.id}/alert-rule`, { windowMinutes: 15, thresholdPercent: 90, minRatings: 4, enabled: true }), 403.1)).toBe(true);
    expect(isProblem(await send(app, as.device, 'GET', '/api/v1/alerts'), 401.1)).toBe(true);
    expect((await alertsOf('supervisorA'))[0].acknowledgement).toBeNull();
  });

  it('takes an acknowledgement with a comment once, audit-logged', async () => {
    const [alert] = await alertsOf('supervisorA');
    expect(isProblem(await send(app, as.supervisorA, 'POST', `/api/v1/alerts/${alert.id}/acknowledgement`, { comment: '  ' }), 400.1)).toBe(true);
    const res = await send(app, as.supervisorA, 'POST', `/api/v1/alerts/${alert.id}/acknowledgement`, { comment: 'Đã mở thêm quầy 3' });
    expect(res.statusCode).toBe(200);
    expect(res.json().acknowledgement).toEqual({ at: clock.toISOString(), by: 'Nguyễn Thị Lan', comment: 'Đã mở thêm quầy 3' });
    expect((await alertsOf('supervisorA'))[0].acknowledgement?.comment).toBe('Đã mở thêm quầy 3');
    expect(isProblem(await send(app, as.supervisorA, 'POST', `/api/v1/alerts/${alert.id}/acknowledgement`, { comment: 'lại' }), 409.7)).toBe(true);
    expect(isProblem(await send(app, as.supervisorA, 'POST', '/api/v1/alerts/nope/acknowledgement', { comment: 'x' }), 404.7)).toBe(true);
    const [entry] = await auditEntries(app, as.admin, 'action=alert.acknowledge');
    expect(entry).toMatchObject({ actor: 'lan', siteId: w.siteA.id, details: { alertId: alert.id, comment: 'Đã mở thêm quầy 3' } });
  });

  it('closes when happy ratings bring the window back below the threshold', async () => {
    const [alert] = await alertsOf('supervisorA');
    // 5 counted unhappy in the window; 6 happy make it 5 of 11 = 45%.
    await rate(w.deviceA, Array.from({ length: 6 }, () => rating(w.deviceA, w.siteA.id, 3, 0)));
    const [after] = await alertsOf('supervisorA');
    expect(after).toMatchObject({ id: alert.id, closedAt: clock.toISOString() });
    expect((await auditEntries(app, as.admin, 'action=alert.close')).map((e) => e.details)).toEqual([{ alertId: alert.id, ratings: 11, unhappy: 5 }]);
  });

  it('closes on read when the ratings age out of the window, with no rating arriving', async () => {
    await rate(w.deviceB, [1, 2, 3, 4].map((m) => rating(w.deviceB, w.siteB.id, 1, m)));
    const [open] = await alertsOf('supervisorB');
    expect(open.closedAt).toBeNull();
    clock = new Date(clock.getTime() + 15 * 60_000);
    // Fifteen minutes on, the four were completed 16 to 19 minutes ago: out of the window.
    const [closed] = await alertsOf('supervisorB');
    expect(closed).toMatchObject({ id: open.id, closedAt: clock.toISOString() });
  });

  it('saves a changed rule, audit-logged, and applies it to the current window', async () => {
    const rule = { windowMinutes: 30, thresholdPercent: 40, minRatings: 5, enabled: true };
    expect(isProblem(await send(app, as.supervisorA, 'PUT', `/api/v1/sites/${w.siteA.id}/alert-rule`, { ...rule, thresholdPercent: 0 }), 400.1)).toBe(true);
    const res = await send(app, as.supervisorA, 'PUT', `/api/v1/sites/${w.siteA.id}/alert-rule`, rule);
    expect(res.json()).toEqual({ siteId: w.siteA.id, ...rule, updatedAt: clock.toISOString() });
    const [entry] = await auditEntries(app, as.admin, 'action=alert-rule.update');
    expect(entry).toMatchObject({ actor: 'lan', siteId: w.siteA.id, details: { before: { windowMinutes: 15, thresholdPercent: 50, minRatings: 4, enabled: true }, after: rule } });
    // Site A's last 30 minutes: 5 counted unhappy of 11 (45%) ≥ 40% — a new alert opens at once.
    const open = (await alertsOf('supervisorA')).filter((a) => a.closedAt === null);
    expect(open).toMatchObject([{ ratings: 11, unhappy: 5, windowMinutes: 30, thresholdPercent: 40 }]);
  });

  it('judges the window after a batch only when it stored kiosk ratings', async () => {
    const closesOf = async (id: string) => (await auditEntries(app, as.admin, 'action=alert.close')).filter((e) => e.details.alertId === id);
    await rate(w.deviceB, [1, 2, 3, 4].map((m) => rating(w.deviceB, w.siteB.id, 1, m)));
    const [opened] = await auditEntries(app, as.admin, 'action=alert.open');
    expect(opened.siteId).toBe(w.siteB.id);
    const alertId = opened.details.alertId as string;
    // Twenty minutes on the window is empty, but nobody reads the alerts (a read would close it).
    clock = new Date(clock.getTime() + 20 * 60_000);
    const interview = makeResponse({ siteId: w.siteB.id, deviceId: w.deviceB.id }, {}, 'sipas-2017', seed++);
    expect(results(await submit(app, w.deviceB.token, { responses: [interview] })).map((v) => v.status)).toEqual(['accepted']);
    expect(await closesOf(alertId)).toEqual([]);
    // A kiosk rating's batch judges it: the window holds one happy rating, so the alert closes.
    await rate(w.deviceB, [rating(w.deviceB, w.siteB.id, 3, 0)]);
    expect((await closesOf(alertId)).map((e) => e.details)).toEqual([{ alertId, ratings: 1, unhappy: 0 }]);
  });
});
