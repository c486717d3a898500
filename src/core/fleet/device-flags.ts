// Which tablets need someone's attention, judged the same way by the server's list, the CLI and the console.
import type { DeviceFlag } from '../protocol/devices';

const DAY_MS = 86_400_000;
/** A tablet that has not called for this long is flagged silent. */
export const SILENT_DAYS = 3;
/** This many responses waiting on one tablet is a backlog. */
export const BACKLOG_WAITING = 50;
/** The oldest waiting response this old means the queue is stuck, whatever its size. */
export const STALE_QUEUE_DAYS = 2;
/** A tablet clock this far from the server's, either way, is flagged: its responses' times and days are off by as much. */
export const CLOCK_SKEW_MINUTES = 10;

export interface DeviceHealth {
  revokedAt: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  appVersion: string | null;
  waiting: number | null;
  oldestWaitingAt: string | null;
  storagePersisted: boolean | null;
  clockSkewMs: number | null;
}

/** "0.12.3" < "0.13.0", numerically part by part; a version that is not dotted numbers is never called behind. */
export function versionBehind(version: string, current: string): boolean {
  const parse = (v: string) => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : null);
  const a = parse(version);
  const b = parse(current);
  if (!a || !b) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/** The flags of one tablet at `nowMs`; a revoked tablet has none (nobody should chase it). */
export function deviceFlags(d: DeviceHealth, nowMs: number, currentAppVersion: string): DeviceFlag[] {
  if (d.revokedAt) return [];
  const flags: DeviceFlag[] = [];
  const seen = Date.parse(d.lastSeenAt ?? d.createdAt);
  if (nowMs - seen >= SILENT_DAYS * DAY_MS) flags.push('silent');
  if ((d.waiting ?? 0) >= BACKLOG_WAITING) flags.push('backlog');
  if (d.oldestWaitingAt && nowMs - Date.parse(d.oldestWaitingAt) >= STALE_QUEUE_DAYS * DAY_MS) flags.push('stale-queue');
  if (d.storagePersisted === false) flags.push('not-persisted');
  if (d.appVersion && versionBehind(d.appVersion, currentAppVersion)) flags.push('old-version');
  if (d.clockSkewMs !== null && Math.abs(d.clockSkewMs) >= CLOCK_SKEW_MINUTES * 60_000) flags.push('clock');
  return flags;
}
