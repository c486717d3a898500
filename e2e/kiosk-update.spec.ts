// A new release reaches a kiosk only between people: never mid-rating, and on the attract screen by itself.
import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { DeployServer } from './support/deploy';
import { E2E_PORT } from './support/env';
import { checkForUpdate, hasWaitingWorker, waitForServiceWorker } from './support/service-worker';

// A server of this file's own (beside the run's port): the release deployed here reaches no other spec.
const PORT = E2E_PORT + 402;
let server: DeployServer;

test.beforeAll(async () => {
  server = await DeployServer.start(PORT);
});

test.afterAll(async () => {
  await server?.stop();
});

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test('a release deployed mid-rating waits for the thank-you, then the attract screen takes it without asking anyone', async ({ page }) => {
  test.setTimeout(240_000);
  const kiosk = new KioskPage(page);
  const unloadPrompts: string[] = [];
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') unloadPrompts.push(d.message());
  });
  await kiosk.enterFresh();
  await waitForServiceWorker(page);
  await kiosk.start();
  await kiosk.rate(1);
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const sameDocument = () => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

  const { restore } = await server.deployRelease();
  try {
    await checkForUpdate(page);
    await expect.poll(() => hasWaitingWorker(page), { timeout: 60_000 }).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('data-update-available', 'true');

    // The person goes on undisturbed.
    await kiosk.reason('fees').click();
    await kiosk.comment.fill('Không rõ mức phí');
    expect(await sameDocument()).toBe(true);
    await kiosk.send();
    expect(await sameDocument()).toBe(true);

    // Back on the attract screen the new version is put in place: a reload, with no "leave page?" question.
    await Promise.all([page.waitForEvent('load'), kiosk.done().catch(() => {})]);
    await kiosk.expectScreen('attract');
    await expect.poll(sameDocument).toBe(false);
    expect(unloadPrompts).toEqual([]);
    await expect(page.locator('html')).not.toHaveAttribute('data-update-available', 'true');
    const [entry] = await kiosk.waitForOutbox(1);
    expect(entry.response.answers).toEqual({ overall: 1, reasons: ['fees'], comment: 'Không rõ mức phí' });
  } finally {
    restore();
  }
});
