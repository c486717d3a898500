// Refusals end to end (issue 11 item 4): an enumerator's "no" to consent is recorded on the tablet, syncs, and the
// supervisor's dashboard counts it in the site's response rate; the card and the dashboard part in both languages.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { SupervisorPage } from './pages/supervisor-page';
import { expectNoAxeViolations } from './support/axe';
import { readStore } from './support/idb';
import { screenshot, SCREEN_SIZES } from './support/screenshots';
import { t } from './support/strings';
import { SyncServer } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';

test('a "no" to consent is recorded as a refusal, syncs once, and the dashboard shows 1 refusal and the response rate of the site', async ({ page, browser }) => {
  const server = SyncServer.shared();
  const tablet = await enrolTablet(page, server);
  // One interview of the same enumerator, queued as the interview screen queues it.
  const [interviewId] = await tablet.hook.record(1, { formId: 'sipas-2017' });

  const home = new HomePage(page);
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('2.000001');
  await interview.answerEligibility({ adult: true, receivedResult: true, agreed: false });
  await expect(interview.ineligibleCard).toContainText(t('interview:ineligible.agreed'));
  await expect(interview.ineligibleCard.getByRole('button')).toHaveText([t('interview:ineligible.record'), t('interview:ineligible.discard')]);
  await expectNoAxeViolations(page, 'the ineligible card');
  for (const lang of ['vi', 'en'] as const) {
    if (lang === 'en') await home.status.switchLanguage('en');
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      // The step's buttons stay at the foot of the screen: the card is read scrolled to the end, above them.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      // The README shows the landscape Vietnamese ones; the others are rendered for a look.
      await screenshot(page, `refusal-card-${size.width}x${size.height}-${lang}`, { readme: size.width === 1280 && lang === 'vi' });
    }
  }
  await home.status.switchLanguage('vi');
  await page.setViewportSize(SCREEN_SIZES[0]);

  await interview.recordRefusal();
  await expect(home.heading).toBeVisible();
  expect(await readStore(page, 'drafts')).toHaveLength(0);
  await expect.poll(() => server.storedRefusals(tablet.site.id).length, { timeout: 30_000 }).toBe(1);
  await expect.poll(() => server.storedIds(tablet.site.id), { timeout: 30_000 }).toEqual([interviewId]);
  const [stored] = server.storedRefusals(tablet.site.id);
  expect(stored.reason).toBe('declined');
  await expect.poll(async () => (await readStore<{ state: string }>(page, 'refusals')).map((e) => e.state)).toEqual(['sent']);

  const svContext = await browser.newContext();
  const svPage = await svContext.newPage();
  const sv = new SupervisorPage(svPage, 'vi');
  await sv.open();
  await sv.signIn(`gsv-${tablet.tag}`, 'supervisor-pass');
  await sv.waitForFigures();
  const row = sv.rateSiteRow(tablet.site.code);
  await expect(row.locator('td')).toHaveText(['1', '1', '50%']);
  await expect(sv.rateEnumeratorRows).toHaveCount(1);
  await expect(sv.rateEnumeratorRows.first()).toContainText(tablet.site.enumerators[0]);
  await expect(sv.rateEnumeratorRows.first().locator('td')).toHaveText([tablet.site.code, '1', '1', '50%']);
  await expect(sv.rateCard.getByTestId('rate-total')).toContainText(sv.s('rate.reason_declined'));
  // A refusal is never a response: the tiles count the one interview.
  await expect(sv.responsesCount).toContainText('1');
  await expectNoAxeViolations(svPage, 'the dashboard with the response rate');
  for (const lang of ['vi', 'en'] as const) {
    if (lang === 'en') {
      await sv.status.switchLanguage('en');
      sv.lang = 'en';
      await expect(sv.rateCard.getByRole('heading', { name: sv.s('rate.title') })).toBeVisible();
    }
    for (const size of SCREEN_SIZES) {
      await svPage.setViewportSize(size);
      // Fits without sideways scroll.
      expect(await svPage.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await sv.rateCard.scrollIntoViewIfNeeded();
      await screenshot(svPage, `response-rate-${size.width}x${size.height}-${lang}`, { readme: size.width === 1280 });
    }
  }
  await svContext.close();
});
