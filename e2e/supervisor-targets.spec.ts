// Sample targets live on the server (issue 11 item 4): N typed for a site is there after a reload and in another
// browser, with the same target n; N this browser kept in localStorage is handed over once; a refused N is worded.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { localDay } from '../src/core/local-day';
import { addDays } from '../src/core/protocol/period';
import { DEMO_PASSWORDS, DEMO_SITES } from '../src/server/demo/seed';
import { SampleProgressCard } from './pages/sample-progress';
import { SupervisorPage } from './pages/supervisor-page';
import { expectNoAxeViolations } from './support/axe';
import { useDemoData } from './support/demo-seed';
import { screenshot } from './support/screenshots';
import { t, type Lang } from './support/strings';

const [first, second] = DEMO_SITES;

/** The dashboard's opening period: the last 30 local days up to today. */
function openingPeriod() {
  const today = localDay(new Date());
  return { from: addDays(today, -29), to: today };
}

/** The site's id as the server knows it (by its demo code). */
async function siteId(request: APIRequestContext, code: string): Promise<string> {
  const me = (await (await request.get('/api/v1/me')).json()) as { user: { sites: { id: string; code: string }[] } };
  return me.user.sites.find((s) => s.code === code)!.id;
}

/** Starts from no N for the site and period, whatever an earlier test of this run stored. */
async function clearN(request: APIRequestContext, code: string): Promise<void> {
  const { from, to } = openingPeriod();
  const res = await request.delete(`/api/v1/sites/${await siteId(request, code)}/target?from=${from}&to=${to}`);
  expect(res.status()).toBe(204);
}

async function signedIn(page: SupervisorPage['page'], lang: Lang) {
  // The pages open in Vietnamese; English is one switch away.
  const sv = new SupervisorPage(page, 'vi');
  await sv.open();
  if (lang === 'en') {
    await sv.status.switchLanguage('en');
    sv.lang = 'en';
  }
  await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
  await sv.waitForFigures();
  return sv;
}

useDemoData();

test('N typed for a site is stored on the server: the same N and target after a reload and in a new browser context', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signedIn(page, 'vi');
  await clearN(page.request, first.code);
  await page.reload();
  const card = new SampleProgressCard(page, 'vi');
  await card.waitLoaded(first.name);
  await expect(card.field(first.name)).toHaveValue('');

  // 1200 / (1 + 1200 × 0.05²) = 300.
  await card.enterN(first.name, '1200');
  await card.expectSaved(first.code);
  await expect(card.target(first.code)).toHaveText('300');

  await page.reload();
  await card.waitLoaded(first.name);
  await expect(card.field(first.name)).toHaveValue('1200');
  await expect(card.target(first.code)).toHaveText('300');

  // On paper: N as stored (vi-VN digits), the target and the share achieved; no field.
  await page.emulateMedia({ media: 'print' });
  await expect(card.field(first.name)).toBeHidden();
  await expect(card.row(first.code)).toContainText('1.200');
  await expect(card.target(first.code)).toHaveText('300');
  await expect(card.row(first.code)).toContainText('%');
  await page.emulateMedia({ media: 'screen' });

  // Another browser (no shared storage, its own session) reads the server's N.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.setViewportSize({ width: 1280, height: 800 });
  await signedIn(page2, 'vi');
  const card2 = new SampleProgressCard(page2, 'vi');
  await card2.waitLoaded(first.name);
  await expect(card2.field(first.name)).toHaveValue('1200');
  await expect(card2.target(first.code)).toHaveText('300');
  await expect(card2.status(first.code)).toHaveText('Nguyễn Văn Giám');
  await other.close();
});

test('an N the server refuses is said in words and nothing changes; Escape puts back the stored N', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signedIn(page, 'vi');
  const card = new SampleProgressCard(page, 'vi');
  await card.waitLoaded(second.name);
  await card.enterN(second.name, '12,5');
  await expect(card.error).toHaveText(`${second.name}: ${t('problems:400.7', 'vi')}`);
  await expect(card.field(second.name)).toHaveAttribute('aria-invalid', 'true');
  await card.field(second.name).press('Escape');
  await expect(card.error).toHaveCount(0);
  await page.reload();
  await card.waitLoaded(second.name);
  await expect(card.error).toHaveCount(0);
});

test('an N kept in this browser by an earlier version is stored on the server once, then no longer read from the browser', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const sv = new SupervisorPage(page, 'vi');
  await sv.open();
  await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
  await sv.waitForFigures();
  await clearN(page.request, second.code);
  const id = await siteId(page.request, second.code);
  await page.evaluate((key) => localStorage.setItem(key, '400'), `hailong.supervisor.population.${id}`);
  await page.reload();
  const card = new SampleProgressCard(page, 'vi');
  await expect(page.getByText(t('supervisor:sample.moved', 'vi'))).toBeVisible();
  await card.waitLoaded(second.name);
  await expect(card.field(second.name)).toHaveValue('400');
  await expect(card.target(second.code)).toHaveText('200');
  expect(await page.evaluate((key) => localStorage.getItem(key), `hailong.supervisor.population.${id}`)).toBeNull();
  const { from, to } = openingPeriod();
  const stored = (await (await page.request.get(`/api/v1/targets?period=custom&from=${from}&to=${to}&sites=${id}`)).json()) as { targets: { population: number }[] };
  expect(stored.targets.map((x) => x.population)).toEqual([400]);
});

for (const lang of ['vi', 'en'] as const) {
  test(`the sample card at 1280×800 and 800×1280 in ${lang}`, async ({ page }) => {
    // Two full dashboards and an axe pass over one: more than the default budget on a busy machine.
    test.slow();
    await page.setViewportSize({ width: 1280, height: 800 });
    await signedIn(page, lang);
    await clearN(page.request, first.code);
    await page.reload();
    const card = new SampleProgressCard(page, lang);
    await card.waitLoaded(first.name);
    await card.enterN(first.name, '1200');
    await card.expectSaved(first.code);
    await card.status(first.code).scrollIntoViewIfNeeded();
    // axe over the whole dashboard once, with a stored N and its saved state showing (the words differ, not the markup).
    if (lang === 'vi') await expectNoAxeViolations(page, 'the dashboard with a stored N');
    await screenshot(page, `sample-targets-${lang}-1280`, { readme: lang === 'vi' });
    await page.setViewportSize({ width: 800, height: 1280 });
    await card.status(first.code).scrollIntoViewIfNeeded();
    await screenshot(page, `sample-targets-${lang}-800`, { readme: false });
    // The table fits its card at either width: no sideways scroll.
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: width === 1280 ? 800 : 1280 });
      const overflow = await card.table.evaluate((el) => el.parentElement!.scrollWidth - el.parentElement!.clientWidth);
      expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
}
