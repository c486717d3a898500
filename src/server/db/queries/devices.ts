// Enrolled tablets: each holds a bearer token whose SHA-256 is all the server keeps.
import type { Db } from '../index';
import type { Device, NewDevice, Site } from '../schema';

export async function createDevice(db: Db, d: Omit<NewDevice, 'revoked_at'>): Promise<void> {
  await db.k.insertInto('devices').values({ ...d, revoked_at: null }).execute();
}

export type DeviceWithSite = { device: Device; site: Site };

export async function deviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceWithSite | undefined> {
  const device = await db.k.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!device) return undefined;
  const site = await db.k.selectFrom('sites').selectAll().where('id', '=', device.site_id).executeTakeFirst();
  return site && { device, site };
}

/** Whether the device is revoked (its revoked_at), by primary key: read on every request of a cached token. */
export function deviceRevocation(db: Db, id: string): Promise<{ revoked_at: string | null } | undefined> {
  return db.k.selectFrom('devices').select('revoked_at').where('id', '=', id).executeTakeFirst();
}

export function getDevice(db: Db, id: string): Promise<Device | undefined> {
  return db.k.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a device revoked (first revocation time kept); answers the device (its site goes in the audit row), or undefined when there is none. */
export async function revokeDevice(db: Db, id: string, now: Date): Promise<Device | undefined> {
  const device = await getDevice(db, id);
  if (!device) return undefined;
  if (!device.revoked_at) await db.k.updateTable('devices').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  return device;
}

export type DeviceListing = Device & { site_code: string; site_time_zone: string };

export function listDevices(db: Db, siteIds?: readonly string[]): Promise<DeviceListing[]> {
  let q = db.k
    .selectFrom('devices')
    .innerJoin('sites', 'sites.id', 'devices.site_id')
    .selectAll('devices')
    .select(['sites.code as site_code', 'sites.time_zone as site_time_zone'])
    .orderBy('sites.code')
    .orderBy('devices.created_at');
  if (siteIds) {
    if (siteIds.length === 0) return Promise.resolve([]);
    q = q.where('devices.site_id', 'in', siteIds);
  }
  return q.execute();
}

/** id → site of every device, for imports (a hand-carried file names devices that may since be revoked). */
export async function deviceSites(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.k.selectFrom('devices').select(['id', 'site_id']).where('id', 'in', chunk).execute();
    for (const r of rows) out.set(r.id, r.site_id);
  }
  return out;
}

/** When each device was enrolled (ms), every device: a clock that reads earlier than that cannot be right. */
export async function deviceEnrolmentTimes(db: Db): Promise<Map<string, number>> {
  const rows = await db.k.selectFrom('devices').select(['id', 'created_at']).execute();
  return new Map(rows.map((d) => [d.id, Date.parse(d.created_at)]));
}

/** One device as the staff's list shows it, or undefined. */
export function getDeviceListing(db: Db, id: string): Promise<DeviceListing | undefined> {
  return db.k
    .selectFrom('devices')
    .innerJoin('sites', 'sites.id', 'devices.site_id')
    .selectAll('devices')
    .select(['sites.code as site_code', 'sites.time_zone as site_time_zone'])
    .where('devices.id', '=', id)
    .executeTakeFirst();
}

export async function renameDevice(db: Db, id: string, name: string): Promise<void> {
  await db.k.updateTable('devices').set({ name }).where('id', '=', id).execute();
}

/** What a tablet said about itself (its heartbeat), and when it said it. */
export interface DeviceReportRow {
  app_version: string;
  waiting: number;
  oldest_waiting_at: string | null;
  storage_used_bytes: number | null;
  storage_persisted: number | null;
  last_sync_error: string | null;
  clock_skew_ms: number | null;
}

export async function recordDeviceReport(db: Db, id: string, report: DeviceReportRow, now: Date): Promise<void> {
  await db.k
    .updateTable('devices')
    .set({ ...report, reported_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** The tablet called with its token (written at most once a minute per device by the token cache). */
export async function markDeviceSeen(db: Db, id: string, now: Date): Promise<void> {
  await db.k.updateTable('devices').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
}

/** The server answered a batch of the tablet's with verdicts. */
export async function markDeviceSynced(db: Db, id: string, now: Date): Promise<void> {
  await db.k.updateTable('devices').set({ last_sync_at: now.toISOString() }).where('id', '=', id).execute();
}
