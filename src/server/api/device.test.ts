// GET /api/v1/device on both databases: the procedures a site's interviews name most, for its tablets to offer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, type World } from '../test/fixtures';
import { results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

const NOW = new Date('2026-11-27T02:00:00Z');
const at = (iso: string) => iso.replace('Z', '+00:00');

describe.each(testDatabases())('the device answer on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;

  const device = async (token: string) => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/device', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    return res.json() as { procedures: { code: string; name: string; uses: number }[] };
  };

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => NOW }, new Date('2026-01-01T00:00:00Z')));
  });
  afterAll(() => stopApp({ app, fresh }));

  it('lists the site’s most used procedure codes first, each with the name last given, from recent interviews only', async () => {
    const a = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const b = { siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id };
    const interview = (code: string, name: string, seed: number, more = {}) => makeResponse(a, { procedure: { code, name }, ...more }, 'sipas-2017', seed);
    const mine = [
      interview('2.002', 'Cấp giấy phép xây dựng', 1),
      interview('1.001', 'Đăng ký khai sinh', 2),
      interview('2.002', 'Cấp giấy phép xây dựng', 3),
      interview('1.001', '', 4),
      // Known only by its name: nothing to offer by code.
      interview('', 'Chứng thực bản sao', 5),
      // Older than the window: a procedure the desk no longer sees.
      interview('3.003', 'Thủ tục đã bỏ', 6, { startedAt: at('2026-06-01T02:00:00Z'), completedAt: at('2026-06-01T02:08:00Z') }),
      // Ratings carry no procedure.
      makeResponse({ siteId: a.siteId, deviceId: a.deviceId }, {}, 'desk-rating', 7),
      // The name as given last is the one offered.
      interview('1.001', 'Đăng ký khai sinh (có yếu tố nước ngoài)', 8),
    ];
    const theirs = Array.from({ length: 4 }, (_, i) => makeResponse(b, { procedure: { code: '9.999', name: 'Của đơn vị khác' } }, 'sipas-2017', 20 + i));
    expect(results(await submit(app, w.deviceA.token, { responses: mine })).map((v) => v.status)).toEqual(Array(mine.length).fill('accepted'));
    expect(results(await submit(app, w.deviceB.token, { responses: theirs })).map((v) => v.status)).toEqual(Array(4).fill('accepted'));

    expect((await device(w.deviceA.token)).procedures).toEqual([
      { code: '1.001', name: 'Đăng ký khai sinh (có yếu tố nước ngoài)', uses: 3 },
      { code: '2.002', name: 'Cấp giấy phép xây dựng', uses: 2 },
    ]);
    expect((await device(w.deviceB.token)).procedures).toEqual([{ code: '9.999', name: 'Của đơn vị khác', uses: 4 }]);
  });

  it('keeps the list short: at most 20, the most used first, ties by code', async () => {
    const a = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const many = Array.from({ length: 25 }, (_, i) => makeResponse(a, { procedure: { code: `5.${String(i).padStart(3, '0')}`, name: `Thủ tục ${i}` } }, 'sipas-2017', 30 + i));
    expect(results(await submit(app, w.deviceA.token, { responses: many })).every((v) => v.status === 'accepted')).toBe(true);
    const list = (await device(w.deviceA.token)).procedures;
    expect(list).toHaveLength(20);
    expect(list.slice(0, 3).map((p) => [p.code, p.uses])).toEqual([
      ['1.001', 3],
      ['2.002', 2],
      ['5.000', 1],
    ]);
    expect(list[19].code).toBe('5.017');
  });
});
