// A cheap tablet on a slow link: the page shows the app's name (home: its title; the kiosk: its attract card) from the HTML alone,
// before any script arrives, with no stylesheet to wait for, and the first screen then draws without moving what is
// already there; (UPDATE_SCREENSHOTS=1) screenshots of that first paint.
import { expect, test, type Page } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { KioskPage } from './pages/kiosk-page';
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
    await shell.openWithoutScripts('/settings');
    await expect(shell.splash).toHaveText('Hài Lòng');
    await expect(shell.splash).toBeInViewport();
    await expect(shell.blockingStylesheets).toHaveCount(0);
    // The app's own styles are there already (inlined): the page background, not the browser's white.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(245, 247, 246)');

    // Home's HTML is its title under the bar, styled as the app draws it, in Vietnamese.
    await shell.openWithoutScripts('/');
    await expect(shell.splash).toHaveCount(0);
    await expect(shell.homeTitle).toHaveText(t('tablet:home.title'));
    await expect(shell.homeTitle).toBeInViewport();
    await expect(shell.blockingStylesheets).toHaveCount(0);
    expect(await shell.homeTitle.evaluate((h) => getComputedStyle(h).fontWeight)).toBe('700');
    if (SHOTS) await page.screenshot({ path: `docs/screenshots/first-paint-${viewport.width}x${viewport.height}.png` });

    // The kiosk's HTML is its attract card, styled (the kiosk's stylesheet inlined too), in Vietnamese.
    await shell.openWithoutScripts('/kiosk');
    await expect(shell.splash).toHaveCount(0);
    await expect(shell.prerenderedCard.getByRole('heading', { includeHidden: true })).toHaveText(t('kiosk:attract.title'));
    await expect(shell.prerenderedCard.getByText(t('kiosk:attract.start'))).toBeInViewport();
    await expect(shell.blockingStylesheets).toHaveCount(0);
    expect(await shell.prerenderedCard.locator('main').evaluate((m) => getComputedStyle(m).backgroundImage)).toContain('linear-gradient');
  });
}

/** Where each part of the attract card is on screen (the site's name, which only the app knows, left out). */
function attractLayout(page: Page, card: string): Promise<Record<string, { x: number; y: number; width: number; height: number }>> {
  return page.locator(card).evaluate((main) => {
    const parts = ['.attract-greeting', '.attract-title', '.kiosk-lead', '.attract-start', '.attract-faces', '.kiosk-langs', '.kiosk-staff'];
    return Object.fromEntries(
      parts.map((sel) => {
        const r = main.querySelector(sel)!.getBoundingClientRect();
        return [sel, { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) }];
      }),
    );
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
]) {
  test(`the kiosk's card from the HTML is where the app draws it, and the app takes over with nothing moving, ${viewport.width}×${viewport.height}`, async ({ page, baseURL }) => {
    await page.setViewportSize(viewport);
    const shell = new ShellPage(page);
    const kiosk = new KioskPage(page);
    await kiosk.enterFresh();
    const drawn = await attractLayout(page, '[data-screen="attract"]');

    // The same tablet, the HTML alone: the card stands exactly where the app draws it.
    const context = await page.context().browser()!.newContext({ baseURL, viewport, storageState: await page.context().storageState({ indexedDB: true }) });
    const bare = await context.newPage();
    await new ShellPage(bare).openWithoutScripts('/kiosk');
    expect(await attractLayout(bare, '#kiosk-prerendered main')).toEqual(drawn);
    await context.close();

    // A reload on a slow tablet: the card paints first, the app replaces it, and nothing on screen shifts.
    await shell.recordLayoutShifts();
    await shell.slowCpu();
    await page.reload();
    await kiosk.expectScreen('attract');
    await expect(shell.prerenderedCard).toHaveCount(0);
    expect(await shell.layoutShifts()).toEqual([]);
  });
}

test('home draws at once on a slow tablet: nothing on screen moves while the status bar, cards and forms load', async ({ page }) => {
  const shell = new ShellPage(page);
  const home = new HomePage(page);
  await shell.recordLayoutShifts();
  await shell.slowCpu();
  // A new tablet, then the same tablet set up (its start card lists the forms, read and parsed after the first frame).
  await home.open();
  await expect(page.getByRole('button', { name: t('tablet:home.setUp'), exact: true })).toBeVisible();
  expect(await shell.layoutShifts()).toEqual([]);
  await home.openSetUp();
  await page.reload();
  await expect(page.locator('button[data-form-id="sipas-2017"]')).toBeVisible();
  await expect(home.status.waiting).toBeVisible();
  expect(await shell.layoutShifts()).toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
]) {
  test(`home's title from the HTML is the app's own, as large and at the same place across, ${viewport.width}×${viewport.height}`, async ({ page, baseURL }) => {
    await page.setViewportSize(viewport);
    const home = new HomePage(page);
    await home.open();
    // Home settled (a new tablet: its set-up card), so the title measured is the one that stays.
    await expect(page.getByRole('button', { name: t('tablet:home.setUp'), exact: true })).toBeVisible();
    const drawn = await home.heading.boundingBox();

    const context = await page.context().browser()!.newContext({ baseURL, viewport });
    const bare = await context.newPage();
    const shell = new ShellPage(bare);
    await shell.openWithoutScripts('/');
    const prerendered = await shell.homeTitle.boundingBox();
    await context.close();
    // The bar above it grows once the app fills it in (its status is the app's to tell), so only the height differs.
    expect({ x: prerendered?.x, width: prerendered?.width, height: prerendered?.height }).toEqual({ x: drawn?.x, width: drawn?.width, height: drawn?.height });
  });
}

test('on a tablet set to English the entry takes home\'s Vietnamese title down, before the app has loaded', async ({ page }) => {
  const shell = new ShellPage(page);
  await page.goto('/settings');
  await page.evaluate(() => localStorage.setItem('hailong.lang', 'en'));
  // Only the entry runs (its own chunk and the preload helper's); the app's chunks never arrive.
  await page.route(/\/assets\/(?!index-|preload-).*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('.status-bar .brand')).toHaveText('Hài Lòng');
  await expect(shell.homeTitle).toHaveCount(0);
  await expect(page.getByText(t('tablet:home.title'))).toHaveCount(0);
});
