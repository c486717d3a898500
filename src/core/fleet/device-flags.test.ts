// The flags a supervisor acts on: each fires at its threshold and not a moment before, and a revoked tablet has none.
import { describe, expect, it } from 'vitest';
import { BACKLOG_WAITING, CLOCK_SKEW_MINUTES, deviceFlags, SILENT_DAYS, STALE_QUEUE_DAYS, versionBehind, type DeviceHealth } from './device-flags';

const DAY = 86_400_000;
const now = Date.parse('2026-12-02T08:00:00Z');
const at = (msAgo: number) => new Date(now - msAgo).toISOString();
const healthy: DeviceHealth = {
  revokedAt: null,
  createdAt: at(30 * DAY),
  lastSeenAt: at(60_000),
  appVersion: '0.1.0',
  waiting: 0,
  oldestWaitingAt: null,
  storagePersisted: true,
  clockSkewMs: 1_200,
};

describe('device flags', () => {
  it('has none for a tablet that synced a minute ago with nothing waiting', () => {
    expect(deviceFlags(healthy, now, '0.1.0')).toEqual([]);
  });

  it('calls a tablet silent from the third day without a call, counting from enrolment when it never called', () => {
    expect(deviceFlags({ ...healthy, lastSeenAt: at(SILENT_DAYS * DAY - 1) }, now, '0.1.0')).toEqual([]);
    expect(deviceFlags({ ...healthy, lastSeenAt: at(SILENT_DAYS * DAY) }, now, '0.1.0')).toEqual(['silent']);
    expect(deviceFlags({ ...healthy, lastSeenAt: null, createdAt: at(4 * DAY) }, now, '0.1.0')).toEqual(['silent']);
  });

  it('flags a backlog, a stale queue, storage that may be evicted and an old app', () => {
    const d = { ...healthy, waiting: BACKLOG_WAITING, oldestWaitingAt: at(STALE_QUEUE_DAYS * DAY), storagePersisted: false, appVersion: '0.0.9' };
    expect(deviceFlags(d, now, '0.1.0')).toEqual(['backlog', 'stale-queue', 'not-persisted', 'old-version']);
    expect(deviceFlags({ ...d, waiting: BACKLOG_WAITING - 1, oldestWaitingAt: at(STALE_QUEUE_DAYS * DAY - 1), storagePersisted: null, appVersion: '0.1.0' }, now, '0.1.0')).toEqual([]);
  });

  it('flags a clock 10 minutes or more off, ahead or behind; an unknown clock is no flag', () => {
    const off = CLOCK_SKEW_MINUTES * 60_000;
    expect(deviceFlags({ ...healthy, clockSkewMs: off - 1 }, now, '0.1.0')).toEqual([]);
    expect(deviceFlags({ ...healthy, clockSkewMs: off }, now, '0.1.0')).toEqual(['clock']);
    expect(deviceFlags({ ...healthy, clockSkewMs: -3 * 3_600_000 }, now, '0.1.0')).toEqual(['clock']);
    expect(deviceFlags({ ...healthy, clockSkewMs: null }, now, '0.1.0')).toEqual([]);
  });

  it('has no flag for a revoked tablet', () => {
    expect(deviceFlags({ ...healthy, revokedAt: at(DAY), lastSeenAt: at(10 * DAY) }, now, '0.1.0')).toEqual([]);
  });

  it('compares versions part by part as numbers', () => {
    expect(versionBehind('0.9.0', '0.10.0')).toBe(true);
    expect(versionBehind('0.10.0', '0.9.0')).toBe(false);
    expect(versionBehind('1.0', '1.0.0')).toBe(false);
    expect(versionBehind('dev', '1.0.0')).toBe(false);
  });
});
