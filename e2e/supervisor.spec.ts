// Supervisor in a real Chromium against the real server: sign in, demo figures on the dashboard, a day's CSV, sign out.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { openDb, type Db } from '../src/server/db/index';
import { localDay } from '../src/core/local-day';
import { addDays } from '../src/core/protocol/period';
import { DEMO_PASSWORDS, DEMO_SITES } from '../src/server/demo/seed';
import { seedDemoOnce } from './support/demo-seed';
import { SupervisorPage } from './pages/supervisor-page';
import { expectNoAxeViolations } from './support/axe';
import { E2E_PORT } from './support/env';
import { screenshot } from './support/screenshots';
import { t } from './support/strings';

const DATA_DIR = `.tmp/e2e-data-${E2E_PORT}`;
const LECHAN = DEMO_SITES.find((s) => s.code === 'HP-LC')!;

let db: Db;
/** The Lê Chân district's latest day with interviews, and how many it has. */
let sample: { day: string; count: number };

test.beforeAll(async () => {
  // The demo seeder writes through the same ingest code into the database the e2e server is using.
  db = openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: DATA_DIR });
  await seedDemoOnce(db);
  const row = await db.k
    .selectFrom('responses')
    .innerJoin('sites', 'sites.id', 'responses.site_id')
    .select(['responses.local_day as day', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('sites.code', '=', LECHAN.code)
    .where('responses.form_id', '=', 'sipas-2017')
    .groupBy('responses.local_day')
    .orderBy('responses.local_day', 'desc')
    .executeTakeFirstOrThrow();
  sample = { day: row.day, count: Number(row.n) };
});

test.afterAll(async () => {
  await db?.close();
});

test('a wrong password is refused in plain words', async ({ page }) => {
  const sv = new SupervisorPage(page, 'vi');
  await sv.open();
  await sv.signIn('giamsat', 'not-the-password');
  await expect(sv.loginError).toHaveText(t('problems:401.3', 'vi'));
  await expect(sv.dashboard).toBeHidden();
});

test('sign in, see the demo figures, download a day of one site as CSV, sign out', async ({ page }) => {
  const sv = new SupervisorPage(page, 'vi');
  await sv.open();
  await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
  await sv.waitForFigures();
  // Nine demo sites ranked, 22 criteria listed worst first, quality flags counted.
  await expect(sv.rankingRows).toHaveCount(DEMO_SITES.length);
  await expect(sv.criteriaRows).toHaveCount(22);
  // The gap between the best and worst site, in percentage points, Vietnamese style.
  await expect(page.getByTestId('ranking-gap')).toHaveText(/^\d+(,\d+)? điểm phần trăm/);
  await expect(page.getByTestId('flag-too-fast')).toContainText(/[1-9]/);

  // Vietnamese number style: "88,67%" (comma decimals).
  // vi-VN: a comma before the decimals, none for a whole number ("87%").
  await expect(sv.overallValue).toHaveText(/^\d{2}(,\d{1,2})?%$|^100%$/);

  await sv.chooseSite(`${LECHAN.name} (${LECHAN.code})`);
  await sv.choosePeriod('day');
  await sv.chooseDate(sample.day);
  await expect(sv.responsesCount).toHaveText(t('supervisor:figures.responses', 'vi', { formatted: String(sample.count) }));

  await sv.exportSite(`${LECHAN.name} (${LECHAN.code})`);
  const download = await sv.downloadCsv();
  expect(download.suggestedFilename()).toBe(`hailong-sipas-2017-${LECHAN.code}-${sample.day}.csv`);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true }) as string[][];
  const header = rows[0]!;
  expect(header.slice(0, 4)).toEqual(['Mã phiếu', 'Mã biểu mẫu', 'Phiên bản biểu mẫu', 'Mã đơn vị']);
  expect(header).toContain('E1.1: Nơi ngồi chờ có đủ chỗ ngồi');
  expect(rows).toHaveLength(sample.count + 1);
  const col = (name: string) => header.indexOf(name);
  expect(new Set(rows.slice(1).map((r) => r[col('Mã đơn vị')]))).toEqual(new Set([LECHAN.code]));
  expect(new Set(rows.slice(1).map((r) => r[col('Ngày (giờ địa phương)')]))).toEqual(new Set([sample.day]));
  expect(rows.slice(1).every((r) => ['1', '2', '3', '4', '5', 'na'].includes(r[col('E1.1: Nơi ngồi chờ có đủ chỗ ngồi')]!))).toBe(true);

  await sv.signOut();
  await expect(sv.loginHeading).toBeVisible();
  await expect(sv.loginNotice).toHaveText(t('supervisor:login.signedOut', 'vi'));
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('a session that ends sends the supervisor back to sign-in with the reason; offline is said plainly', async ({ page, context }) => {
  const sv = new SupervisorPage(page, 'en');
  await page.goto('/supervisor');
  await sv.status.switchLanguage('en');
  await sv.signIn('giamsat.lechan', DEMO_PASSWORDS.supervisor);
  await sv.waitForFigures();
  // This supervisor's scope is two sites.
  await expect(sv.rankingRows).toHaveCount(2);

  await context.setOffline(true);
  await expect(sv.offlineBanner).toHaveText(t('supervisor:offline.banner', 'en'));
  await context.setOffline(false);
  await expect(sv.offlineBanner).toBeHidden();

  await context.clearCookies();
  await page.getByRole('button', { name: t('supervisor:filters.refresh', 'en') }).click();
  await expect(sv.loginHeading).toBeVisible();
  await expect(sv.loginNotice).toHaveText(t('supervisor:login.expired', 'en'));
});

/**
 * What makes the page scroll sideways (a supervisor at 1280×800 must never have to): [] when nothing, else the
 * outermost elements reaching past the right edge, named by test id or class, so a failure says where.
 */
const sidewaysOverflow = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const past = [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => e.getBoundingClientRect().right > width + 1);
    return past.filter((e) => !past.includes(e.parentElement as HTMLElement)).map((e) => e.dataset.testid ?? `${e.tagName.toLowerCase()}.${e.className}`);
  });

/** Scrolls the element to just under the sticky status bar, so a screenshot starts with it. */
const scrollUnderBar = (page: import('@playwright/test').Page, selector: string) =>
  page.evaluate((sel) => {
    const bar = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
    const el = document.querySelector(sel);
    if (el) window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - bar - 12);
  }, selector);

/** "02/12/2026" for a YYYY-MM-DD day. */
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

test('on opening: the last 30 days against the same days a year earlier, with the blocks and the changes in words', async ({ page }) => {
  const sv = new SupervisorPage(page, 'vi');
  await sv.open();
  await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
  await sv.waitForFigures();
  const today = localDay(new Date());
  const from = addDays(today, -29);
  await expect(sv.page.getByTestId('sv-period')).toHaveText(`${dmy(from)} – ${dmy(today)}`);
  await expect(sv.baselineLine).toContainText(`${sv.s('compare.baseline_year', { from: dmy(addDays(from, -365)), to: dmy(addDays(today, -365)) })} · `);

  // The city and its three blocks, each with the mean of its units beside all responses pooled, and the gap.
  await expect(sv.blocksTable.locator('tbody tr')).toHaveCount(4);
  await expect(sv.blocksTable.getByRole('columnheader', { name: 'Trung bình các đơn vị' })).toBeVisible();
  await expect(sv.blocksTable.getByRole('columnheader', { name: 'Gộp tất cả phiếu' })).toBeVisible();
  for (const key of ['all', 'so-nganh', 'quan-huyen', 'xa-phuong'] as const) {
    await expect(sv.blockRow(key).getByTestId('block-mean')).toHaveText(/^\d{2}(,\d{1,2})?%/);
    await expect(sv.blockRow(key).getByTestId('block-pooled')).toHaveText(/^\d{2}(,\d{1,2})?%/);
    await expect(sv.blockRow(key).getByTestId('block-gap')).toHaveText(/^\d+(,\d{1,2})? điểm$/);
  }
  await expect(sv.blockRow('all')).toContainText(`${DEMO_SITES.length}/${DEMO_SITES.length}`);
  await expect(sv.blockRow('so-nganh')).toContainText('3/3');

  // Every index rose on the year before (the demo's sample was 2.5 times smaller then): arrow, words, the test used.
  await expect(sv.overallChange).toHaveAttribute('data-dir', 'up');
  await expect(sv.overallChange).toContainText(/^↑ tăng \d+,\d{1,2} điểm so với cùng kỳ năm trước/);
  await expect(sv.overallChange).toContainText(sv.s('change.beyond_intervals'));
  // The small commune had fewer than 30 people a year ago: its change says so instead of concluding.
  await expect(sv.rankingRow('UBND xã Thủy Sơn').getByTestId('change')).toContainText(sv.s('change.short_small'));
  // The department whose score fell is shown falling, with a down arrow, never by colour alone.
  await expect(sv.rankingRow('Sở Kế hoạch và Đầu tư').getByTestId('change')).toHaveAttribute('data-dir', 'down');
  await expect(sv.rankingRow('Sở Kế hoạch và Đầu tư').getByTestId('change')).toContainText('↓');
  await expect(sv.criteriaRows.first().getByTestId('change')).toContainText(/[↑↓→]/);
  expect(await sidewaysOverflow(page)).toEqual([]);

  // The choice stays: no comparison, no changes.
  await sv.chooseCompare('none');
  await expect(sv.overallChange).toBeHidden();
  await expect(sv.baselineLine).toBeHidden();
  await sv.chooseCompare('previous');
  await expect(sv.overallChange).toContainText(sv.s('change.noBaseline'));
});

test('quality flags open the flagged response with its answers', async ({ page }) => {
  const sv = new SupervisorPage(page, 'vi');
  await sv.open();
  // The demo's supervisor sees the demo sites only: an admin would also see the sites other specs enrol, whose
  // flagged interviews answer what those specs chose.
  await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
  await sv.waitForFigures();
  await page.getByTestId('flag-straight-lining').click();
  const table = page.getByTestId('quality-table');
  await expect(table.locator('tbody tr').first()).toContainText(t('supervisor:quality.flag_straight-lining', 'vi'));
  await table.getByRole('button', { name: t('supervisor:quality.open', 'vi') }).first().click();
  const drawer = page.getByTestId('response-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('row', { name: /E1\.1/ })).toContainText(/Rất hài lòng \(5\)|Hài lòng \(4\)/);
  await drawer.getByRole('button', { name: t('supervisor:detail.close', 'vi') }).click();
  await expect(drawer).toBeHidden();
});

test('sign-in and dashboard have no axe violations', async ({ page }) => {
  const sv = new SupervisorPage(page, 'vi');
  await sv.open();
  await expectNoAxeViolations(page, 'sign-in');
  await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
  await sv.waitForFigures();
  await expectNoAxeViolations(page, 'dashboard');
});

for (const lang of ['vi', 'en'] as const) {
  test(`dashboard screenshot at 1280×800 (${lang})`, async ({ page }) => {
    const sv = new SupervisorPage(page, lang);
    await page.goto('/supervisor');
    if (lang === 'en') await sv.status.switchLanguage('en');
    await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
    await sv.waitForFigures();
    await expect(page.getByTestId('trend-chart').locator('canvas')).toBeVisible();
    await expect(sv.rankingRows).toHaveCount(DEMO_SITES.length);
    await screenshot(page, `dashboard-1280x800-${lang}`);
  });

  for (const [width, height] of [[1280, 800], [800, 1280]] as const) {
    test(`blocks and comparison screenshot at ${width}×${height} (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const sv = new SupervisorPage(page, lang);
      await page.goto('/supervisor');
      if (lang === 'en') await sv.status.switchLanguage('en');
      await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
      await sv.waitForFigures();
      await expect(sv.blocksTable.locator('tbody tr')).toHaveCount(4);
      await expect(sv.overallChange).toBeVisible();
      expect(await sidewaysOverflow(page)).toEqual([]);
      // The top: filters with the comparison chosen, the baseline period, the tiles with their changes.
      await screenshot(page, `compare-${width}x${height}-${lang}`);
      await scrollUnderBar(page, '[data-testid="sv-blocks"]');
      await screenshot(page, `blocks-${width}x${height}-${lang}`);
      await scrollUnderBar(page, '#sv-ranking-title');
      await screenshot(page, `ranking-compare-${width}x${height}-${lang}`);
    });
  }
}
