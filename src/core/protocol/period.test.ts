// Which days a period covers: the range the server answers for is the range the dashboard labels and draws.
import { describe, expect, it } from 'vitest';
import { addDays, baselineRange, daysBetween, isDay, periodRange } from './period';

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

describe('baselineRange', () => {
  it('previous: the day, week or calendar month before; a custom range the same number of days before', () => {
    expect(baselineRange('day', { from: '2026-01-01', to: '2026-01-01' }, 'previous')).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    expect(baselineRange('week', { from: '2026-11-23', to: '2026-11-29' }, 'previous')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(baselineRange('month', { from: '2026-01-01', to: '2026-01-31' }, 'previous')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(baselineRange('month', { from: '2026-03-01', to: '2026-03-31' }, 'previous')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // The last 30 days: the 30 before them.
    expect(baselineRange('custom', { from: '2026-11-03', to: '2026-12-02' }, 'previous')).toEqual({ from: '2026-10-04', to: '2026-11-02' });
  });
  it('year: the same days or month a year earlier, across a year boundary; a week 52 weeks earlier', () => {
    expect(baselineRange('custom', { from: '2026-12-20', to: '2027-01-10' }, 'year')).toEqual({ from: '2025-12-20', to: '2026-01-10' });
    expect(baselineRange('month', { from: '2024-02-01', to: '2024-02-29' }, 'year')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(baselineRange('day', { from: '2024-02-29', to: '2024-02-29' }, 'year')).toEqual({ from: '2023-02-28', to: '2023-02-28' });
    // Monday 2026-11-23 → Monday 2025-11-24.
    expect(baselineRange('week', { from: '2026-11-23', to: '2026-11-29' }, 'year')).toEqual({ from: '2025-11-24', to: '2025-11-30' });
  });
});
