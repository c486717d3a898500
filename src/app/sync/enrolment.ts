// Enrolment with the endpoint: trade a one-time code for a device token, learn the site, its enumerators and forms.
import { parseForm, toIsoWithOffset } from '../../core';
import type { EnumeratorJson } from '../../core/protocol/devices';
import { ApiError } from '../api/api-error';
import { tabletApi } from '../api/tablet';
import { storeFetchedForms } from '../forms/forms';
import { db } from '../store/db';
import { guardedWrite } from '../store/errors';
import { getSetting, setSetting, type DeviceSetup } from '../store/settings';
import type { CachedForm } from '../store/types';
import { getEnrolmentInfo, putEnrolmentInfo, readTuning, type EnrolmentInfo } from './sync-settings';
import { fleetCode, sendNow } from './start';

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Enrols the tablet: the token and site replace any manual set-up in one transaction (and clear a "revoked"
 * state); then the enumerator list and the published forms are fetched, and waiting responses are sent.
 */
export async function enrolDevice(code: string, deviceName: string): Promise<void> {
  const { timeoutMs } = await readTuning();
  const a = await tabletApi.call('POST /api/v1/devices', { body: { code: code.trim(), name: deviceName.trim() }, timeoutMs });
  if (!isText(a.deviceId) || !isText(a.token) || !isText(a.site?.id)) throw new ApiError({ kind: 'bad-answer', status: 201 });
  const prev = await getSetting('device');
  // A manual set-up's enumerator is kept until someone picks from the site's list, so a tablet is never left without one.
  const keepEnumerator = prev && !prev.token ? { enumeratorId: prev.enumeratorId, enumeratorName: prev.enumeratorName } : { enumeratorId: '', enumeratorName: '' };
  const device: DeviceSetup = {
    deviceId: a.deviceId,
    siteId: a.site.id,
    siteName: a.site.name,
    ...keepEnumerator,
    token: a.token,
    enrolledAt: toIsoWithOffset(),
  };
  const info: EnrolmentInfo = { deviceId: a.deviceId, deviceName: deviceName.trim(), site: a.site, enumerators: [] };
  await guardedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: 'device', value: device });
      await db.settings.put({ key: 'enrolment', value: info });
      await db.settings.delete('lastSyncError');
    }),
  );
  // The token is stored and the tablet enrolled: what follows may fail on a bad network, and is retried by
  // the card's "Update" button or the next start.
  await refreshFromServer().catch(() => {});
  sendNow();
}

/** Fetches the device's site and enumerators, then the published forms (kept for offline use). */
export async function refreshFromServer(): Promise<void> {
  const device = await getSetting('device');
  if (!device?.token) return;
  const { timeoutMs } = await readTuning();
  const answer = await tabletApi.call('GET /api/v1/device', { token: device.token, timeoutMs });
  // Loaded when needed: start.ts imports this module on every screen, the kiosk's included.
  await (await fleetCode()).storeDeviceAnswer(answer, device);
  const formsCount = await refreshForms(device.token, timeoutMs);
  const info = await getEnrolmentInfo();
  if (info) await putEnrolmentInfo({ ...info, formsFetchedAt: new Date().toISOString(), formCount: formsCount });
}

async function refreshForms(token: string, timeoutMs: number): Promise<number> {
  const answer = await tabletApi.call('GET /api/v1/forms', { token, timeoutMs });
  const fetchedAt = new Date().toISOString();
  const rows: CachedForm[] = [];
  // What a server sends is read as unknown: an older tablet meets newer forms.
  for (const raw of Array.isArray(answer.forms) ? (answer.forms as unknown[]) : []) {
    // A form this version of the app cannot read is skipped, never half-kept.
    const parsed = parseForm(raw);
    if (parsed.ok) rows.push({ key: `${parsed.form.id}@${parsed.form.version}`, id: parsed.form.id, version: parsed.form.version, definition: raw, fetchedAt });
  }
  // The list is what this site is offered now: a version no longer in it is kept for its drafts, offered no more.
  if (Array.isArray(answer.forms)) await guardedWrite(() => storeFetchedForms(rows));
  return rows.length;
}

/** Refreshes at start when the last refresh is older than maxAgeMs (enumerators and forms change rarely). */
export async function refreshIfStale(maxAgeMs = 6 * 3600_000): Promise<void> {
  const info = await getEnrolmentInfo();
  const device = await getSetting('device');
  if (!device?.token || !info) return;
  const last = Date.parse(info.formsFetchedAt ?? '') || 0;
  if (Date.now() - last < maxAgeMs) return;
  await refreshFromServer().catch(() => {});
}

/** The enumerator picks themselves from the site's list; later interviews carry their server id. */
export async function chooseEnumerator(e: EnumeratorJson): Promise<void> {
  const device = await getSetting('device');
  if (!device) return;
  await setSetting('device', { ...device, enumeratorId: e.id, enumeratorName: e.displayName });
}
