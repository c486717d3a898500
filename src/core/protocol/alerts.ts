// The shapes of kiosk-rating alerts (issue 11 item 5): a site's rule, an alert as the dashboard lists it, an acknowledgement.

/** When a site's kiosk ratings raise an alert: the unhappy share over the last `windowMinutes` reaches `thresholdPercent` with at least `minRatings`. */
export interface AlertRule {
  windowMinutes: number;
  thresholdPercent: number;
  minRatings: number;
  enabled: boolean;
}

/** The rule a site has until someone changes it. */
export const DEFAULT_ALERT_RULE: AlertRule = { windowMinutes: 15, thresholdPercent: 50, minRatings: 4, enabled: true };

/** Bounds the console and the API keep a rule within. */
export const ALERT_RULE_LIMITS = {
  windowMinutes: { min: 1, max: 24 * 60 },
  thresholdPercent: { min: 1, max: 100 },
  minRatings: { min: 1, max: 1000 },
} as const;

export const ALERT_COMMENT_MAX = 1000;

export interface AlertRuleJson extends AlertRule {
  siteId: string;
  /** ISO instant of the last change, null while the site has the defaults. */
  updatedAt: string | null;
}

export type AlertRuleBody = AlertRule;

export interface AlertJson {
  id: string;
  siteId: string;
  /** ISO instants. */
  openedAt: string;
  closedAt: string | null;
  /** The window when the alert opened: counted ratings (misuse left out) and the unhappy ones among them. */
  ratings: number;
  unhappy: number;
  /** The rule it opened under. */
  windowMinutes: number;
  thresholdPercent: number;
  acknowledgement: { at: string; by: string; comment: string } | null;
}

export interface AlertsQuery {
  siteId?: string;
}

export interface AlertsAnswer {
  /** Open alerts first, then those closed in the last day; newest first within each. */
  alerts: AlertJson[];
}

export interface AcknowledgementBody {
  comment: string;
}
