// A release deployed during an interview never reloads it; the update is offered, and applied, on the home screen.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { readStore, type StoredDraft } from './support/idb';
import { DeployServer } from './support/deploy';
import { E2E_PORT } from './support/env';
import { checkForUpdate, hasWaitingWorker, waitForServiceWorker } from './support/service-worker';

// A server of this file's own (beside the run's port): the releases deployed here reach no other spec.
const PORT = E2E_PORT + 403;
let server: DeployServer;

test.beforeAll(async () => {
  server = await DeployServer.start(PORT);
});

test.afterAll(async () => {
  await server?.stop();
});

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test('a new build deployed while an interview is open does not reload the page; the update is applied from home', async ({ page }) => {
  test.setTimeout(240_000);
  const home = new HomePage(page);
  await home.openSetUp();
  await waitForServiceWorker(page);

  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('1.001234', 'Cấp giấy phép xây dựng');
  await interview.confirmEligibleAndStart();
  await interview.rate('E1.1', 4);
  // Survives only as long as this very page does: a reload of any kind wipes it.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const sameDocument = () => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

  const { buildId, restore } = await server.deployRelease();
  try {
    await checkForUpdate(page);
    await expect.poll(() => hasWaitingWorker(page), { timeout: 30_000 }).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('data-update-available', 'true');

    // The interview goes on as if nothing happened: same page, same answers, no update prompt here.
    expect(await sameDocument()).toBe(true);
    await expect(interview.likertOption('E1.1', 4)).toBeChecked();
    await expect(home.updateButton).toHaveCount(0);
    await interview.rate('E1.2', 5);
    await interview.waitUntilSaved();
    expect(await sameDocument()).toBe(true);

    // Home is the safe place: the offer shows there, and taking it reloads into the new build.
    await interview.pause();
    await expect(home.updateButton).toBeVisible();
    expect(await sameDocument()).toBe(true);
    await Promise.all([page.waitForEvent('load'), home.updateButton.click()]);
    await expect(home.heading).toBeVisible();
    expect(await sameDocument()).toBe(false);

    const settings = await home.openSettings();
    await expect(settings.version).toContainText(buildId);
    const [draft] = await readStore<StoredDraft>(page, 'drafts');
    expect(draft.answers).toEqual({ 'E1.1': 4, 'E1.2': 5 });
  } finally {
    restore();
  }
});

test('an update applied from home in another tab still waits for the interview in this tab to reach home', async ({ page, context }) => {
  test.setTimeout(240_000);
  const home = new HomePage(page);
  await home.openSetUp();
  await waitForServiceWorker(page);
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('1.001234');
  await interview.confirmEligibleAndStart();
  await interview.rate('E1.1', 2);
  await page.evaluate(() => {
    Object.assign(window, { __sameDocument: true, __newWorker: false });
    navigator.serviceWorker.addEventListener('controllerchange', () => Object.assign(window, { __newWorker: true }));
  });
  const sameDocument = () => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

  const otherTab = await context.newPage();
  const otherHome = new HomePage(otherTab);
  await otherHome.open();

  const { buildId, restore } = await server.deployRelease();
  try {
    await checkForUpdate(otherTab);
    await expect(otherHome.updateButton).toBeVisible({ timeout: 30_000 });
    await Promise.all([otherTab.waitForEvent('load'), otherHome.updateButton.click()]);
    await expect(otherHome.heading).toBeVisible();

    // The new worker now controls both tabs; the one in the interview is left alone.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __newWorker: boolean }).__newWorker)).toBe(true);
    await interview.rate('E1.2', 5);
    await interview.waitUntilSaved();
    expect(await sameDocument()).toBe(true);
    await expect(interview.likertOption('E1.1', 2)).toBeChecked();

    // Pausing to home is the safe point: the page reloads into the new build there.
    await Promise.all([page.waitForEvent('load'), interview.pause()]);
    await expect(home.heading).toBeVisible();
    expect(await sameDocument()).toBe(false);
    const settings = await home.openSettings();
    await expect(settings.version).toContainText(buildId);
  } finally {
    restore();
  }
});
