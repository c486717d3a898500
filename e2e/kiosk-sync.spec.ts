// A rating given with no network at all waits in the outbox, and reaches the server once the tablet is back online.
import { expect, test } from '@playwright/test';
import { KioskPage, TEST_PIN } from './pages/kiosk-page';
import { SyncServer } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';
import { waitForServiceWorker } from './support/service-worker';

test('a whole rating with follow-up done offline lands in the outbox and, once online, on the server', async ({ page, context }) => {
  const server = SyncServer.shared();
  const tablet = await enrolTablet(page, server);
  await waitForServiceWorker(page);
  const kiosk = new KioskPage(page);
  await kiosk.enterFromHome(TEST_PIN, { firstTime: true });

  // No network for the page or its service worker; a reload proves the kiosk runs from the precache alone.
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await kiosk.expectScreen('attract');

  await kiosk.start();
  await kiosk.rate(1);
  await kiosk.reason('trips').click();
  await kiosk.comment.fill('Tôi phải đến ba lần mới xong');
  await kiosk.send();
  await kiosk.done();
  const [entry] = await kiosk.waitForOutbox(1);
  expect(entry.state).toBe('queued');
  expect(entry.response.answers).toEqual({ overall: 1, reasons: ['trips'], comment: 'Tôi phải đến ba lần mới xong' });
  expect(server.storedIds(tablet.site.id)).toEqual([]);

  // Back online: the uploader wakes on its own; the response leaves the queue only once the server has it.
  await context.unroute('**/*');
  await context.setOffline(false);
  await expect.poll(async () => (await kiosk.kioskOutbox())[0].state, { timeout: 30_000 }).toBe('sent');
  const rows = server.storedRows(tablet.site.id);
  expect(rows.map((r) => r.id)).toEqual([entry.id]);
  const stored = JSON.parse(rows[0].payload) as { mode: string; answers: unknown; flags: unknown };
  expect(stored).toMatchObject({ mode: 'kiosk', answers: entry.response.answers, flags: [] });
  // The kiosk never left its screen for any of this.
  await kiosk.expectScreen('attract');
});
