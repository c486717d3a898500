// Tablets as /api/v1 writes them: enrolment with a one-time code, a device's view of itself, the staff's list.
import type { SiteJson } from './sites';

/** POST /api/v1/devices */
export interface EnrolBody {
  code: string;
  name: string;
}

/** POST /api/v1/devices (201): the token is shown this once. */
export interface EnrolAnswer {
  deviceId: string;
  token: string;
  site: SiteJson;
}

export interface EnumeratorJson {
  id: string;
  displayName: string;
}

/** A procedure the site's interviews name often (code, the name given last, how many interviews). */
interface KnownProcedureJson {
  code: string;
  name: string;
  uses: number;
}

/** GET /api/v1/device: the calling device, its site, the site's enumerators and its most used procedures. */
export interface DeviceAnswer {
  device: { id: string; name: string };
  site: SiteJson;
  enumerators: EnumeratorJson[];
  /** Absent from servers older than this field: a tablet reads it as unknown. */
  procedures?: KnownProcedureJson[];
}

interface DeviceJson {
  id: string;
  siteId: string;
  siteCode: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** GET /api/v1/devices */
export interface DevicesAnswer {
  devices: DeviceJson[];
}

/** POST /api/v1/enrolment-codes */
export interface EnrolmentCodeBody {
  siteId: string;
}

/** POST /api/v1/enrolment-codes (201): a code a tablet of the site types within 24 h. */
export interface EnrolmentCodeJson {
  code: string;
  siteId: string;
  expiresAt: string;
}
