// Blocks, unit means and comparisons on both databases, checked against the same figures computed from the raw responses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltinForm } from '../../core/forms/builtin';
import type { FormDefinition } from '../../core/forms/schema';
import type { ResponseInput } from '../../core/response/schema';
import { compareFigures, unitMean } from '../../core/scoring/compare';
import { scoreResponses, tallyCounts } from '../../core/scoring/indices';
import type { App } from '../app';
import { createUser } from '../db/queries/users';
import { createSite } from '../db/queries/sites';
import { testDatabases, type FreshDb } from '../test/databases';
import { addDevice, addEnumerator, makeResponse, PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

// The server's clock: mid-January, so the period runs across New Year and its baseline across the one before.
const NOW = new Date('2027-01-15T09:00:00Z');
const FORM = getBuiltinForm('sipas-2017') as FormDefinition;
const PERIOD = 'period=custom&from=2026-12-20&to=2027-01-10';

/** A response completed at 10:00 Vietnam time on the given local day; the seed varies its answers. */
function on(day: string, owner: { siteId: string; deviceId: string; enumeratorId: string }, seed: number): ResponseInput {
  const completed = new Date(`${day}T03:00:00.000Z`).getTime() + seed * 1000;
  return makeResponse(owner, { startedAt: new Date(completed - 8 * 60_000).toISOString(), completedAt: new Date(completed).toISOString() }, 'sipas-2017', seed);
}

describe.each(testDatabases())('blocks and comparisons on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let admin: string;
  let supervisor: string;
  const sent: Record<'a' | 'b' | 'c', ResponseInput[]> = { a: [], b: [], c: [] };
  let siteC: string;

  beforeAll(async () => {
    // Enrolled well before the baseline year, so last year's interviews are not older than their tablets.
    const enrolled = new Date('2025-06-01T00:00:00Z');
    ({ fresh, app, w } = await startSeededApp(create, { now: () => NOW }, enrolled));
    // A second district, so the quận/huyện block has two units (site B is the only sở).
    const c = await createSite(fresh.db, { code: 'HN-BD', name: 'Một cửa quận Ba Đình', kind: 'quan-huyen' }, enrolled);
    siteC = c.id;
    const deviceC = await addDevice(fresh.db, c.id, 'Máy tính bảng BĐ', enrolled);
    await addEnumerator(fresh.db, c.id, 'Vũ Thị Hạnh', enrolled);
    admin = await login(app, 'admin', PASSWORD);
    supervisor = await login(app, 'lan', PASSWORD);
    // Interviews name real enumerators of their sites: the ingest refuses any other.
    const enumeratorC = await createUser(fresh.db, { username: 'dtv-bd', displayName: 'Phạm Văn Bình', role: 'enumerator', passwordHash: null, siteIds: [c.id] }, enrolled);
    const a = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const b = { siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id };
    const cc = { siteId: c.id, deviceId: deviceC.id, enumeratorId: enumeratorC.id };
    let seed = 0;
    const many = (n: number, day: string, owner: typeof a) => Array.from({ length: n }, () => on(day, owner, seed++ * 7 + 1));
    // Inside the period and its year-earlier baseline, on both sides of each New Year, and just outside both.
    sent.a = [...many(6, '2026-12-28', a), ...many(5, '2027-01-05', a), ...many(3, '2027-01-12', a), ...many(4, '2025-12-30', a), ...many(2, '2025-12-19', a)];
    sent.b = many(8, '2026-12-22', b);
    sent.c = [...many(7, '2027-01-03', cc), ...many(3, '2026-01-08', cc)];
    for (const [token, list] of [[w.deviceA.token, sent.a], [w.deviceB.token, sent.b], [deviceC.token, sent.c]] as const) {
      const verdicts = results(await submit(app, token, { responses: list }));
      expect(verdicts.every((v) => v.status === 'accepted'), JSON.stringify(verdicts.filter((v) => v.status !== 'accepted'))).toBe(true);
    }
  });
  afterAll(() => stopApp({ app, fresh }));

  const get = (url: string, session: string) => app.inject({ method: 'GET', url, ...asUser(session) });
  const inRange = (list: ResponseInput[], from: string, to: string) =>
    list.filter((r) => {
      const day = new Date(Date.parse(r.completedAt) + 7 * 3_600_000).toISOString().slice(0, 10);
      return day >= from && day <= to;
    });
  const current = (list: ResponseInput[]) => inRange(list, '2026-12-20', '2027-01-10');
  const lastYear = (list: ResponseInput[]) => inRange(list, '2025-12-20', '2026-01-10');
  const overall = (list: ResponseInput[]) => scoreResponses(FORM, list).overall;

  it('breakdown=kind: each block pools its sites, and its unit mean is the mean of their overall indices', async () => {
    const res = await get(`/api/v1/scores?form=sipas-2017&${PERIOD}&breakdown=kind`, admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.groups.map((g: { key: string }) => g.key)).toEqual(['so-nganh', 'quan-huyen']);
    const [so, districts] = body.groups;
    expect(so).toMatchObject({ siteIds: [w.siteB.id], responses: 8, n: overall(current(sent.b)).n });
    expect(so.value).toBeCloseTo(overall(current(sent.b)).value as number, 9);
    // One unit: the pooled figure is the block's figure, no unit mean beside it.
    expect(so.unitMean).toBeUndefined();
    const pooled = overall([...current(sent.a), ...current(sent.c)]);
    expect(districts).toMatchObject({ responses: 18, n: pooled.n });
    expect(districts.siteIds.sort()).toEqual([w.siteA.id, siteC].sort());
    expect(districts.value).toBeCloseTo(pooled.value as number, 9);
    const byUnit = [overall(current(sent.a)).value, overall(current(sent.c)).value] as number[];
    expect(districts.unitMean.units).toBe(2);
    expect(districts.unitMean.value).toBeCloseTo((byUnit[0]! + byUnit[1]!) / 2, 9);
    expect(districts.unitMean.low).toBeCloseTo(Math.min(...byUnit), 9);
    expect(districts.unitMean.high).toBeCloseTo(Math.max(...byUnit), 9);
    // The whole answer: pooled headline over every site, and the mean of the three sites.
    const all = [...current(sent.a), ...current(sent.b), ...current(sent.c)];
    expect(body.responses).toBe(26);
    expect(body.headline.value).toBeCloseTo(overall(all).value as number, 9);
    const city = unitMean([overall(current(sent.a)).value, overall(current(sent.b)).value, overall(current(sent.c)).value]);
    expect(body.unitMean.units).toBe(3);
    expect(body.unitMean.value).toBeCloseTo(city.value as number, 9);
    expect(body.comparison).toBeNull();
  });

  it('compare=year across New Year: the same days a year earlier, with the change and its test', async () => {
    const res = await get(`/api/v1/scores?form=sipas-2017&${PERIOD}&breakdown=kind&compare=year`, admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.comparison).toMatchObject({ compare: 'year', period: { from: '2025-12-20', to: '2026-01-10' }, responses: 7 });
    const now = overall([...current(sent.a), ...current(sent.b), ...current(sent.c)]);
    const then = overall([...lastYear(sent.a), ...lastYear(sent.c)]);
    const expected = compareFigures(now, then);
    expect(body.headline.change.baseline.value).toBeCloseTo(then.value as number, 9);
    expect(body.headline.change.baseline.n).toBe(then.n);
    expect(body.headline.change.points).toBeCloseTo(expected.points as number, 9);
    expect(body.headline.change).toMatchObject({ test: 'intervals', beyondNoise: expected.beyondNoise, smallSample: true });
    // A criterion is a k of n: the two-proportion test, on the counts of the raw answers.
    const tNow = tallyCounts(FORM, [...current(sent.a), ...current(sent.b), ...current(sent.c)]).criteria['E1.1']!;
    const tThen = tallyCounts(FORM, [...lastYear(sent.a), ...lastYear(sent.c)]).criteria['E1.1']!;
    const e11 = body.comparison.criteria['E1.1'];
    expect(e11.test).toBe('two-proportion');
    expect(e11.baseline).toMatchObject({ k: tThen.satisfied, n: tThen.valid });
    expect(e11.points).toBeCloseTo((tNow.satisfied / tNow.valid - tThen.satisfied / tThen.valid) * 100, 9);
    expect(Object.keys(body.comparison.elements)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
    // The sở had no interview a year ago: a baseline with n = 0 gives no change and no test.
    const [so, districts] = body.groups;
    expect(so.change).toMatchObject({ baseline: { n: 0, value: null }, points: null, beyondNoise: null });
    const districtsThen = overall([...lastYear(sent.a), ...lastYear(sent.c)]);
    expect(districts.change.baseline.value).toBeCloseTo(districtsThen.value as number, 9);
    // The block's unit mean a year ago, and its change in points.
    const meanThen = unitMean([overall(lastYear(sent.a)).value, overall(lastYear(sent.c)).value]);
    expect(districts.unitMean.change.baseline.value).toBeCloseTo(meanThen.value as number, 9);
    expect(districts.unitMean.change.points).toBeCloseTo((districts.unitMean.value as number) - (meanThen.value as number), 9);
  });

  it('compare=previous: the same number of days just before; sites carry their changes', async () => {
    const body = (await get(`/api/v1/scores?form=sipas-2017&${PERIOD}&breakdown=site&compare=previous`, admin)).json();
    expect(body.comparison).toMatchObject({ compare: 'previous', period: { from: '2026-11-28', to: '2026-12-19' }, responses: 0 });
    expect(body.groups).toHaveLength(3);
    for (const g of body.groups) expect(g.change).toMatchObject({ baseline: { n: 0 }, points: null, beyondNoise: null });
    expect(isProblem(await get(`/api/v1/scores?form=sipas-2017&${PERIOD}&compare=decade`, admin), 400.1)).toBe(true);
  });

  it('a supervisor of site A still gets 403 on site B, blocks and comparisons alike; named nothing, only their own block', async () => {
    for (const url of [
      `/api/v1/scores?form=sipas-2017&${PERIOD}&sites=${w.siteB.id}&breakdown=kind&compare=year`,
      `/api/v1/scores?form=sipas-2017&${PERIOD}&sites=${w.siteA.id},${w.siteB.id}&breakdown=kind`,
      `/api/v1/scores?form=sipas-2017&${PERIOD}&sites=${siteC}&compare=previous`,
    ]) {
      const res = await get(url, supervisor);
      expect(isProblem(res, 403.1), `${url}: ${res.statusCode} ${res.body}`).toBe(true);
    }
    const own = (await get(`/api/v1/scores?form=sipas-2017&${PERIOD}&breakdown=kind&compare=year`, supervisor)).json();
    expect(own.groups.map((g: { key: string; siteIds: string[] }) => [g.key, g.siteIds])).toEqual([['quan-huyen', [w.siteA.id]]]);
    expect(own.unitMean).toBeUndefined();
    expect(own.responses).toBe(11);
    expect(own.comparison.responses).toBe(4);
  });
});
