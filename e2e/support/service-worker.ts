// Waits for the app's service worker: installed, precache filled, and in control of the page.
import type { Page } from '@playwright/test';

/**
 * Resolves once the page is controlled by an activated worker whose precache is complete (the app then works offline).
 * A document created while the worker was activating is neither fetched through it nor reached by its
 * clients.claim(), and stays uncontrolled until it loads again (as a tablet's next visit would): then it is reloaded
 * once, and must be controlled after that.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  const controlled = await page.evaluate(async () => {
    // ready resolves only after install, i.e. after every precached file was stored.
    const reg = await navigator.serviceWorker.ready;
    const sw = reg.active!;
    if (sw.state !== 'activated')
      await new Promise<void>((resolve) => sw.addEventListener('statechange', () => sw.state === 'activated' && resolve()));
    return navigator.serviceWorker.controller !== null;
  });
  if (controlled) return;
  await page.reload();
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) throw new Error('the page is not controlled by the active service worker, even after loading it again');
}

/** Asks the browser to look for a new service worker now, as the app does on a timer. */
export async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
}

/** True once a newer worker has installed and waits to take over. */
export function hasWaitingWorker(page: Page): Promise<boolean> {
  return page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
}
