// Responses stored before the time bounds and outside them (issue 12, finding 1): the migration marks them excluded,
// the scores are rebuilt without them and count them, and opening one still answers (never a 500).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, PASSWORD, type World } from '../test/fixtures';
import { asUser, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';
import { migrate } from './migrate';

describe.each(testDatabases())('stored responses outside the time bounds on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => new Date('2026-11-26T12:00:00Z') }));
  });
  afterAll(() => stopApp({ app, fresh }));

  it('are marked by the migration, left out of the scores, counted, and still open', async () => {
    const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const sent = [0, 1, 2].map((seed) => makeResponse(owner, {}, 'sipas-2017', seed));
    expect(results(await submit(app, w.deviceA.token, { responses: sent })).map((v) => v.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const session = await login(app, 'admin', PASSWORD);
    const scores = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/scores?form=sipas-2017&period=custom&from=2026-11-26&to=2026-11-26', ...asUser(session) })).json() as { responses: number };
    expect((await scores()).responses).toBe(3);

    // As a server before the bounds stored it: one response completed "in year 0001", its scores already counted.
    const k = fresh.db.k;
    await k.updateTable('responses').set({ completed_at: '0001-01-01T00:00:00.000Z', started_at: '0000-12-31T23:50:00.000Z' }).where('id', '=', sent[1].id).execute();
    // Undo this migration, then start again: the migration runs on the old rows (later ones stay applied).
    await k.schema.alterTable('responses').dropColumn('excluded').execute();
    await sql`delete from kysely_migration where name = '2026-12-02-05-implausible-times'`.execute(k);
    expect((await migrate(fresh.db)).applied).toEqual(['2026-12-02-05-implausible-times']);

    const marked = await k.selectFrom('responses').select(['id', 'excluded']).where('excluded', 'is not', null).execute();
    expect(marked).toEqual([{ id: sent[1].id, excluded: 'implausible-time' }]);
    expect((await scores()).responses).toBe(2);
    const quality = (await app.inject({ method: 'GET', url: '/api/v1/quality?form=sipas-2017&period=custom&from=2026-11-26&to=2026-11-26', ...asUser(session) })).json() as { excluded: number };
    expect(quality.excluded).toBe(1);
    const opened = await app.inject({ method: 'GET', url: `/api/v1/responses/${sent[1].id}`, ...asUser(session) });
    expect(opened.statusCode).toBe(200);
    // A replay of the excluded response is a duplicate: nothing is stored twice, nothing counted again.
    expect(results(await submit(app, w.deviceA.token, { responses: [sent[1]] }))[0].status).not.toBe('accepted');
    expect((await scores()).responses).toBe(2);
  });
});
