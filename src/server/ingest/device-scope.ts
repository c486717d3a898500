// What a tablet may submit, as plain data: built on the main thread from its token, rebuilt as a Scope wherever the batch is prepared.
import { rejection } from '../../core/protocol/problems';
import type { DeviceWithSite } from '../db/queries/devices';
import { enumeratorRejection, type EnumeratorDirectory, type SiteEnumerators } from './enumerators';
import type { Scope } from './prepare';

/** The caller's device and site: all a device scope needs, and cheap to send to an ingest worker. */
export interface DeviceScopeData {
  deviceId: string;
  siteId: string;
  siteCode: string;
  timeZone: string;
  /** Every enumerator as the site sees them: who may be named as the interviewer. */
  enumerators: SiteEnumerators;
}

export function deviceScopeData({ device, site }: DeviceWithSite, directory: EnumeratorDirectory): DeviceScopeData {
  return { deviceId: device.id, siteId: site.id, siteCode: site.code, timeZone: site.time_zone, enumerators: directory.forSite(site.id) };
}

/** A device submits for its own site, as itself and with an active enumerator of the site, nothing else. */
export function deviceScope(d: DeviceScopeData): Scope {
  return {
    check: (r) => {
      if (r.siteId !== d.siteId) return rejection.deviceOfOtherSite({ siteCode: d.siteCode, siteId: d.siteId, got: r.siteId });
      if (r.deviceId !== d.deviceId) return rejection.otherDevice({ named: r.deviceId, sender: d.deviceId });
      return r.enumeratorId === null ? null : enumeratorRejection(r.enumeratorId, d.siteId, d.enumerators.get(r.enumeratorId));
    },
    timeZoneOf: () => d.timeZone,
  };
}
