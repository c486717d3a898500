// The SIPAS sample target n = N / (1 + N·e²), so supervisors can see how far each site is from enough interviews.

const DEFAULT_MARGIN = 0.05;

/**
 * Target sample size for N transactions in the period at margin of error e (Yamane's formula, as the
 * SIPAS guidance uses it), rounded up. N = 0 needs no interviews.
 */
export function targetSampleSize(population: number, margin: number = DEFAULT_MARGIN): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError(`N must be a non-negative integer, got ${population}`);
  if (!(margin > 0 && margin < 1)) throw new RangeError(`e must be between 0 and 1, got ${margin}`);
  const exact = population / (1 + population * margin * margin);
  // e² is not exact in binary (0.05² = 0.0025000000000000005), so an exact integer like 200 can come out
  // as 199.99999999999997 or 200.00000000000003; round away that noise before rounding up.
  return Math.min(population, Math.ceil(Math.round(exact * 1e6) / 1e6));
}

export interface SampleProgress {
  population: number;
  margin: number;
  target: number;
  collected: number;
  remaining: number;
  /** collected ÷ target × 100, capped at 100 for a progress bar; 100 when the target is 0. */
  percent: number;
  /** collected ÷ target × 100 as it is (250 for a sample 2.5 times the target), as reports state it; null when the target is 0. */
  achieved: number | null;
  reached: boolean;
}

/** How far a site is from its target, given N (entered by the supervisor) and the responses collected. */
export function sampleProgress(collected: number, population: number, margin: number = DEFAULT_MARGIN): SampleProgress {
  if (!Number.isInteger(collected) || collected < 0) throw new RangeError(`collected must be a non-negative integer, got ${collected}`);
  const target = targetSampleSize(population, margin);
  return {
    population,
    margin,
    target,
    collected,
    remaining: Math.max(0, target - collected),
    percent: target === 0 ? 100 : Math.min(100, (collected / target) * 100),
    achieved: target === 0 ? null : (collected / target) * 100,
    reached: collected >= target,
  };
}
