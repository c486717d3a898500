// `npm run demo` on both databases: a live-looking world of about 5,000 responses, stored once however often it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { testDatabases, type FreshDb } from '../test/databases';
import { asUser, login } from '../test/http';
import { DEMO_LOGINS, DEMO_PASSWORDS, seedDemo } from './seed';

const NOW = new Date('2026-11-20T09:30:00Z');

describe.each(testDatabases())('demo seed on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let first: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    fresh = await create();
    first = await seedDemo(fresh.db, { now: NOW });
    app = await buildApp({ db: fresh.db, now: () => NOW });
  });
  afterAll(async () => {
    await app?.close();
    await fresh?.destroy();
  });

  const count = async () => Number((await fresh.db.k.selectFrom('responses').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);

  const countIn = async (from: string, to: string) =>
    Number((await fresh.db.k.selectFrom('responses').select((eb) => eb.fn.countAll<string | number>().as('n')).where('local_day', '>=', from).where('local_day', '<=', to).executeTakeFirstOrThrow()).n);

  it('stores about 5,000 responses over 30 days at sites of all three kinds, and about 2,000 on the same days a year earlier', async () => {
    const recent = await countIn('2026-10-22', '2026-11-20');
    expect(recent).toBeGreaterThan(4_500);
    expect(recent).toBeLessThan(5_500);
    const lastYear = await countIn('2025-10-22', '2025-11-20');
    expect(lastYear).toBeGreaterThan(1_600);
    expect(lastYear).toBeLessThan(2_400);
    expect(await count()).toBe(first.responsesCreated);
    expect(first.responsesCreated).toBe(recent + lastYear);
    const kinds = await fresh.db.k.selectFrom('sites').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['quan-huyen', 'so-nganh', 'xa-phuong']);
    const days = (await fresh.db.k.selectFrom('responses').select('local_day').distinct().execute()).filter((d) => d.local_day >= '2026-10-22');
    expect(days.length).toBeGreaterThanOrEqual(24);
    expect(days.every((d) => d.local_day <= '2026-11-20')).toBe(true);
  });

  it('running it again adds nothing', async () => {
    const again = await seedDemo(fresh.db, { now: new Date(NOW.getTime() + 3 * 86_400_000) });
    expect(again).toMatchObject({ skipped: true, responsesCreated: 0 });
    expect(await count()).toBe(first.responsesCreated);
    expect(await fresh.db.k.selectFrom('sites').select('id').execute()).toHaveLength(9);
  });

  it('every printed login works, and the sites differ in their scores', async () => {
    for (const l of DEMO_LOGINS) await login(app, l.username, l.password);
    const admin = await login(app, 'admin', DEMO_PASSWORDS.admin);
    const res = await app.inject({ method: 'GET', url: '/api/v1/scores?form=sipas-2017&period=custom&from=2026-10-22&to=2026-11-20&breakdown=site', ...asUser(admin) });
    const values = (res.json().groups as { value: number }[]).map((g) => g.value);
    expect(values).toHaveLength(9);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(5);
    const q = await app.inject({ method: 'GET', url: '/api/v1/quality?form=sipas-2017&period=custom&from=2026-10-22&to=2026-11-20', ...asUser(admin) });
    const counts = q.json().counts;
    expect(counts['too-fast']).toBeGreaterThan(0);
    expect(counts['straight-lining']).toBeGreaterThan(0);
    expect(counts['clock-skew']).toBeGreaterThan(0);
  });

  it('has refusals at every site, so the response rate shows: between 75 % and 95 % of the people asked were interviewed', async () => {
    const admin = await login(app, 'admin', DEMO_PASSWORDS.admin);
    const res = await app.inject({ method: 'GET', url: '/api/v1/response-rate?form=sipas-2017&period=custom&from=2026-10-22&to=2026-11-20', ...asUser(admin) });
    const body = res.json() as { total: { rate: number; refusals: number }; sites: { refusals: number; rate: number }[] };
    expect(body.sites).toHaveLength(9);
    expect(body.sites.every((s) => s.refusals > 0)).toBe(true);
    expect(body.total.rate).toBeGreaterThan(0.75);
    expect(body.total.rate).toBeLessThan(0.95);
    const refusals = Number((await fresh.db.k.selectFrom('refusals').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(body.total.refusals).toBe(refusals);
  });

  it('compared with the same days a year earlier, the city rose beyond noise and one sở fell', async () => {
    const admin = await login(app, 'admin', DEMO_PASSWORDS.admin);
    const res = await app.inject({ method: 'GET', url: '/api/v1/scores?form=sipas-2017&period=custom&from=2026-10-22&to=2026-11-20&breakdown=site&compare=year', ...asUser(admin) });
    const body = res.json();
    expect(body.headline.change).toMatchObject({ points: expect.any(Number), beyondNoise: true });
    expect(body.headline.change.points).toBeGreaterThan(0);
    const fell = body.groups.filter((g: { change: { points: number } }) => g.change.points < 0);
    expect(fell.map((g: { label: { code: string } }) => g.label.code)).toEqual(['HP-SKHDT']);
  });
});
