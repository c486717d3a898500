// The hand-rolled UTC formatter must write exactly what Date#toISOString writes, or stored timestamps would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoUtc } from './iso-utc';

// A little before year 0000 (where toISOString switches to ±YYYYYY); Date.UTC would read year 0 as 1900.
const MIN = new Date(0).setUTCFullYear(0, 0, 1) - 3 * 86_400_000;
const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 3 * 86_400_000;

describe('isoUtc', () => {
  it('agrees with toISOString over years 0000–9999 and just beyond', () => {
    fc.assert(fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
      expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
    }), { numRuns: 20_000 });
  });

  it('agrees at the edges: epoch, leap days, century years, ends of days', () => {
    const edges = [0, -1, 1, Date.UTC(2000, 1, 29), Date.UTC(1900, 1, 28, 23, 59, 59, 999), Date.UTC(2100, 2, 1), Date.UTC(2024, 1, 29, 12), Date.UTC(1970, 0, 1, 23, 59, 59, 999), MIN, MAX];
    for (const ms of edges) for (const d of [-1, 0, 1]) expect(isoUtc(ms + d)).toBe(new Date(ms + d).toISOString());
  });
});
