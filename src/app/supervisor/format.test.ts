// How the dashboard writes figures and dates: what a supervisor reads and types.
import { describe, expect, it } from 'vitest';
import { formatDmy, parseDmy } from './DateField';
import { interval, pct } from './format';

describe('figures', () => {
  it('writes percentages the Vietnamese way in vi and the English way in en', () => {
    expect(pct(90.15, 'vi')).toBe('90,15%');
    expect(pct(90.15, 'en')).toBe('90.15%');
    expect(pct(null, 'vi')).toBe('—');
    expect(interval({ low: 88.61, high: 91.44 }, 'vi')).toBe('88,6–91,4%');
    expect(interval({ low: null, high: null }, 'en')).toBe('—');
  });
});

describe('dates typed as dd/mm/yyyy', () => {
  it('reads day/month/year and refuses dates that do not exist', () => {
    expect(parseDmy('27/11/2026')).toBe('2026-11-27');
    expect(parseDmy(' 1/2/2026 ')).toBe('2026-02-01');
    expect(parseDmy('1-2-2026')).toBe('2026-02-01');
    expect(parseDmy('30/02/2026')).toBeNull();
    expect(parseDmy('2026-11-27')).toBeNull();
    expect(parseDmy('')).toBeNull();
    expect(formatDmy('2026-11-27')).toBe('27/11/2026');
  });
});
