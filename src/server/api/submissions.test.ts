// Submissions on both databases: every item gets its verdict, stored rows never change, and replays store once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { getStoredResponse, countResponses } from '../db/queries/responses';
import { revokeDevice } from '../db/queries/devices';
import { testDatabases, type FreshDb } from '../test/databases';
import { addDevice, makeResponse, type World } from '../test/fixtures';
import { isProblem, listen, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('submissions on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  const ownerA = () => ({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id });

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
  });
  afterAll(() => stopApp({ app, fresh }));

  it('judges accepted, duplicate, conflict and rejected in one batch, storing the valid ones', async () => {
    const stored = makeResponse(ownerA(), {}, 'sipas-2017', 1);
    const before = makeResponse(ownerA(), {}, 'sipas-2023', 2);
    expect(results(await submit(app, w.deviceA.token, { responses: [stored, before] })).map((v) => v.status)).toEqual(['accepted', 'accepted']);
    const rowBefore = await getStoredResponse(fresh.db, before.id);

    const fresh1 = makeResponse(ownerA(), {}, 'desk-rating', 3);
    const changed = { ...before, answers: { ...before.answers, 'E1.1': 1 } };
    const invalid = makeResponse(ownerA(), {}, 'sipas-2017', 4);
    invalid.answers = { ...invalid.answers, 'E2.3': 7 };
    const fresh2 = makeResponse(ownerA(), {}, 'sipas-2023', 5);

    const verdicts = results(await submit(app, w.deviceA.token, { responses: [fresh1, stored, changed, invalid, fresh2] }));
    expect(verdicts).toEqual([
      { id: fresh1.id, status: 'accepted' },
      { id: stored.id, status: 'duplicate' },
      { id: before.id, status: 'conflict', code: 409.1, reason: expect.any(String) },
      { id: invalid.id, status: 'rejected', code: 400.3, field: 'answers.E2.3', reason: expect.stringContaining('answers.E2.3') },
      { id: fresh2.id, status: 'accepted' },
    ]);
    // The conflicting upload changed nothing; the rejected one left no row; the valid ones are stored.
    expect(await getStoredResponse(fresh.db, before.id)).toEqual(rowBefore);
    expect(await getStoredResponse(fresh.db, invalid.id)).toBeUndefined();
    expect(await getStoredResponse(fresh.db, fresh1.id)).toMatchObject({ form_id: 'desk-rating', mode: 'kiosk', site_id: w.siteA.id });
    expect(await getStoredResponse(fresh.db, fresh2.id)).toBeDefined();
  });

  it('treats the same content sent again with defaults spelled out as a duplicate', async () => {
    const r = makeResponse(ownerA(), {}, 'sipas-2017', 6);
    const { flags: _f, durationMs: _d, ...minimal } = { ...r, durationMs: {} };
    expect(results(await submit(app, w.deviceA.token, { responses: [minimal] }))[0].status).toBe('accepted');
    const spelled = { ...minimal, flags: [], durationMs: {} };
    // Keys in another order are the same content too.
    const reordered = Object.fromEntries(Object.entries(spelled).reverse());
    expect(results(await submit(app, w.deviceA.token, { responses: [spelled, reordered] })).map((v) => v.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('judges an id repeated within one batch against the first copy', async () => {
    const r = makeResponse(ownerA(), {}, 'sipas-2017', 7);
    const other = { ...r, answers: { ...r.answers, 'E1.2': 2 } };
    const verdicts = results(await submit(app, w.deviceA.token, { responses: [r, r, other] }));
    expect(verdicts.map((v) => v.status)).toEqual(['accepted', 'duplicate', 'conflict']);
    expect((await getStoredResponse(fresh.db, r.id))?.payload).toContain('"E1.2":');
    expect(JSON.parse((await getStoredResponse(fresh.db, r.id))!.payload).answers['E1.2']).toBe(r.answers['E1.2']);
  });

  it('rejects responses for another site, another device, or an unknown form, naming the field', async () => {
    const forB = makeResponse({ siteId: w.siteB.id, deviceId: w.deviceA.id });
    const otherDevice = makeResponse({ ...ownerA(), deviceId: w.deviceB.id });
    const unknownForm = makeResponse(ownerA(), { formId: 'no-such-form' });
    const unknownVersion = makeResponse(ownerA(), { formVersion: 99 });
    const notObject = 42;
    const noId = { ...makeResponse(ownerA()), id: 17 };
    const nul = makeResponse(ownerA(), { procedure: { code: 'a\u0000b', name: '' } });
    const verdicts = results(await submit(app, w.deviceA.token, { responses: [forB, otherDevice, unknownForm, unknownVersion, notObject, noId, nul] }));
    expect(verdicts).toEqual([
      { id: forB.id, status: 'rejected', code: 403.1, field: 'siteId', reason: expect.stringContaining('siteId') },
      { id: otherDevice.id, status: 'rejected', code: 403.1, field: 'deviceId', reason: expect.stringContaining('deviceId') },
      { id: unknownForm.id, status: 'rejected', code: 404.2, field: 'formId', reason: expect.stringContaining('no-such-form') },
      { id: unknownVersion.id, status: 'rejected', code: 404.2, field: 'formVersion', reason: expect.any(String) },
      { id: null, status: 'rejected', code: 400.3, field: 'id', reason: expect.any(String) },
      { id: null, status: 'rejected', code: 400.3, field: 'id', reason: expect.any(String) },
      { id: nul.id, status: 'rejected', code: 400.3, field: 'procedure.code', reason: expect.any(String) },
    ]);
    for (const r of [forB, otherDevice, unknownForm, unknownVersion, nul]) expect(await getStoredResponse(fresh.db, r.id)).toBeUndefined();
  });

  it('rejects impossible times, naming the field, and stores none of them', async () => {
    const far = makeResponse(ownerA(), { startedAt: '9999-12-31T23:50:00.000-23:59', completedAt: '9999-12-31T23:59:59.999-23:59' });
    const zero = makeResponse(ownerA(), { startedAt: '0000-01-01T00:00:00+00:00', completedAt: '0000-01-01T00:10:00+00:00' });
    const tomorrowPlus = new Date(Date.now() + 2 * 86_400_000).toISOString().replace('Z', '+00:00');
    const future = makeResponse(ownerA(), { startedAt: tomorrowPlus, completedAt: tomorrowPlus });
    const long = makeResponse(ownerA(), { durationMs: { E1: 2 ** 54 } });
    const verdicts = results(await submit(app, w.deviceA.token, { responses: [far, zero, future, long] }));
    expect(verdicts.map((v) => [v.status, v.field])).toEqual([
      ['rejected', 'completedAt'],
      ['rejected', 'completedAt'],
      ['rejected', 'completedAt'],
      ['rejected', 'durationMs.E1'],
    ]);
    for (const r of [far, zero, future, long]) expect(await getStoredResponse(fresh.db, r.id)).toBeUndefined();
  });

  it('stores the site-local day of completion, not the UTC one', async () => {
    // 18:30 UTC on 26 November is 01:30 on 27 November in Hồ Chí Minh City (UTC+7).
    const r = makeResponse(ownerA(), { startedAt: '2026-11-26T18:20:00Z', completedAt: '2026-11-26T18:30:00Z' });
    expect(results(await submit(app, w.deviceA.token, { responses: [r] }))[0].status).toBe('accepted');
    expect(await getStoredResponse(fresh.db, r.id)).toMatchObject({ local_day: '2026-11-27', completed_at: '2026-11-26T18:30:00.000Z' });
  });

  it('refuses a missing, unknown or revoked token with a 401 problem and stores nothing', async () => {
    const r = makeResponse(ownerA());
    expect(isProblem(await submit(app, null, { responses: [r] }), 401.1)).toBe(true);
    expect(isProblem(await submit(app, 'x'.repeat(43), { responses: [r] }), 401.1)).toBe(true);
    const doomed = await addDevice(fresh.db, w.siteA.id, 'Máy sẽ bị thu hồi');
    await revokeDevice(fresh.db, doomed.id, new Date());
    const res = await submit(app, doomed.token, { responses: [makeResponse({ ...ownerA(), deviceId: doomed.id })] });
    expect(isProblem(res, 401.2)).toBe(true);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(await getStoredResponse(fresh.db, r.id)).toBeUndefined();
  });

  it('refuses more than 500 items as a whole with 400.2', async () => {
    const many = Array.from({ length: 501 }, (_, i) => makeResponse(ownerA(), {}, 'desk-rating', i));
    const before = await countResponses(fresh.db);
    expect(isProblem(await submit(app, w.deviceA.token, { responses: many }), 400.2)).toBe(true);
    expect(await countResponses(fresh.db)).toBe(before);
    expect(results(await submit(app, w.deviceA.token, { responses: many.slice(0, 500) })).every((v) => v.status === 'accepted')).toBe(true);
  });

  it('stores each response exactly once when 20 copies of a batch arrive at the same time over HTTP', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => makeResponse(ownerA(), {}, i % 2 ? 'sipas-2017' : 'desk-rating', 1000 + i));
    const base = await listen(app);
    const body = JSON.stringify({ responses: batch });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${base}/api/v1/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${w.deviceA.token}` }, body }).then(
          async (res) => ({ status: res.status, body: (await res.json()) as { results: { id: string; status: string }[] } }),
        ),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    for (const [i, r] of batch.entries()) {
      const statuses = answers.map((a) => a.body.results[i]);
      expect(statuses.every((v) => v.id === r.id)).toBe(true);
      // Exactly one copy wins the insert; every other copy is told it is a duplicate (a success for the tablet).
      expect(statuses.filter((v) => v.status === 'accepted')).toHaveLength(1);
      expect(statuses.filter((v) => v.status === 'duplicate')).toHaveLength(19);
    }
    const ids = batch.map((r) => r.id);
    const rows = await fresh.db.k.selectFrom('responses').select('id').where('id', 'in', ids).execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });
});
