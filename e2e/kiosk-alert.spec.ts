// Kiosk alerts end to end (issue 11): four unhappy ratings in a few minutes on an enrolled tablet raise an alert on
// the supervisor's dashboard at its next poll, which is acknowledged with a comment; axe finds nothing on the dashboard.
import { expect, test } from '@playwright/test';
import { KioskPage, TEST_PIN } from './pages/kiosk-page';
import { SupervisorPage } from './pages/supervisor-page';
import { expectNoAxeViolations } from './support/axe';
import { screenshot } from './support/screenshots';
import { SyncServer } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';

test('4 unhappy kiosk ratings in 10 minutes on a tablet raise an alert on the dashboard, which is acknowledged with a comment', async ({ page, browser }) => {
  const server = SyncServer.shared();
  const tablet = await enrolTablet(page, server);

  // The supervisor's dashboard is open before the ratings: the alert must come with a poll, not a reload.
  const svContext = await browser.newContext();
  const svPage = await svContext.newPage();
  // The poll's 30 s are passed with the page clock, never waited for.
  await svPage.clock.install();
  const sv = new SupervisorPage(svPage, 'vi');
  await sv.open();
  await sv.signIn(`gsv-${tablet.tag}`, 'supervisor-pass');
  await expect(sv.dashboard).toBeVisible();
  const alerts = svPage.getByTestId('sv-alerts');
  await expect(alerts).toHaveCount(0);

  // Ten seconds between people on the tablet's clock: none is flagged as misuse (5 s), all within the window.
  await page.clock.install();
  const kiosk = new KioskPage(page);
  await kiosk.enterFromHome(TEST_PIN, { firstTime: true });
  for (let i = 0; i < 4; i++) {
    await kiosk.start();
    await kiosk.rate(1);
    await kiosk.skip();
    await kiosk.done();
    await page.clock.runFor(10_000);
  }
  const entries = await kiosk.waitForOutbox(4);
  expect(entries.filter((e) => e.response.flags.includes('kiosk-misuse'))).toEqual([]);
  await expect.poll(() => server.storedIds(tablet.site.id).length, { timeout: 30_000 }).toBe(4);

  await svPage.clock.runFor(30_000);
  const alert = alerts.getByTestId('sv-alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText(tablet.site.name);
  await expect(alert).toContainText(sv.s('alerts.window', { unhappy: 4, ratings: 4, minutes: 15, threshold: 50 }));
  await expect(alert.getByTestId('sv-alert-state')).toContainText(/^Đang mở từ /);
  await expectNoAxeViolations(svPage, 'the dashboard with an alert');
  await alert.scrollIntoViewIfNeeded();
  await screenshot(svPage, 'kiosk-alert');

  await alert.getByLabel(sv.s('alerts.comment')).fill('Đã mở thêm quầy số 2');
  await alert.getByRole('button', { name: sv.s('alerts.acknowledge') }).click();
  await expect(alert.getByTestId('sv-alert-acknowledged')).toContainText(`Giám sát ${tablet.tag}`);
  await expect(alert.getByTestId('sv-alert-acknowledged')).toContainText('Đã mở thêm quầy số 2');
  await expectNoAxeViolations(svPage, 'the dashboard with an acknowledged alert');
  await svContext.close();
});
