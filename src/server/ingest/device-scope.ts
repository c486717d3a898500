// What a tablet may submit, as plain data: built on the main thread from its token, rebuilt as a Scope wherever the batch is prepared.
import type { DeviceWithSite } from '../db/queries/devices';
import type { Scope } from './prepare';

/** The caller's device and site: all a device scope needs, and cheap to send to an ingest worker. */
export interface DeviceScopeData {
  deviceId: string;
  siteId: string;
  siteCode: string;
  timeZone: string;
}

export function deviceScopeData({ device, site }: DeviceWithSite): DeviceScopeData {
  return { deviceId: device.id, siteId: site.id, siteCode: site.code, timeZone: site.time_zone };
}

/** A device submits for its own site and as itself, nothing else. */
export function deviceScope(d: DeviceScopeData): Scope {
  return {
    check: (r) => {
      if (r.siteId !== d.siteId) return { code: '403.1', field: 'siteId', reason: `siteId: this device belongs to site ${d.siteCode} (${d.siteId}), not ${r.siteId}` };
      if (r.deviceId !== d.deviceId) return { code: '403.1', field: 'deviceId', reason: `deviceId: the response names device ${r.deviceId}, but was sent by ${d.deviceId}` };
      return null;
    },
    timeZoneOf: () => d.timeZone,
  };
}
