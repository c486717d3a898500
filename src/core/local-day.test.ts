// Scores and daily samples count by the desk's local day; an off-by-one here moves evening responses to the wrong day.
import { describe, expect, it } from 'vitest';
import { localDateTime, localDay, localDayStart } from './local-day';

describe('localDay', () => {
  it('puts 18:00 UTC on the next day in Hồ Chí Minh City (UTC+7)', () => {
    expect(localDay('2026-11-26T18:00:00Z')).toBe('2026-11-27');
    expect(localDay('2026-11-26T16:59:59.999Z')).toBe('2026-11-26');
    expect(localDay('2026-11-26T17:00:00Z')).toBe('2026-11-27');
  });

  it('reads the instant from the offset the tablet wrote, whatever zone it was in', () => {
    expect(localDay('2026-11-27T00:30:00+07:00')).toBe('2026-11-27');
    expect(localDay('2026-11-26T23:30:00-05:00')).toBe('2026-11-27');
    expect(localDay(new Date(Date.UTC(2026, 11, 31, 17, 0)))).toBe('2027-01-01');
    expect(localDay(Date.UTC(2024, 1, 28, 17, 0))).toBe('2024-02-29');
  });

  it('follows another zone when asked', () => {
    expect(localDay('2026-11-26T18:00:00Z', 'UTC')).toBe('2026-11-26');
    expect(localDay('2026-11-27T03:00:00Z', 'America/New_York')).toBe('2026-11-26');
  });

  it('refuses a bad date or zone with an error, not a wrong day', () => {
    expect(() => localDay('not a date')).toThrow(RangeError);
    expect(() => localDay('2026-11-26T18:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('localDayStart', () => {
  it('begins a Vietnamese day at 17:00 UTC the day before', () => {
    expect(localDayStart('2026-11-27').toISOString()).toBe('2026-11-26T17:00:00.000Z');
    expect(localDayStart('2027-01-01').toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('follows a zone with summer time on either side of its change', () => {
    expect(localDayStart('2026-03-01', 'Europe/Berlin').toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(localDayStart('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(localDay(localDayStart('2026-03-29', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-29');
  });
});

describe('localDateTime', () => {
  it("writes the site's wall clock with its offset, to the second", () => {
    expect(localDateTime('2026-11-26T03:59:00.000Z')).toBe('2026-11-26T10:59:00+07:00');
    // Late UTC evening is already the next day at the desk.
    expect(localDateTime('2026-11-26T18:00:30.400Z', 'Asia/Ho_Chi_Minh')).toBe('2026-11-27T01:00:30+07:00');
  });
  it('handles zones behind UTC and half-hour offsets', () => {
    expect(localDateTime('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(localDateTime('2026-07-01T12:00:00Z', 'Asia/Kolkata')).toBe('2026-07-01T17:30:00+05:30');
  });
  it('parses back to the same instant (seconds)', () => {
    expect(Date.parse(localDateTime('2026-11-26T03:59:07.999Z'))).toBe(Date.parse('2026-11-26T03:59:07Z'));
  });
});
