// Refusals on both databases: verdicts exactly as submissions (accepted, duplicate, 409.8 conflict, per-item rejections,
// device and site scope), stored once; and the response rate they feed, which a supervisor sees for their sites only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Refusal, ResponseRateJson } from '../../core/protocol/refusals';
import type { App } from '../app';
import { countRefusals, getStoredRefusal } from '../db/queries/refusals';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeRefusal, makeResponse, PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

const NOW = new Date('2026-11-26T09:00:00Z');
const DAY = '2026-11-26';

describe.each(testDatabases())('refusals on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let admin: string;
  let supervisorA: string;

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => NOW }, new Date('2026-10-01T00:00:00Z')));
    admin = await login(app, 'admin', PASSWORD);
    supervisorA = await login(app, 'lan', PASSWORD);
  });
  afterAll(() => stopApp({ app, fresh }));

  const refusalA = (overrides: Partial<Refusal> = {}): Refusal => makeRefusal({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id }, { occurredAt: '2026-11-26T03:10:00.000+07:00', ...overrides });
  const send = (token: string | null, body: unknown) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/refusals',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify(body),
    });
  const get = (url: string, session: string) => app.inject({ method: 'GET', url, ...asUser(session) });

  it('accepts a refusal once: the same content again is a duplicate, other content under its id a 409.8 conflict that changes nothing', async () => {
    const r = refusalA({ reason: 'not-adult' });
    expect(results(await send(w.deviceA.token, { refusals: [r] }))).toEqual([{ id: r.id, status: 'accepted' }]);
    const stored = await getStoredRefusal(fresh.db, r.id);
    expect(stored).toMatchObject({ site_id: w.siteA.id, enumerator_id: w.enumeratorA.id, reason: 'not-adult', local_day: '2026-11-26', occurred_at: '2026-11-25T20:10:00.000Z' });
    // Resent after a lost answer, keys in another order: the same refusal.
    const reordered = Object.fromEntries(Object.entries(r).reverse());
    expect(results(await send(w.deviceA.token, { refusals: [reordered] }))).toEqual([{ id: r.id, status: 'duplicate' }]);
    const changed = { ...r, reason: 'declined' };
    expect(results(await send(w.deviceA.token, { refusals: [changed] }))).toEqual([{ id: r.id, status: 'conflict', code: 409.8, reason: expect.stringContaining('refusal') }]);
    expect(await getStoredRefusal(fresh.db, r.id)).toEqual(stored);
  });

  it('judges each item of a batch: bad items are rejected naming the field and leave no row, the good ones are stored', async () => {
    const before = await countRefusals(fresh.db);
    const good1 = refusalA();
    const badReason = { ...refusalA(), reason: 'busy' };
    const withAnswers = { ...refusalA(), answers: { 'E1.1': 5 } };
    const future = refusalA({ occurredAt: '2026-12-01T03:10:00.000+07:00' });
    const kioskForm = refusalA({ formId: 'desk-rating', formVersion: 1 });
    const unknownForm = refusalA({ formId: 'no-such-form' });
    const notObject = 7;
    const good2 = refusalA({ reason: 'no-result' });
    const repeated = { ...good2, reason: 'declined' as const };
    const verdicts = results(await send(w.deviceA.token, { refusals: [good1, badReason, withAnswers, future, kioskForm, unknownForm, notObject, good2, good2, repeated] }));
    expect(verdicts).toEqual([
      { id: good1.id, status: 'accepted' },
      { id: badReason.id, status: 'rejected', code: 400.3, field: 'reason', reason: expect.stringContaining('reason') },
      { id: withAnswers.id, status: 'rejected', code: 400.3, reason: expect.stringContaining('answers') },
      { id: future.id, status: 'rejected', code: 400.3, field: 'occurredAt', reason: expect.stringContaining('occurredAt') },
      { id: kioskForm.id, status: 'rejected', code: 400.3, field: 'formId', reason: expect.stringContaining('kiosk') },
      { id: unknownForm.id, status: 'rejected', code: 404.2, field: 'formId', reason: expect.stringContaining('no-such-form') },
      { id: null, status: 'rejected', code: 400.3, field: 'id', reason: expect.any(String) },
      { id: good2.id, status: 'accepted' },
      { id: good2.id, status: 'duplicate' },
      { id: good2.id, status: 'conflict', code: 409.8, reason: expect.any(String) },
    ]);
    expect(await countRefusals(fresh.db)).toBe(before + 2);
    for (const bad of [badReason, withAnswers, future, kioskForm, unknownForm]) expect(await getStoredRefusal(fresh.db, bad.id)).toBeUndefined();
  });

  it('refuses what the device may not say: another site (403.1), another device (403.1), an enumerator of another site (403.1)', async () => {
    const forB = refusalA({ siteId: w.siteB.id });
    const otherDevice = refusalA({ deviceId: w.deviceB.id });
    const foreignEnumerator = refusalA({ enumeratorId: w.enumeratorB.id });
    const unknownEnumerator = refusalA({ enumeratorId: 'nobody' });
    // Site B's own tablet naming site A.
    const fromB = refusalA({ deviceId: w.deviceB.id });
    expect(results(await send(w.deviceA.token, { refusals: [forB, otherDevice, foreignEnumerator, unknownEnumerator] }))).toEqual([
      { id: forB.id, status: 'rejected', code: 403.1, field: 'siteId', reason: expect.stringContaining('siteId') },
      { id: otherDevice.id, status: 'rejected', code: 403.1, field: 'deviceId', reason: expect.stringContaining('deviceId') },
      { id: foreignEnumerator.id, status: 'rejected', code: 403.1, field: 'enumeratorId', reason: expect.stringContaining('enumeratorId') },
      { id: unknownEnumerator.id, status: 'rejected', code: 404.5, field: 'enumeratorId', reason: expect.stringContaining('nobody') },
    ]);
    expect(results(await send(w.deviceB.token, { refusals: [fromB] }))).toEqual([{ id: fromB.id, status: 'rejected', code: 403.1, field: 'siteId', reason: expect.any(String) }]);
    for (const r of [forB, otherDevice, foreignEnumerator, unknownEnumerator, fromB]) expect(await getStoredRefusal(fresh.db, r.id)).toBeUndefined();
  });

  it('refuses the request as a whole without a token (401.1) or without a refusals array (400.1), storing nothing', async () => {
    const before = await countRefusals(fresh.db);
    expect(isProblem(await send(null, { refusals: [refusalA()] }), 401.1)).toBe(true);
    expect(isProblem(await send(w.deviceA.token, { responses: [refusalA()] }), 400.1)).toBe(true);
    expect(isProblem(await send(w.deviceA.token, { refusals: Array.from({ length: 501 }, () => refusalA()) }), 400.2)).toBe(true);
    expect(await countRefusals(fresh.db)).toBe(before);
  });

  describe('the response rate', () => {
    // A site of its own so the figures are exact whatever the tests above stored.
    let rate: (session: string, query?: string) => Promise<ResponseRateJson>;
    beforeAll(async () => {
      rate = async (session, query = '') => {
        const res = await get(`/api/v1/response-rate?form=sipas-2017&period=day${query.includes('from=') ? '' : `&from=${DAY}`}${query}`, session);
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        return res.json() as ResponseRateJson;
      };
      const b = { siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id };
      const interviews = Array.from({ length: 3 }, (_, i) => makeResponse(b, {}, 'sipas-2017', 60 + i));
      const kiosk = makeResponse(b, {}, 'desk-rating', 70);
      expect(results(await submit(app, w.deviceB.token, { responses: [...interviews, kiosk] })).every((v) => v.status === 'accepted')).toBe(true);
      const refusalB = (reason: Refusal['reason']) => refusalA({ siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id, reason });
      expect(results(await send(w.deviceB.token, { refusals: [refusalB('declined'), refusalB('not-adult')] })).every((v) => v.status === 'accepted')).toBe(true);
    });

    it('counts interviews (not kiosk ratings) and refusals per site and enumerator, with names: rate = interviews ÷ (interviews + refusals)', async () => {
      const all = await rate(admin, `&sites=${w.siteB.id}`);
      expect(all.sites).toEqual([
        { siteId: w.siteB.id, code: 'HN-STP', name: w.siteB.name, interviews: 3, refusals: 2, reasons: { 'not-adult': 1, 'no-result': 0, declined: 1 }, rate: 0.6 },
      ]);
      expect(all.enumerators).toEqual([
        { enumeratorId: w.enumeratorB.id, name: 'Lê Thị Hoa', siteId: w.siteB.id, interviews: 3, refusals: 2, reasons: { 'not-adult': 1, 'no-result': 0, declined: 1 }, rate: 0.6 },
      ]);
      expect(all.total).toMatchObject({ interviews: 3, refusals: 2, rate: 0.6 });
      // Another day: nobody asked, so no rate rather than 0 %.
      const other = await rate(admin, `&sites=${w.siteB.id}&from=2026-11-20`);
      expect(other.sites[0]).toMatchObject({ interviews: 0, refusals: 0, rate: null });
    });

    it('refusals never enter an index: the scores are those of the interviews alone', async () => {
      const scores = async () => (await get(`/api/v1/scores?form=sipas-2017&sites=${w.siteB.id}&period=day&from=${DAY}&breakdown=criterion`, admin)).json();
      const before = await scores();
      const more = refusalA({ siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id });
      expect(results(await send(w.deviceB.token, { refusals: [more] }))[0].status).toBe('accepted');
      expect(await scores()).toEqual(before);
      expect(before.responses).toBe(3);
      expect((await rate(admin, `&sites=${w.siteB.id}`)).sites[0]).toMatchObject({ interviews: 3, refusals: 3, rate: 0.5 });
    });

    it('an excluded interview leaves the rate as it leaves the scores', async () => {
      const b = { siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id };
      const r = makeResponse(b, {}, 'sipas-2017', 80);
      expect(results(await submit(app, w.deviceB.token, { responses: [r] }))[0].status).toBe('accepted');
      expect((await rate(admin, `&sites=${w.siteB.id}`)).sites[0].interviews).toBe(4);
      const ex = await app.inject({ method: 'POST', url: `/api/v1/responses/${r.id}/exclusion`, ...asUser(admin), payload: { reason: 'thử nghiệm' } });
      expect(ex.statusCode, ex.body).toBe(200);
      expect((await rate(admin, `&sites=${w.siteB.id}`)).sites[0].interviews).toBe(3);
    });

    it('a supervisor of site A sees site A only: site B is 403.1, and without sites named only A is listed', async () => {
      const res = await get(`/api/v1/response-rate?form=sipas-2017&period=day&from=${DAY}&sites=${w.siteB.id}`, supervisorA);
      expect(isProblem(res, 403.1), res.body).toBe(true);
      const own = await rate(supervisorA);
      expect(own.sites.map((s) => s.siteId)).toEqual([w.siteA.id]);
      expect(own.enumerators.every((e) => e.siteId === w.siteA.id)).toBe(true);
      const none = await app.inject({ method: 'GET', url: `/api/v1/response-rate?form=sipas-2017` });
      expect(isProblem(none, 401.1)).toBe(true);
    });
  });
});
