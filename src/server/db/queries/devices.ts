// Enrolled tablets: each holds a bearer token whose SHA-256 is all the server keeps.
import type { Db } from '../index';
import type { Device, Site } from '../schema';

export async function createDevice(db: Db, d: Omit<Device, 'revoked_at'>): Promise<void> {
  await db.k.insertInto('devices').values({ ...d, revoked_at: null }).execute();
}

export type DeviceWithSite = { device: Device; site: Site };

export async function deviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceWithSite | undefined> {
  const row = await db.k
    .selectFrom('devices')
    .innerJoin('sites', 'sites.id', 'devices.site_id')
    .select([
      'devices.id as d_id',
      'devices.site_id as d_site_id',
      'devices.name as d_name',
      'devices.token_hash as d_token_hash',
      'devices.created_at as d_created_at',
      'devices.revoked_at as d_revoked_at',
      'sites.id as s_id',
      'sites.code as s_code',
      'sites.name as s_name',
      'sites.kind as s_kind',
      'sites.time_zone as s_time_zone',
      'sites.created_at as s_created_at',
    ])
    .where('devices.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    device: { id: row.d_id, site_id: row.d_site_id, name: row.d_name, token_hash: row.d_token_hash, created_at: row.d_created_at, revoked_at: row.d_revoked_at },
    site: { id: row.s_id, code: row.s_code, name: row.s_name, kind: row.s_kind, time_zone: row.s_time_zone, created_at: row.s_created_at },
  };
}

export function getDevice(db: Db, id: string): Promise<Device | undefined> {
  return db.k.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a device revoked (first revocation time kept); false when there is no such device. */
export async function revokeDevice(db: Db, id: string, now: Date): Promise<boolean> {
  const device = await getDevice(db, id);
  if (!device) return false;
  if (!device.revoked_at) await db.k.updateTable('devices').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  return true;
}

export type DeviceListing = Omit<Device, 'token_hash'> & { site_code: string };

export function listDevices(db: Db, siteIds?: readonly string[]): Promise<DeviceListing[]> {
  let q = db.k
    .selectFrom('devices')
    .innerJoin('sites', 'sites.id', 'devices.site_id')
    .select(['devices.id', 'devices.site_id', 'devices.name', 'devices.created_at', 'devices.revoked_at', 'sites.code as site_code'])
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
