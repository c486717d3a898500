// Tablets as /api/v1 writes them: enrolment with a one-time code, a device's view of itself, the staff's list.
import * as z from 'zod/mini';
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
  /**
   * The enumerator's PIN as "pbkdf2-sha256$<iterations>$<salt>$<hash>" (the tablet's own PIN format), checked on the
   * tablet offline; null when choosing them asks for no PIN. Absent from servers older than this field.
   */
  pinHash?: string | null;
  /**
   * True when the enumerator has a PIN the tablet cannot check (an older server-side format): the tablet refuses to
   * pick them until a supervisor sets the PIN again. Absent (false) otherwise and from older servers.
   */
  pinResetNeeded?: boolean;
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

/**
 * What a tablet says about itself with each sync (POST /api/v1/device/heartbeat, sent before the uploads, and
 * alone when nothing waits), so the console's tablet list is true without anyone visiting the desk.
 */
export interface DeviceReport {
  appVersion: string;
  /** Responses and refusals in the tablet's queues, not yet accepted by the server. */
  waiting: number;
  /** When the oldest of them was completed or recorded (ISO), or null when none waits. */
  oldestWaitingAt: string | null;
  /** navigator.storage.estimate(): bytes used, or null when the browser does not say. */
  storageUsedBytes: number | null;
  /** navigator.storage.persisted(), or null when the browser does not say. */
  storagePersisted: boolean | null;
  /** The last sync's failure as the tablet saw it (a problem code such as "401.2", or "network"), null after a success. */
  lastSyncError: string | null;
  /** The tablet's clock as it sent this (ISO with offset); absent from tablets older than this field. */
  clockAt?: string;
}

/** The heartbeat body as the server reads it: every field required (null when unknown), each within sane bounds. */
export const DeviceReportSchema = z.object({
  appVersion: z.string().check(z.minLength(1), z.maxLength(32)),
  waiting: z.int().check(z.minimum(0), z.maximum(10_000_000)),
  oldestWaitingAt: z.nullable(z.iso.datetime({ offset: true })),
  storageUsedBytes: z.nullable(z.number().check(z.minimum(0), z.maximum(1e15))),
  storagePersisted: z.nullable(z.boolean()),
  lastSyncError: z.nullable(z.string().check(z.minLength(1), z.maxLength(32))),
  clockAt: z.optional(z.iso.datetime({ offset: true })),
});

/** What the console flags on a tablet (thresholds in core/fleet/device-flags.ts). */
export const DEVICE_FLAGS = ['silent', 'backlog', 'stale-queue', 'not-persisted', 'old-version', 'clock'] as const;
export type DeviceFlag = (typeof DEVICE_FLAGS)[number];

export interface DeviceJson {
  id: string;
  siteId: string;
  siteCode: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  /** The last request the tablet made with its token (to the minute: written at most once a minute). */
  lastSeenAt: string | null;
  /** The last POST /api/v1/submissions the server answered with verdicts (to the minute, likewise). */
  lastSyncAt: string | null;
  /** From the tablet's last report: null until it has sent one. */
  appVersion: string | null;
  waiting: number | null;
  oldestWaitingAt: string | null;
  storageUsedBytes: number | null;
  storagePersisted: boolean | null;
  lastSyncError: string | null;
  /** The tablet's clock minus the server's at its last report, in ms (positive: the tablet is ahead); null if unknown. */
  clockSkewMs: number | null;
  flags: DeviceFlag[];
}

/** GET /api/v1/devices: the tablets of the caller's sites, with the app version the server serves. */
export interface DevicesAnswer {
  devices: DeviceJson[];
  currentAppVersion: string;
}

/** PATCH /api/v1/devices/:id */
export interface DevicePatch {
  name: string;
}

/** POST /api/v1/enrolment-codes */
export interface EnrolmentCodeBody {
  siteId: string;
}

/** POST /api/v1/enrolment-codes (201): a code a tablet of the site types within 24 h, shown this once. */
export interface EnrolmentCodeJson {
  /** Names the code in the list and in DELETE /api/v1/enrolment-codes/:id (the code itself is stored hashed). */
  id: string;
  code: string;
  siteId: string;
  expiresAt: string;
}

/** An unused, unexpired code as GET /api/v1/enrolment-codes lists it: the code itself is never shown again. */
export interface PendingEnrolmentCodeJson {
  id: string;
  siteId: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface EnrolmentCodesQuery {
  siteId?: string;
}

export interface EnrolmentCodesAnswer {
  codes: PendingEnrolmentCodeJson[];
}
