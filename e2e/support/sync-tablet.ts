// One enrolled tablet for a sync test: a fresh site on the server, enrolment through the settings card, the store hook.
import { expect, type Page } from '@playwright/test';
import { readStore } from './idb';
import { EnrolmentModel, SyncStatusModel } from '../pages/sync-page';
import { SyncHook } from './sync-hook';
import { uniqueTag, type SyncServer, type TestSite } from './sync-server';

export interface Tablet {
  site: TestSite;
  tag: string;
  deviceId: string;
  hook: SyncHook;
  status: SyncStatusModel;
  enrolment: EnrolmentModel;
}

export async function deviceIdOf(page: Page): Promise<string> {
  const rows = await readStore<{ key: string; value: { deviceId?: string } }>(page, 'settings');
  const id = rows.find((r) => r.key === 'device')?.value.deviceId;
  if (!id) throw new Error('the tablet has no device id');
  return id;
}

/**
 * Enrols the page's tablet with a one-time code for a new site (or for the given one, as a second tablet of it), picks
 * the first enumerator, and ends on the home screen.
 */
export async function enrolTablet(page: Page, server: SyncServer, existing?: { site: TestSite; tag: string }): Promise<Tablet> {
  const tag = existing?.tag ?? uniqueTag();
  const site = existing?.site ?? (await server.createSite(tag));
  const code = await server.enrolmentCode(site.code);
  const enrolment = new EnrolmentModel(page);
  await enrolment.open();
  await enrolment.enrol(code);
  await enrolment.expectEnrolled(site.name);
  await enrolment.chooseEnumerator(site.enumerators[0]);
  await page.goto('/');
  const hook = await SyncHook.install(page);
  const status = new SyncStatusModel(page);
  await expect(status.sendNowButton).toBeVisible();
  return { site, tag, deviceId: await deviceIdOf(page), hook, status, enrolment };
}
