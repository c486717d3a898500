// Retry spacing after failures: exponential (2^n s, capped at 5 min) with full jitter, so tablets never retry in step.

/** The wait before the next attempt after `failures` failures in a row (failures ≥ 1). */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures, 1), 30));
  return Math.floor(random() * ceiling);
}
