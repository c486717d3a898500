// The 95% Wilson score interval: every published figure carries one, because it stays sane at n = 0, 1 and 100%.

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959964;

/** Figures from fewer valid answers than this are shown flagged as a small sample (reference/sipas.md). */
export const SMALL_SAMPLE_BELOW = 30;

/**
 * A figure on the percent scale 0–100 with its sample size and interval. With n = 0 there is no
 * figure at all: value, low and high are null (never NaN), so JSON and SQL carry it unchanged.
 */
export interface Estimate {
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
  smallSample: boolean;
}

/** A proportion k of n, as a percent, with its Wilson interval. */
export interface Proportion extends Estimate {
  k: number;
}

function clampPercent(x: number): number {
  return Math.min(100, Math.max(0, x));
}

/**
 * Wilson bounds for an observed share p (0–1) over n trials. p need not be k/n for an integer k:
 * element and overall figures are weighted means, and evaluating the score interval at their own value
 * keeps that value inside its interval (the Wilson interval always contains p̂).
 */
function bounds(p: number, n: number, z: number): { low: number; high: number } {
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At p = 0 or 1 one bound is exactly 0 or 1; floating point would otherwise give 0.9999999….
  const low = p <= 0 ? 0 : centre - half;
  const high = p >= 1 ? 1 : centre + half;
  return { low: clampPercent(low * 100), high: clampPercent(high * 100) };
}

function assertCount(name: string, x: number): void {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${name} must be a non-negative integer, got ${x}`);
}

/** The Wilson interval for k successes out of n, on the percent scale. */
export function wilson(k: number, n: number, z: number = Z95): Proportion {
  assertCount('n', n);
  assertCount('k', k);
  if (k > n) throw new RangeError(`k (${k}) must not exceed n (${n})`);
  if (n === 0) return { n, k, value: null, low: null, high: null, smallSample: true };
  const p = k / n;
  return { n, k, value: clampPercent(p * 100), ...bounds(p, n, z), smallSample: n < SMALL_SAMPLE_BELOW };
}

/**
 * A figure whose value (percent, 0–100) is not a plain k/n, such as a weighted mean of criterion
 * indices, with the Wilson interval evaluated at that value for an effective sample size n.
 * value null or n = 0 gives no interval.
 */
export function estimateAt(value: number | null, n: number, z: number = Z95): Estimate {
  assertCount('n', n);
  if (value === null || n === 0) return { n, value, low: null, high: null, smallSample: n < SMALL_SAMPLE_BELOW };
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new RangeError(`value must be within 0–100, got ${value}`);
  return { n, value, ...bounds(value / 100, n, z), smallSample: n < SMALL_SAMPLE_BELOW };
}
