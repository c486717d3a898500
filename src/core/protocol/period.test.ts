// Which days a period covers: the range the server answers for is the range the dashboard labels and draws.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isDay, periodRange } from './period';

describe('periods', () => {
  it('a week runs Monday to Sunday around the day, a month is its calendar month', () => {
    expect(periodRange('day', '2026-11-26', '')).toEqual({ from: '2026-11-26', to: '2026-11-26' });
    expect(periodRange('week', '2026-11-26', '')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodRange('week', '2026-11-29', '')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodRange('month', '2026-02-14', '')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('custom', '2026-11-01', '2026-10-01')).toEqual({ from: '2026-11-01', to: '2026-11-01' });
  });

  it('counts and steps days across months and leap years, and knows which days exist', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-1')).toBe(false);
  });
});
