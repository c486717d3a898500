// Figures must read the way a Vietnamese report writes them ("90,15%") and dates on the desk's own clock.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, intlLocale } from './format';

describe('formatPercent / formatNumber', () => {
  it('writes percentages with a decimal comma in Vietnamese and a point in English', () => {
    expect(formatPercent(90.15, 'vi')).toBe('90,15%');
    expect(formatPercent(90.15, 'en')).toBe('90.15%');
    expect(formatPercent(100, 'vi')).toBe('100%');
    expect(formatPercent(89.955, 'vi')).toBe('89,96%');
    expect(formatPercent(91.3, 'vi-VN')).toBe('91,3%');
    expect(formatPercent(85.4812, 'en', 1)).toBe('85.5%');
  });

  it('groups thousands with a point in Vietnamese and a comma in English', () => {
    expect(formatNumber(132229, 'vi')).toBe('132.229');
    expect(formatNumber(132229, 'en')).toBe('132,229');
    expect(formatNumber(1234.567, 'vi')).toBe('1.234,57');
    expect(formatNumber(2.456, 'en', 1)).toBe('2.5');
  });

  it('maps app languages to their regional conventions', () => {
    expect(intlLocale('vi')).toBe('vi-VN');
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('en-US')).toBe('en-GB');
    expect(intlLocale('fr-FR')).toBe('fr-FR');
  });
});

describe('formatDate / formatDateTime', () => {
  const evening = '2026-11-26T18:00:00Z'; // 01:00 on the 27th in Hồ Chí Minh City

  it('shows day/month/year on the site clock, not UTC', () => {
    expect(formatDate(evening, 'vi')).toBe('27/11/2026');
    expect(formatDate(evening, 'en')).toBe('27/11/2026');
    expect(formatDate(evening, 'en', 'UTC')).toBe('26/11/2026');
    expect(formatDate(new Date(evening), 'vi')).toBe('27/11/2026');
  });

  it('shows a 24-hour time in each language’s order', () => {
    expect(formatDateTime(evening, 'vi')).toBe('01:00 27/11/2026');
    expect(formatDateTime(evening, 'en')).toBe('27/11/2026, 01:00');
    expect(formatDateTime('2026-11-26T15:30:00+07:00', 'vi')).toBe('15:30 26/11/2026');
  });

  it('refuses a value that is not a date instead of printing "Invalid Date"', () => {
    expect(() => formatDateTime('yesterday', 'vi')).toThrow(RangeError);
  });
});
