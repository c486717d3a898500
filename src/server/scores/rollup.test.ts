// The rollup kept by the ingest transaction gives exactly the figures a full recount of the raw responses gives, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltinForm } from '../../core/forms/builtin';
import type { FormDefinition } from '../../core/forms/schema';
import type { Response, ResponseInput } from '../../core/response/schema';
import { scoreResponses } from '../../core/scoring/indices';
import { scoreKiosk } from '../../core/scoring/kiosk';
import type { App } from '../app';
import { makeInterview, makeRating, pick, PROCEDURES, rng } from '../demo/generate';
import { createUser } from '../db/queries/users';
import { testDatabases, type FreshDb } from '../test/databases';
import { PASSWORD, type World } from '../test/fixtures';
import { asUser, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';
import { rebuildRollups } from './rebuild';

const sipas = getBuiltinForm('sipas-2017') as FormDefinition;
const desk = getBuiltinForm('desk-rating') as FormDefinition;
const DAYS = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
const PROFILE = { base: 0.82, kioskUnhappy: 0.2, interviewsPerDay: 0, ratingsPerDay: 0, medianMinutes: 9 };

/** Mixed responses over five days at both sites: criteria with "na", straight-liners, misuse, walk-aways. */
function makeData(w: World, secondEnumeratorA: string): { a: ResponseInput[]; b: ResponseInput[] } {
  const rand = rng(7);
  const out = { a: [] as ResponseInput[], b: [] as ResponseInput[] };
  for (const [i, day] of DAYS.entries()) {
    const midnight = Date.parse(`${day}T00:00:00+07:00`);
    for (const [side, site, device, enumerators] of [
      ['a', w.siteA, w.deviceA, [w.enumeratorA.id, secondEnumeratorA]],
      ['b', w.siteB, w.deviceB, [w.enumeratorB.id]],
    ] as const) {
      for (let k = 0; k < 14 + i * 3; k++) {
        const at = midnight + (8 + (k % 9)) * 3600_000 + k * 61_000;
        const r = rand();
        out[side].push(
          makeInterview(rand, {
            form: sipas,
            siteId: site.id,
            deviceId: device.id,
            enumeratorId: pick(rand, enumerators),
            procedure: pick(rand, PROCEDURES['quan-huyen'].slice(0, 3)),
            completedMs: at,
            profile: { ...PROFILE, base: side === 'a' ? 0.9 : 0.75 },
            progress: i / 4,
            lean: 0,
            kind: r < 0.1 ? 'straight' : r < 0.15 ? 'too-fast' : 'normal',
          }),
        );
        out[side].push(makeRating(rand, { form: desk, siteId: site.id, deviceId: device.id, completedMs: at + 30_000, profile: PROFILE, progress: 0, misuse: rand() < 0.1 }));
      }
    }
  }
  return out;
}

describe.each(testDatabases())('score rollup on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let admin: string;
  let stored: (Response & { localDay: string })[];

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
    admin = await login(app, 'admin', PASSWORD);
    // A second enumerator at site A: the ingest takes only the site's own, active enumerators.
    const second = await createUser(fresh.db, { username: 'an', displayName: 'Đỗ Văn An', role: 'enumerator', passwordHash: null, siteIds: [w.siteA.id] }, new Date());
    const data = makeData(w, second.id);
    // Several tablets at once: concurrent batches add to the same rollup rows.
    const batches: [string, ResponseInput[]][] = [];
    for (let i = 0; i < data.a.length; i += 40) batches.push([w.deviceA.token, data.a.slice(i, i + 40)]);
    for (let i = 0; i < data.b.length; i += 40) batches.push([w.deviceB.token, data.b.slice(i, i + 40)]);
    const verdicts = await Promise.all(batches.map(([token, list]) => submit(app, token, { responses: list }).then(results)));
    expect(verdicts.flat().every((v) => v.status === 'accepted')).toBe(true);
    // Replays and conflicts must not count twice.
    const replay = [...data.a.slice(0, 30), { ...data.a[40]!, answers: { ...data.a[40]!.answers, 'E1.1': 1, 'E1.2': 1 } }];
    const again = results(await submit(app, w.deviceA.token, { responses: replay }));
    expect(again.filter((v) => v.status === 'duplicate')).toHaveLength(30);
    expect(again.at(-1)?.status).toBe('conflict');
    const rows = await fresh.db.k.selectFrom('responses').select(['payload', 'local_day']).execute();
    stored = rows.map((r) => ({ ...(JSON.parse(r.payload) as Response), localDay: r.local_day }));
  });
  afterAll(() => stopApp({ app, fresh }));

  const scores = async (query: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/scores?${query}`, ...asUser(admin) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const pickRows = (formId: string, f: (r: Response & { localDay: string }) => boolean) => stored.filter((r) => r.formId === formId && f(r));

  it('the interview index over all sites and days equals a recount of the raw answers', async () => {
    const got = await scores(`form=sipas-2017&period=custom&from=${DAYS[0]}&to=${DAYS[4]}&breakdown=criterion`);
    const expected = scoreResponses(sipas, pickRows('sipas-2017', () => true));
    expect(got.index).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(got.responses).toBe(pickRows('sipas-2017', () => true).length);
    expect(got.groups.map((g: { key: string; value: number }) => [g.key, g.value])).toEqual(expected.criteria.map((c) => [c.itemId, c.value]));
  });

  it('one site and one day, and every breakdown group, equal the recount of their own responses', async () => {
    const day = DAYS[2] as string;
    const one = await scores(`form=sipas-2017&sites=${w.siteA.id}&period=day&from=${day}`);
    expect(one.index).toEqual(JSON.parse(JSON.stringify(scoreResponses(sipas, pickRows('sipas-2017', (r) => r.siteId === w.siteA.id && r.localDay === day)))));

    const keyOf = {
      site: (r: Response) => r.siteId,
      day: (r: Response & { localDay: string }) => r.localDay,
      procedure: (r: Response) => r.procedure?.code ?? '',
      enumerator: (r: Response) => r.enumeratorId ?? '',
    } as const;
    for (const breakdown of ['site', 'day', 'procedure', 'enumerator'] as const) {
      const got = await scores(`form=sipas-2017&period=month&from=${day}&breakdown=${breakdown}`);
      const keys = [...new Set(pickRows('sipas-2017', () => true).map(keyOf[breakdown]))].sort();
      expect(got.groups.map((g: { key: string }) => g.key)).toEqual(keys);
      for (const g of got.groups) {
        const subset = pickRows('sipas-2017', (r) => keyOf[breakdown](r) === g.key);
        const exp = scoreResponses(sipas, subset);
        expect({ n: g.n, value: g.value, low: g.low, high: g.high, responses: g.responses }).toEqual({ ...pickFig(exp.overall), responses: subset.length });
        expect(g.elements.map(pickFig)).toEqual(exp.elements.map(pickFig));
      }
    }
  });

  it('the kiosk share leaves misuse out but counts it, with follow-up reasons, as a recount does', async () => {
    const got = await scores(`form=desk-rating&period=custom&from=${DAYS[0]}&to=${DAYS[4]}&sites=${w.siteB.id}`);
    const subset = pickRows('desk-rating', (r) => r.siteId === w.siteB.id);
    expect(got.kiosk).toEqual(JSON.parse(JSON.stringify(scoreKiosk(desk, subset))));
    expect(got.kiosk.excludedMisuse).toBeGreaterThan(0);
    expect(got.kiosk.excludedMisuse).toBe(subset.filter((r) => r.flags.includes('kiosk-misuse')).length);
  });

  it('a rebuild from the payloads gives back the same rollup rows', async () => {
    const dump = async () => {
      const rows = await fresh.db.k.selectFrom('score_rollup').selectAll().execute();
      const marks = await fresh.db.k.selectFrom('response_marks').selectAll().execute();
      const norm = (x: object) => JSON.stringify(Object.entries(x).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]));
      return { rows: rows.map(norm).sort(), marks: marks.map(norm).sort() };
    };
    const before = await dump();
    expect(before.marks.length).toBeGreaterThan(0);
    const report = await rebuildRollups(fresh.db);
    expect(report.responses).toBe(stored.length);
    expect(await dump()).toEqual(before);
  });
});

function pickFig(e: { n: number; value: number | null; low: number | null; high: number | null }) {
  return { n: e.n, value: e.value, low: e.low, high: e.high };
}
