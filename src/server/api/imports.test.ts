// Hand-carried imports on both databases: the same verdicts as a tablet's own sending, for responses and refusals,
// scoped to the supervisor's sites, audited; files of version 1 (before refusals travelled) still import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { listAudit } from '../db/queries/audit';
import { countRefusals, getStoredRefusal } from '../db/queries/refusals';
import { getStoredResponse } from '../db/queries/responses';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeRefusal, makeResponse, PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('imports on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let supervisor: string;

  const importFile = (session: string | null, responses: unknown[], extra: Record<string, unknown> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: { format: 'hailong-responses', version: 1, responses, ...extra },
      ...(session ? asUser(session) : {}),
    });

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
    supervisor = await login(app, 'lan', PASSWORD);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('gives the verdicts a submission would, and logs the import', async () => {
    const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const sent = makeResponse(owner, {}, 'sipas-2017', 1);
    expect(results(await submit(app, w.deviceA.token, { responses: [sent] }))[0].status).toBe('accepted');
    const rowBefore = await getStoredResponse(fresh.db, sent.id);

    const unsent = makeResponse(owner, {}, 'desk-rating', 2);
    const changed = { ...sent, answers: { ...sent.answers, 'E1.1': 1 } };
    const invalid = makeResponse(owner, { answers: {} }, 'sipas-2023', 3);
    const siteB = makeResponse({ siteId: w.siteB.id, deviceId: w.deviceB.id }, {}, 'desk-rating', 4);
    const wrongDevice = makeResponse({ siteId: w.siteA.id, deviceId: w.deviceB.id }, {}, 'desk-rating', 5);
    const unknownDevice = makeResponse({ siteId: w.siteA.id, deviceId: 'tablet-from-nowhere' }, {}, 'desk-rating', 6);

    const verdicts = results(await importFile(supervisor, [unsent, sent, changed, invalid, siteB, wrongDevice, unknownDevice]));
    expect(verdicts).toEqual([
      { id: unsent.id, status: 'accepted' },
      { id: sent.id, status: 'duplicate' },
      { id: sent.id, status: 'conflict', code: 409.1, reason: expect.any(String) },
      { id: invalid.id, status: 'rejected', code: 400.3, field: 'answers.E1.1', reason: expect.stringContaining('required') },
      { id: siteB.id, status: 'rejected', code: 403.1, field: 'siteId', reason: expect.any(String) },
      { id: wrongDevice.id, status: 'rejected', code: 403.1, field: 'deviceId', reason: expect.any(String) },
      { id: unknownDevice.id, status: 'rejected', code: 404.4, field: 'deviceId', reason: expect.any(String) },
    ]);
    expect(await getStoredResponse(fresh.db, sent.id)).toEqual(rowBefore);
    expect(await getStoredResponse(fresh.db, unsent.id)).toBeDefined();

    // The same file imported twice stores nothing new.
    const again = results(await importFile(supervisor, [unsent, sent]));
    expect(again.map((v) => v.status)).toEqual(['duplicate', 'duplicate']);

    const log = await listAudit(fresh.db);
    const imports = log.filter((e) => e.action === 'import');
    expect(imports).toHaveLength(2);
    expect(imports.every((e) => e.actor === 'lan')).toBe(true);
    expect(JSON.parse(imports.find((e) => JSON.parse(e.details).items === 7)!.details)).toEqual({ items: 7, accepted: 1, duplicate: 1, conflict: 1, rejected: 4 });
  });

  it('lets an admin import for any site', async () => {
    const admin = await login(app, 'admin', PASSWORD);
    const r = makeResponse({ siteId: w.siteB.id, deviceId: w.deviceB.id }, {}, 'desk-rating', 9);
    expect(results(await importFile(admin, [r]))[0].status).toBe('accepted');
  });

  it('stores the refusals of a version 2 file once, with the verdicts the tablet would get, and logs their counts', async () => {
    const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const response = makeResponse(owner, {}, 'sipas-2017', 11);
    const refusal = makeRefusal(owner);
    const sentBefore = makeRefusal(owner, { reason: 'not-adult' });
    expect(results(await app.inject({ method: 'POST', url: '/api/v1/refusals', headers: { authorization: `Bearer ${w.deviceA.token}` }, payload: { refusals: [sentBefore] } }))[0].status).toBe('accepted');
    const changed = { ...sentBefore, reason: 'declined' };
    const otherSite = makeRefusal({ siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorA.id });
    const kiosk = makeRefusal(owner, { formId: 'desk-rating', formVersion: 1 });
    const before = await countRefusals(fresh.db);

    const answer = await importFile(supervisor, [response], { version: 2, refusals: [refusal, sentBefore, changed, otherSite, kiosk] });
    expect(answer.statusCode).toBe(200);
    const body = answer.json<{ results: unknown[]; refusals: unknown[] }>();
    expect(body.results).toEqual([{ id: response.id, status: 'accepted' }]);
    expect(body.refusals).toEqual([
      { id: refusal.id, status: 'accepted' },
      { id: sentBefore.id, status: 'duplicate' },
      { id: sentBefore.id, status: 'conflict', code: 409.8, reason: expect.any(String) },
      { id: otherSite.id, status: 'rejected', code: 403.1, field: 'siteId', reason: expect.any(String) },
      { id: kiosk.id, status: 'rejected', code: 400.3, field: 'formId', reason: expect.any(String) },
    ]);
    expect(await countRefusals(fresh.db)).toBe(before + 1);
    expect(JSON.parse((await getStoredRefusal(fresh.db, sentBefore.id))!.payload).reason).toBe('not-adult');

    // Imported again, then sent by the tablet itself: nothing is counted twice.
    const again = (await importFile(supervisor, [response], { version: 2, refusals: [refusal] })).json<{ refusals: { status: string }[] }>();
    expect(again.refusals.map((v) => v.status)).toEqual(['duplicate']);
    const later = await app.inject({ method: 'POST', url: '/api/v1/refusals', headers: { authorization: `Bearer ${w.deviceA.token}` }, payload: { refusals: [refusal] } });
    expect(results(later).map((v) => v.status)).toEqual(['duplicate']);
    expect(await countRefusals(fresh.db)).toBe(before + 1);

    const logged = (await listAudit(fresh.db)).filter((e) => e.action === 'import').map((e) => JSON.parse(e.details) as { refusals?: unknown });
    expect(logged).toContainEqual({ items: 1, accepted: 1, duplicate: 0, conflict: 0, rejected: 0, refusals: { items: 5, accepted: 1, duplicate: 1, conflict: 1, rejected: 2 } });
  });

  it('a version 1 file (no refusals) still imports', async () => {
    const r = makeResponse({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id }, {}, 'desk-rating', 12);
    const answer = (await importFile(supervisor, [r])).json<{ results: { status: string }[]; refusals: unknown[] }>();
    expect(answer).toEqual({ results: [{ id: r.id, status: 'accepted' }], refusals: [] });
  });

  it('refuses what is not a hand-carry file, and callers who are not signed in', async () => {
    expect(isProblem(await importFile(supervisor, [], { format: 'something-else' }), 400.1)).toBe(true);
    expect(isProblem(await importFile(supervisor, [], { version: 3 }), 400.1)).toBe(true);
    expect(isProblem(await importFile(supervisor, [], { version: 2, refusals: 'none' }), 400.1)).toBe(true);
    const tooManyRefusals = Array.from({ length: 10_001 }, () => 0);
    expect(isProblem(await importFile(supervisor, [], { version: 2, refusals: tooManyRefusals }), 400.2)).toBe(true);
    expect(isProblem(await importFile(null, []), 401.1)).toBe(true);
    const tooMany = Array.from({ length: 10_001 }, () => 0);
    expect(isProblem(await importFile(supervisor, tooMany), 400.2)).toBe(true);
  });
});
