// Unit means, blocks of sites and changes against a baseline period: the sentences a city report makes, computed purely.
import { Z95, type Estimate } from './wilson';

/** A figure to compare: an estimate, with k when it is a plain k of n (a criterion, a kiosk share). */
type Comparable = Estimate & { k?: number };

/**
 * A change from a baseline figure to the current one. `points` is current − baseline in percentage points.
 * `test` says how noise was judged: a two-proportion z-test at 95% when both sides are a plain k of n; for
 * indices (weighted means, no k) whether the two 95% intervals overlap, a coarser and more cautious check.
 * `beyondNoise` is null when either side has no figure (or, for indices, no interval).
 */
export interface Change {
  baseline: Comparable;
  points: number | null;
  test: 'two-proportion' | 'intervals';
  beyondNoise: boolean | null;
  /** Either side is a small sample: the change must not be read without saying so. */
  smallSample: boolean;
}

/**
 * The z statistic of the pooled two-proportion test, (p1 − p2) / √(p(1−p)(1/n1 + 1/n2)). null when a side has
 * n = 0; 0 when both sides are 0% or both 100% (no variance, no difference).
 */
export function twoProportionZ(k1: number, n1: number, k2: number, n2: number): number | null {
  if (n1 === 0 || n2 === 0) return null;
  const p = (k1 + k2) / (n1 + n2);
  const diff = k1 / n1 - k2 / n2;
  const variance = p * (1 - p) * (1 / n1 + 1 / n2);
  // Zero variance means both sides are all 0% or all 100%: no difference.
  if (variance === 0) return 0;
  return diff / Math.sqrt(variance);
}

/** Compares a current figure with its baseline. A |z| exactly at the critical value counts as beyond noise (p ≤ 0.05). */
export function compareFigures(current: Comparable, baseline: Comparable, z: number = Z95): Change {
  const points = current.value === null || baseline.value === null ? null : current.value - baseline.value;
  const smallSample = current.smallSample || baseline.smallSample;
  const base: Comparable = { n: baseline.n, value: baseline.value, low: baseline.low, high: baseline.high, smallSample: baseline.smallSample };
  if (baseline.k !== undefined) base.k = baseline.k;
  if (current.k !== undefined && baseline.k !== undefined) {
    const stat = twoProportionZ(current.k, current.n, baseline.k, baseline.n);
    return { baseline: base, points, test: 'two-proportion', beyondNoise: stat === null ? null : Math.abs(stat) >= z, smallSample };
  }
  const bounded = current.low !== null && current.high !== null && baseline.low !== null && baseline.high !== null;
  // Intervals that touch share a point: that is overlap, so not beyond noise.
  const apart = bounded && ((current.low as number) > (baseline.high as number) || (current.high as number) < (baseline.low as number));
  return { baseline: base, points, test: 'intervals', beyondNoise: bounded ? apart : null, smallSample };
}

/**
 * The mean of units' overall indices (how city reports average their agencies), with the lowest and highest unit:
 * high − low is the best-to-worst gap. Units without a figure (no valid answer in the period) are left out.
 */
export interface UnitMean {
  value: number | null;
  units: number;
  low: number | null;
  high: number | null;
}

export function unitMean(values: readonly (number | null)[]): UnitMean {
  const scored = values.filter((v): v is number => v !== null);
  if (scored.length === 0) return { value: null, units: 0, low: null, high: null };
  const sum = scored.reduce((s, v) => s + v, 0);
  return { value: sum / scored.length, units: scored.length, low: Math.min(...scored), high: Math.max(...scored) };
}

/** Sites grouped into blocks by kind, blocks in the order given (the usual sở/ngành, quận/huyện, xã/phường), empty ones left out. */
export function groupByKind<K extends string, S extends { id: string; kind: K }>(sites: readonly S[], order: readonly K[]): { kind: K; sites: S[] }[] {
  return order.map((kind) => ({ kind, sites: sites.filter((s) => s.kind === kind) })).filter((b) => b.sites.length > 0);
}
