// The time bounds a response must keep: each one named, and the edges exactly where they are documented.
import { describe, expect, it } from 'vitest';
import { implausibleTime } from './plausible-times';

const now = Date.parse('2026-12-02T10:00:00Z');
const ok: { startedAt: string; completedAt: string; durationMs: Record<string, number> } = { startedAt: '2026-12-02T09:50:00+07:00', completedAt: '2026-12-02T10:00:00+07:00', durationMs: { s1: 60_000 } };
const field = (r: Partial<typeof ok>) => implausibleTime({ ...ok, ...r }, now)?.path ?? null;

describe('implausibleTime', () => {
  it('accepts an ordinary interview', () => {
    expect(implausibleTime(ok, now)).toBeNull();
  });

  it('refuses the dates that broke the scores: year 9999 with a -23:59 offset, year 0000, 2100', () => {
    expect(field({ completedAt: '9999-12-31T23:59:59.999-23:59' })).toBe('completedAt');
    expect(field({ startedAt: '0000-01-01T00:00:00Z', completedAt: '0000-01-01T00:10:00Z' })).toBe('completedAt');
    expect(field({ completedAt: '2100-01-01T00:00:00+07:00' })).toBe('completedAt');
  });

  it('allows a tablet clock up to a day ahead of the server, not more', () => {
    expect(field({ completedAt: '2026-12-03T10:00:00Z' })).toBeNull();
    expect(field({ completedAt: '2026-12-03T10:00:00.001Z' })).toBe('completedAt');
  });

  it('refuses completion before 2015 and a start more than 7 days before completion', () => {
    expect(field({ startedAt: '2014-12-31T23:00:00Z', completedAt: '2014-12-31T23:59:59Z' })).toBe('completedAt');
    expect(field({ startedAt: '2026-11-25T10:00:00+07:00' })).toBeNull();
    expect(field({ startedAt: '2026-11-25T09:59:59+07:00' })).toBe('startedAt');
  });

  it('refuses offsets beyond ±14:00 on either stamp', () => {
    expect(field({ startedAt: '2026-12-02T09:50:00+14:00', completedAt: '2026-12-02T10:00:00+14:00' })).toBeNull();
    expect(field({ startedAt: '2026-12-02T09:50:00+14:01' })).toBe('startedAt');
  });

  it('refuses more than 24 hours on one section, naming it', () => {
    expect(field({ durationMs: { s1: 86_400_000 } })).toBeNull();
    expect(field({ durationMs: { s1: 1, s2: 2 ** 54 } })).toBe('durationMs.s2');
  });
});
