// A cheap tablet on a slow link: the page shows the app's name from the HTML alone, before any script arrives,
// with no stylesheet to wait for, and the first screen then draws without moving what is already there;
// (UPDATE_SCREENSHOTS=1) screenshots of that first paint.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { ShellPage } from './pages/shell-page';
import { t } from './support/strings';

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1';

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
]) {
  test(`the first paint needs no script and no stylesheet, ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const shell = new ShellPage(page);
    for (const path of ['/', '/kiosk']) {
      await shell.openWithoutScripts(path);
      await expect(shell.splash).toHaveText('Hài Lòng');
      await expect(shell.splash).toBeInViewport();
      await expect(shell.blockingStylesheets).toHaveCount(0);
      // The app's own styles are there already (inlined): the page background, not the browser's white.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(245, 247, 246)');
    }
    if (SHOTS) await page.screenshot({ path: `docs/screenshots/first-paint-${viewport.width}x${viewport.height}.png` });
  });
}

test('home draws at once on a slow tablet: nothing on screen moves while the status bar, cards and forms load', async ({ page }) => {
  const shell = new ShellPage(page);
  const home = new HomePage(page);
  await shell.recordLayoutShifts();
  await shell.slowCpu();
  // A new tablet, then the same tablet set up (its start card lists the forms, read and parsed after the first frame).
  await home.open();
  await expect(page.getByRole('button', { name: t('home.setUp'), exact: true })).toBeVisible();
  expect(await shell.layoutShifts()).toEqual([]);
  await home.openSetUp();
  await page.reload();
  await expect(page.locator('button[data-form-id="sipas-2017"]')).toBeVisible();
  await expect(home.status.waiting).toBeVisible();
  expect(await shell.layoutShifts()).toEqual([]);
});
