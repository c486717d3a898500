// Unit means, blocks and changes against hand-computed cases: the figures a city report prints must be the ones it means.
import { describe, expect, it } from 'vitest';
import { compareFigures, groupByKind, twoProportionZ, unitMean } from './compare';
import { estimateAt, wilson, Z95 } from './wilson';

describe('unitMean', () => {
  it('averages the units that have a figure, with the lowest and highest (the best-to-worst gap)', () => {
    // (90 + 80 + 70) / 3 = 80; the unit without data is not a zero.
    expect(unitMean([90, 80, null, 70])).toEqual({ value: 80, units: 3, low: 70, high: 90 });
  });
  it('a block with one unit: its mean is that unit, the gap 0', () => {
    expect(unitMean([88.5])).toEqual({ value: 88.5, units: 1, low: 88.5, high: 88.5 });
  });
  it('no unit with data: no figure', () => {
    expect(unitMean([null, null])).toEqual({ value: null, units: 0, low: null, high: null });
    expect(unitMean([])).toEqual({ value: null, units: 0, low: null, high: null });
  });
  it('differs from the pooled figure when units differ in size', () => {
    // Unit A 90/100 = 90%, unit B 10/20 = 50%: unit mean 70%, pooled 100/120 = 83.33%.
    expect(unitMean([wilson(90, 100).value, wilson(10, 20).value]).value).toBeCloseTo(70, 10);
    expect(wilson(100, 120).value).toBeCloseTo(83.333333, 5);
  });
});

describe('groupByKind', () => {
  const order = ['so-nganh', 'quan-huyen', 'xa-phuong'] as const;
  it('keeps the block order, the sites in their order, and leaves empty blocks out', () => {
    const sites = [
      { id: 'q1', kind: 'quan-huyen' as const },
      { id: 's1', kind: 'so-nganh' as const },
      { id: 'q2', kind: 'quan-huyen' as const },
    ];
    expect(groupByKind(sites, order)).toEqual([
      { kind: 'so-nganh', sites: [{ id: 's1', kind: 'so-nganh' }] },
      { kind: 'quan-huyen', sites: [sites[0], sites[2]] },
    ]);
  });
});

describe('twoProportionZ', () => {
  it('matches hand computation', () => {
    // p = 110/200 = 0.55; SE = √(0.55·0.45·(1/100 + 1/100)) = √0.00495 = 0.0703562; z = 0.10 / 0.0703562 = 1.42134
    expect(twoProportionZ(60, 100, 50, 100)).toBeCloseTo(1.42134, 4);
    // p = 165/200 = 0.825; SE = √(0.825·0.175·0.02) = √0.0028875 = 0.0537355; z = 0.15 / 0.0537355 = 2.79145
    expect(twoProportionZ(90, 100, 75, 100)).toBeCloseTo(2.79145, 4);
    expect(twoProportionZ(75, 100, 90, 100)).toBeCloseTo(-2.79145, 4);
  });
  it('n = 0 on a side gives no test; all-or-nothing alike is no difference', () => {
    expect(twoProportionZ(5, 10, 0, 0)).toBeNull();
    expect(twoProportionZ(10, 10, 40, 40)).toBe(0);
    // p = 10/50 = 0.2; SE = √(0.2·0.8·(1/10 + 1/40)) = √0.02; z = 1 / 0.141421 = 7.07107
    expect(twoProportionZ(10, 10, 0, 40)).toBeCloseTo(7.07107, 4);
  });
});

describe('compareFigures', () => {
  it('criteria and shares (k of n): a two-proportion test at 95%', () => {
    const rose = compareFigures(wilson(90, 100), wilson(75, 100));
    expect(rose.test).toBe('two-proportion');
    expect(rose.points).toBeCloseTo(15, 10);
    expect(rose.beyondNoise).toBe(true);
    expect(rose.baseline).toEqual({ n: 100, k: 75, value: 75, low: wilson(75, 100).low, high: wilson(75, 100).high, smallSample: false });
    const noise = compareFigures(wilson(60, 100), wilson(50, 100));
    expect(noise.points).toBeCloseTo(10, 10);
    expect(noise.beyondNoise).toBe(false);
  });
  it('a change exactly at the threshold counts as beyond noise (p ≤ 0.05), just under it does not', () => {
    const z = twoProportionZ(60, 100, 50, 100) as number;
    expect(compareFigures(wilson(60, 100), wilson(50, 100), z).beyondNoise).toBe(true);
    expect(compareFigures(wilson(60, 100), wilson(50, 100), z + 1e-9).beyondNoise).toBe(false);
    // The critical value itself: 1.959964.
    expect(Z95).toBe(1.959964);
  });
  it('indices (no k): whether the 95% intervals overlap; intervals that touch overlap', () => {
    const cur = { n: 400, value: 80, low: 75, high: 85, smallSample: false };
    const touching = compareFigures(cur, { n: 400, value: 70, low: 65, high: 75, smallSample: false });
    expect(touching).toMatchObject({ test: 'intervals', points: 10, beyondNoise: false });
    const apart = compareFigures(cur, { n: 400, value: 70, low: 65, high: 74.99, smallSample: false });
    expect(apart.beyondNoise).toBe(true);
    const fell = compareFigures({ n: 400, value: 60, low: 55, high: 64.99, smallSample: false }, cur);
    expect(fell).toMatchObject({ points: -20, beyondNoise: true });
  });
  it('a baseline with n = 0: no change, no test', () => {
    const share = compareFigures(wilson(40, 50), wilson(0, 0));
    expect(share).toMatchObject({ points: null, beyondNoise: null, test: 'two-proportion', smallSample: true });
    const index = compareFigures(estimateAt(85, 200), estimateAt(null, 0));
    expect(index).toMatchObject({ points: null, beyondNoise: null, test: 'intervals', smallSample: true });
  });
  it('a small sample on either side is said, whatever the test finds', () => {
    const c = compareFigures(wilson(20, 20), wilson(5, 20));
    expect(c.beyondNoise).toBe(true);
    expect(c.smallSample).toBe(true);
    expect(compareFigures(wilson(90, 100), wilson(75, 100)).smallSample).toBe(false);
  });
});
