// The sample target the dashboard measures each site against.
import { describe, expect, it } from 'vitest';
import { sampleProgress, targetSampleSize } from './sample-size';

describe('targetSampleSize', () => {
  it('N = 1000 at e = 0.05 needs 286 (285.7 rounded up)', () => {
    expect(targetSampleSize(1000)).toBe(286);
  });
  it('exact cases are not pushed up by floating point: N = 400 → 200, N = 1200 → 300', () => {
    expect(targetSampleSize(400)).toBe(200);
    expect(targetSampleSize(1200)).toBe(300);
  });
  it('small and large N: 0 → 0, 1 → 1, 100 → 80, 1,000,000 → 400', () => {
    expect(targetSampleSize(0)).toBe(0);
    expect(targetSampleSize(1)).toBe(1);
    expect(targetSampleSize(100)).toBe(80);
    expect(targetSampleSize(1_000_000)).toBe(400);
  });
  it('a tighter margin needs more: N = 1000 at e = 0.03 → 527', () => {
    expect(targetSampleSize(1000, 0.03)).toBe(527);
  });
  it('refuses a negative N or a margin outside (0, 1)', () => {
    expect(() => targetSampleSize(-1)).toThrow(RangeError);
    expect(() => targetSampleSize(100, 0)).toThrow(RangeError);
  });
});

describe('sampleProgress', () => {
  it('reports what is left and a capped percentage', () => {
    expect(sampleProgress(143, 1000)).toEqual({
      population: 1000,
      margin: 0.05,
      target: 286,
      collected: 143,
      remaining: 143,
      percent: 50,
      achieved: 50,
      reached: false,
    });
    const over = sampleProgress(715, 1000);
    expect(over.percent).toBe(100);
    expect(over.achieved).toBe(250);
    expect(over.remaining).toBe(0);
    expect(over.reached).toBe(true);
  });
  it('N = 0 needs nothing: reached, with no percentage of a target to state', () => {
    expect(sampleProgress(5, 0)).toMatchObject({ target: 0, percent: 100, achieved: null, reached: true });
  });
});
