// Waits for the app's service worker: installed, precache filled, and in control of the page.
import type { Page } from '@playwright/test';

/** Resolves once the page is controlled by an activated worker whose precache is complete (the app then works offline). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // ready resolves only after install, i.e. after every precached file was stored.
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    const sw = reg.active!;
    if (sw.state !== 'activated')
      await new Promise<void>((resolve) => sw.addEventListener('statechange', () => sw.state === 'activated' && resolve()));
  });
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
