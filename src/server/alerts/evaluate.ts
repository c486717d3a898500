// Evaluates a site's kiosk alert rule over its window: opens an alert when the window reaches the rule, closes the open
// one when it is back below. Run right after a batch is stored and on every read of the alerts (the window slides).
import { findItem, type FormDefinition } from '../../core/forms/schema';
import { alertRaised, windowStart, type WindowCounts } from '../../core/alerts/kiosk-alert-rule';
import type { Db } from '../db/index';
import { alertRuleOf, closeAlert, kioskRatingsBetween, openAlert, openAlertOf, type WindowRating } from '../db/queries/kiosk-alerts';
import type { KioskAlertRow } from '../db/schema';

/** A tablet's clock a little ahead of the server's still counts: its ratings are in the window up to this far past now. */
const CLOCK_AHEAD_MS = 5 * 60_000;

/** Counted ratings (misuse-flagged ones left out) and the unhappy ones: below the form's satisfied level. */
function countWindow(rows: readonly WindowRating[], forms: ReadonlyMap<string, FormDefinition>): WindowCounts {
  let ratings = 0;
  let unhappy = 0;
  for (const r of rows) {
    if (r.flags.includes('"kiosk-misuse"')) continue;
    const form = forms.get(`${r.form_id}@${r.form_version}`);
    if (!form || form.kind !== 'kiosk') continue;
    const item = findItem(form, form.kiosk.ratingItem);
    if (!item || item.type !== 'rating') continue;
    const value = (JSON.parse(r.payload) as { answers?: Record<string, unknown> }).answers?.[item.id];
    if (typeof value !== 'number') continue;
    ratings++;
    if (value < item.satisfiedAtLeast) unhappy++;
  }
  return { ratings, unhappy };
}

/** Brings the site's alert in line with its window at `now`; `open` is its open alert when the caller read it already. */
export async function evaluateSite(
  db: Db,
  forms: ReadonlyMap<string, FormDefinition>,
  siteId: string,
  now: Date,
  open?: KioskAlertRow | null,
): Promise<void> {
  const rule = await alertRuleOf(db, siteId);
  const current = open === undefined ? await openAlertOf(db, siteId) : (open ?? undefined);
  if (!rule.enabled && !current) return;
  const rows = await kioskRatingsBetween(db, siteId, windowStart(rule, now).toISOString(), new Date(now.getTime() + CLOCK_AHEAD_MS).toISOString());
  const w = countWindow(rows, forms);
  const raised = alertRaised(rule, w);
  if (raised && !current) await openAlert(db, { siteId, ...w, windowMinutes: rule.windowMinutes, thresholdPercent: rule.thresholdPercent }, now);
  else if (!raised && current) await closeAlert(db, current, w, now);
}
