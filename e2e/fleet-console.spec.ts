// Issue 9's tablet acceptance through the console itself: after a sync the tablet's card shows its last sync, its app
// version and nothing waiting, as the tablet reported them; revoked from the console, the tablet says so and keeps
// what it records afterwards.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AdminPage } from './pages/admin-page';
import { t } from './support/strings';
import { SyncServer } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';

const server = SyncServer.shared();
const APP_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const TABLET = 'Máy quầy số 1';

test("the console shows a tablet's sync as the tablet reported it; revoked there, the tablet says so and keeps its queue", async ({ page, browser }) => {
  const tablet = await enrolTablet(page, server);
  const sent = await tablet.hook.record(2);
  await tablet.status.expectWaiting(0);
  expect(server.storedIds(tablet.site.id)).toEqual([...sent].sort());

  // The admin works from another browser, as an IT officer at the province would.
  const api = await server.createAdmin(tablet.tag);
  await api.dispose();
  const staff = await browser.newContext();
  const ad = new AdminPage(await staff.newPage(), 'vi');
  await ad.open();
  await ad.signIn(`admin-${tablet.tag}`, 'admin-pass-123');
  await ad.go('tablets');
  await ad.showTabletsOf(`${tablet.site.name} (${tablet.site.code})`);
  // The report sent after the upload says the queue is empty; the card reads it on a refresh.
  await expect
    .poll(async () => {
      await ad.refreshTablets();
      return ad.tabletFact(TABLET, 'waiting').textContent();
    })
    .toBe(ad.s('tablets.nothingWaiting'));
  await expect(ad.tabletFact(TABLET, 'sync')).toContainText(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  await expect(ad.tabletFact(TABLET, 'version')).toContainText(APP_VERSION);

  await ad.revokeTablet(TABLET);
  await staff.close();

  // The tablet's next sync hears it: it says so in plain words and keeps what it recorded since.
  const kept = await tablet.hook.record(2);
  await expect(tablet.status.error).toContainText(t('problems:401.2', 'vi'));
  await tablet.status.expectWaiting(2);
  expect(server.storedIds(tablet.site.id)).toEqual([...sent].sort());
  expect(kept).toHaveLength(2);
});
