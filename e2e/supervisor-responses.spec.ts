// The responses list in a real Chromium (issue 11): filter by enumerator, open a response, exclude it and see the tile
// change, count it again; breakdowns by enumerator and procedure with names; axe finds nothing; the README screenshot.
import { expect, test } from '@playwright/test';
import { openDb, type Db } from '../src/server/db/index';
import { DEMO_PASSWORDS, DEMO_SITES, seedDemo } from '../src/server/demo/seed';
import { ResponsesPanel } from './pages/responses-panel';
import { SupervisorPage } from './pages/supervisor-page';
import { expectNoAxeViolations } from './support/axe';
import { E2E_PORT } from './support/env';
import { screenshot } from './support/screenshots';

const DATA_DIR = `.tmp/e2e-data-${E2E_PORT}`;
// Not Lê Chân, whose day supervisor.spec.ts counts: an exclusion here must not change another spec's figures meanwhile.
const SITE = DEMO_SITES.find((s) => s.code === 'HP-NQ')!;

let db: Db;
/** The Ngô Quyền district's latest day with interviews. */
let sampleDay: string;

test.beforeAll(async () => {
  db = openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: DATA_DIR });
  await seedDemo(db);
  const row = await db.k
    .selectFrom('responses')
    .innerJoin('sites', 'sites.id', 'responses.site_id')
    .select('responses.local_day as day')
    .where('sites.code', '=', SITE.code)
    .where('responses.form_id', '=', 'sipas-2017')
    .where('responses.excluded', 'is', null)
    .orderBy('responses.local_day', 'desc')
    .executeTakeFirstOrThrow();
  sampleDay = row.day;
});

test.afterAll(async () => {
  await db?.close();
});

for (const lang of ['vi', 'en'] as const) {
  test(`the responses list filters by enumerator and opens a response; an exclusion changes the tile (${lang})`, async ({ page }) => {
    const sv = new SupervisorPage(page, lang);
    const list = new ResponsesPanel(page, lang);
    if (lang === 'en') {
      await page.goto('/supervisor');
      await page.evaluate(() => localStorage.setItem('hailong.lang', 'en'));
    }
    await sv.open();
    await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
    await sv.waitForFigures();
    await sv.chooseSite(`${SITE.name} (${SITE.code})`);
    await sv.choosePeriod('day');
    await sv.chooseDate(sampleDay);
    await sv.waitForFigures();
    await expect(list.rows.first()).toBeVisible();

    // The breakdowns name people and procedures, not ids.
    const names = await list.enumeratorNames();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) await expect(list.byEnumerator).toContainText(name);
    await expect(list.byProcedure.locator('tbody tr').first()).toContainText(/\S+ · \S+/);

    const someone = names[0]!;
    await list.filterByEnumerator(someone);
    await expect.poll(async () => [...new Set(await list.enumeratorCells())]).toEqual([someone]);
    if (lang === 'vi') {
      await list.section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'responses-list');
    }
    await expectNoAxeViolations(page, `responses list (${lang})`);

    const tile = page.getByTestId('tile-overall');
    const before = await tile.textContent();
    const countBefore = await sv.responsesCount.textContent();
    await list.open(0);
    await expectNoAxeViolations(page, `response drawer with exclusion (${lang})`);
    await list.exclude(lang === 'vi' ? 'Phỏng vấn trùng người' : 'Same person interviewed twice');
    await expect(tile).not.toHaveText(before!);
    await expect(sv.responsesCount).not.toHaveText(countBefore!);
    await list.restore();
    await expect(tile).toHaveText(before!);
    await expect(sv.responsesCount).toHaveText(countBefore!);
    await list.closeDrawer();
  });
}
