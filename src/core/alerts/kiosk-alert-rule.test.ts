// The rule at its edges: exactly at the threshold opens, one rating short or one below the share does not.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULE } from '../protocol/alerts';
import { alertRaised, windowStart } from './kiosk-alert-rule';

describe('alertRaised', () => {
  const rule = DEFAULT_ALERT_RULE;
  it('opens at exactly 50% with exactly 4 ratings', () => {
    expect(alertRaised(rule, { ratings: 4, unhappy: 2 })).toBe(true);
    expect(alertRaised(rule, { ratings: 4, unhappy: 4 })).toBe(true);
  });
  it('does not open with fewer ratings than the minimum, even all unhappy', () => {
    expect(alertRaised(rule, { ratings: 3, unhappy: 3 })).toBe(false);
    expect(alertRaised(rule, { ratings: 0, unhappy: 0 })).toBe(false);
  });
  it('does not open just below the share', () => {
    expect(alertRaised(rule, { ratings: 5, unhappy: 2 })).toBe(false); // 40%
    expect(alertRaised(rule, { ratings: 7, unhappy: 3 })).toBe(false); // 42.9%
    expect(alertRaised({ ...rule, thresholdPercent: 34 }, { ratings: 3 * 1, unhappy: 1 })).toBe(false); // 33.3% < 34
    expect(alertRaised({ ...rule, thresholdPercent: 33, minRatings: 3 }, { ratings: 3, unhappy: 1 })).toBe(true); // 33.3% ≥ 33
  });
  it('never opens when the rule is off', () => {
    expect(alertRaised({ ...rule, enabled: false }, { ratings: 10, unhappy: 10 })).toBe(false);
  });
  it('starts the window M minutes before now', () => {
    expect(windowStart(rule, new Date('2026-12-02T08:15:00Z')).toISOString()).toBe('2026-12-02T08:00:00.000Z');
  });
});
