// The tablet fleet end to end: an enrolled tablet lists the site's enumerators, checks an enumerator's PIN offline,
// and after a sync the server's device list shows what the tablet reported (last sync, app version, nothing waiting).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EnumeratorPinPad } from './pages/enumerator-pin-page';
import { EnrolmentModel, SyncStatusModel } from './pages/sync-page';
import { expectNoAxeViolations } from './support/axe';
import { waitForServiceWorker } from './support/service-worker';
import { t } from './support/strings';
import { SyncHook } from './support/sync-hook';
import { SyncServer, uniqueTag } from './support/sync-server';
import { deviceIdOf, enrolTablet } from './support/sync-tablet';

const server = SyncServer.shared();
interface ListedDevice {
  id: string;
  lastSyncAt: string | null;
  appVersion: string | null;
  waiting: number | null;
  oldestWaitingAt: string | null;
  lastSyncError: string | null;
}

const APP_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

test('an enrolled tablet shows both enumerators, refuses a wrong PIN offline and takes the right one; the device list then shows its sync', async ({ page, context }) => {
  const tag = uniqueTag();
  // The second enumerator has a PIN; the first has none.
  const site = await server.createSite(tag, [null, '2468']);
  const [plain, withPin] = site.enumerators;
  const enrolment = new EnrolmentModel(page);
  await enrolment.open();
  await enrolment.enrol(await server.enrolmentCode(site.code));
  await enrolment.expectEnrolled(site.name);
  const choice = enrolment.card.getByTestId('enumerator-choice');
  await expect(choice.getByRole('radio')).toHaveCount(2);
  await expect(choice.getByRole('radio', { name: plain })).toBeVisible();
  await expect(choice.getByRole('radio', { name: withPin })).toBeVisible();

  // Offline: the PIN is checked on the tablet against the hash the server sent at enrolment (the pad's code comes
  // from the precache, so the service worker must be in control first, as on a tablet used before).
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const pad = new EnumeratorPinPad(page);
  let dialog = await pad.open(enrolment.card, withPin);
  await pad.enter(dialog, '1357');
  await pad.expectWrong(dialog);
  await expectNoAxeViolations(page, "an enumerator's PIN pad over settings, after a wrong PIN");
  await dialog.getByRole('button', { name: t('kiosk:pin.cancel') }).click();
  await expect(dialog).toBeHidden();
  await expect(choice.getByRole('radio', { name: withPin })).not.toBeChecked();
  await expect(enrolment.card.getByTestId('enumerator-chosen')).toHaveText('');

  dialog = await pad.open(enrolment.card, withPin);
  await pad.enter(dialog, '2468');
  await expect(dialog).toBeHidden();
  await expect(choice.getByRole('radio', { name: withPin })).toBeChecked();
  await expect(enrolment.card.getByTestId('enumerator-chosen')).toHaveText(t('sync:enrol.chosen', 'vi', { name: withPin }));

  // Back online, one interview by that enumerator, and a sync.
  await context.setOffline(false);
  await page.goto('/');
  const hook = await SyncHook.install(page);
  const status = new SyncStatusModel(page);
  const [id] = await hook.record(1, { formId: 'sipas-2017' });
  await status.sendNow();
  await status.expectWaiting(0);
  await expect(status.lastSync).toContainText('Gửi thành công lần cuối');
  expect(server.storedIds(site.id)).toEqual([id]);
  expect(server.storedRows(site.id).map((r) => (JSON.parse(r.payload) as { enumeratorId: string }).enumeratorId)).toHaveLength(1);

  const admin = await server.createAdmin(tag);
  const deviceId = await deviceIdOf(page);
  const listed = async () => {
    const r = await admin.get('/api/v1/devices');
    expect(r.ok()).toBe(true);
    return ((await r.json()) as { devices: ListedDevice[] }).devices.find((d) => d.id === deviceId);
  };
  // The report after the upload says the queue is empty.
  await expect.poll(async () => (await listed())?.waiting).toBe(0);
  const device = await listed();
  expect(device?.lastSyncAt).toBeTruthy();
  expect(device?.appVersion).toBe(APP_VERSION);
  await admin.dispose();
});

test('a tablet whose uploads fail still reports what waits, then the failure, through its heartbeat', async ({ page }) => {
  const tablet = await enrolTablet(page, server);
  const admin = await server.createAdmin(tablet.tag);
  const listed = async (): Promise<ListedDevice | undefined> => {
    const r = await admin.get('/api/v1/devices');
    return ((await r.json()) as { devices: ListedDevice[] }).devices.find((d) => d.id === tablet.deviceId);
  };
  // The uploads never reach the server; the heartbeat does.
  await page.route('**/api/v1/submissions', (route) => route.abort('failed'));
  await tablet.hook.record(3);
  await tablet.status.expectWaiting(3);
  await expect(tablet.status.error).not.toHaveText('');
  await expect.poll(async () => (await listed())?.waiting).toBe(3);
  expect((await listed())?.oldestWaitingAt).toBeTruthy();
  expect((await listed())?.lastSyncAt).toBeNull();

  // The next run's report names the failure the last one met.
  await tablet.status.sendNow();
  await expect.poll(async () => (await listed())?.lastSyncError).toBe('network');

  await page.unroute('**/api/v1/submissions');
  await tablet.status.sendNow();
  await tablet.status.expectWaiting(0);
  await expect.poll(async () => (await listed())?.waiting).toBe(0);
  expect(await listed()).toMatchObject({ lastSyncError: null, oldestWaitingAt: null, lastSyncAt: expect.any(String) });
  await admin.dispose();
});
