// Whether a site's window of kiosk ratings is at or beyond its alert rule: pure, so the thresholds are unit-tested here.
import type { AlertRule } from '../protocol/alerts';

/** The counted (not misuse-flagged) ratings in the window and the unhappy ones among them. */
export interface WindowCounts {
  ratings: number;
  unhappy: number;
}

/**
 * True when the unhappy share reaches the threshold (≥, in whole counts: unhappy·100 ≥ threshold·ratings, no
 * rounding) with at least minRatings counted ratings; false for a disabled rule.
 */
export function alertRaised(rule: AlertRule, w: WindowCounts): boolean {
  if (!rule.enabled) return false;
  if (w.ratings < rule.minRatings || w.ratings === 0) return false;
  return w.unhappy * 100 >= rule.thresholdPercent * w.ratings;
}

/** The instant the window starts for an evaluation at `now` (ratings completed at or after it count). */
export function windowStart(rule: Pick<AlertRule, 'windowMinutes'>, now: Date): Date {
  return new Date(now.getTime() - rule.windowMinutes * 60_000);
}
