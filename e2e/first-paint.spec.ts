// A cheap tablet on a slow link: the page shows the app's name from the HTML alone, before any script arrives,
// with no stylesheet to wait for; (UPDATE_SCREENSHOTS=1) screenshots of that first paint.
import { expect, test } from '@playwright/test';
import { ShellPage } from './pages/shell-page';

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
