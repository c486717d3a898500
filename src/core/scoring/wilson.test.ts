// The Wilson interval printed beside every figure: hand-computed, independently solved and published values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateAt, wilson, Z95 } from './wilson';

/** Independent route: the bounds are the roots of (1 + z²/n)p² − (2p̂ + z²/n)p + p̂² = 0. */
function quadraticRoots(pHat: number, n: number, z = Z95): [number, number] {
  const a = 1 + (z * z) / n;
  const b = -(2 * pHat + (z * z) / n);
  const c = pHat * pHat;
  const d = Math.sqrt(b * b - 4 * a * c);
  return [((-b - d) / (2 * a)) * 100, ((-b + d) / (2 * a)) * 100];
}

describe('wilson', () => {
  it('has no figure at n = 0, and says so without NaN', () => {
    const w = wilson(0, 0);
    expect(w).toEqual({ n: 0, k: 0, value: null, low: null, high: null, smallSample: true });
    expect(JSON.stringify(w)).not.toContain('NaN');
  });

  it('n = 1: one satisfied answer gives 20.65%–100%, one unsatisfied 0%–79.35%', () => {
    const yes = wilson(1, 1);
    expect(yes.value).toBe(100);
    expect(yes.low).toBeCloseTo(20.6549, 4);
    expect(yes.high).toBe(100);
    expect(yes.smallSample).toBe(true);
    const no = wilson(0, 1);
    expect(no.value).toBe(0);
    expect(no.low).toBe(0);
    expect(no.high).toBeCloseTo(79.3451, 4);
  });

  it('n = 30 is no longer a small sample; 29 is', () => {
    expect(wilson(15, 30).smallSample).toBe(false);
    expect(wilson(15, 29).smallSample).toBe(true);
  });

  it.each([
    [15, 30],
    [24, 30],
    [0, 30],
    [30, 30],
    [500, 1000],
    [900, 1000],
    [1, 1000],
  ])('k = %i of n = %i matches the quadratic solution to 4 decimals', (k, n) => {
    const w = wilson(k, n);
    const [low, high] = quadraticRoots(k / n, n);
    expect(w.value).toBeCloseTo((k / n) * 100, 10);
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });

  it('hand-computed: 15 of 30 → 33.15%–66.85%; 500 of 1000 → 46.91%–53.09%', () => {
    expect(wilson(15, 30).low).toBeCloseTo(33.1541, 4);
    expect(wilson(15, 30).high).toBeCloseTo(66.8459, 4);
    expect(wilson(500, 1000).low).toBeCloseTo(46.907, 3);
    expect(wilson(500, 1000).high).toBeCloseTo(53.093, 3);
  });

  // Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (score interval without correction).
  it.each([
    [81, 263, 25.53, 36.62],
    [15, 148, 6.24, 16.05],
    [0, 20, 0, 16.11],
    [1, 29, 0.61, 17.18],
    [29, 29, 88.3, 100],
  ])('published: %i/%i → %f–%f', (k, n, low, high) => {
    const w = wilson(k, n);
    expect(w.low).toBeCloseTo(low, 2);
    expect(w.high).toBeCloseTo(high, 2);
  });

  it('refuses impossible counts', () => {
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
    expect(() => wilson(1.5, 2)).toThrow(RangeError);
  });

  it('property: 0 ≤ low ≤ value ≤ high ≤ 100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const w = wilson(k, n);
          return 0 <= w.low! && w.low! <= w.value! && w.value! <= w.high! && w.high! <= 100;
        },
      ),
    );
  });
});

describe('estimateAt', () => {
  it('evaluates the score interval at a weighted mean, which it then contains', () => {
    const e = estimateAt(54.1667, 4);
    const [low, high] = quadraticRoots(0.541667, 4);
    expect(e.low).toBeCloseTo(low, 4);
    expect(e.high).toBeCloseTo(high, 4);
    expect(e.smallSample).toBe(true);
  });

  it('gives no interval without a value', () => {
    expect(estimateAt(null, 0)).toEqual({ n: 0, value: null, low: null, high: null, smallSample: true });
  });

  it('property: any value in 0–100 lies inside its interval', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (v, n) => {
        const e = estimateAt(v, n);
        return e.low! <= v + 1e-9 && v - 1e-9 <= e.high!;
      }),
    );
  });
});
