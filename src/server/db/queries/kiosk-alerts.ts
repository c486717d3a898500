// Kiosk-rating alerts: a site's rule, the ratings in its window (one indexed range read), and the alerts it opened, closed and had acknowledged.
import { DEFAULT_ALERT_RULE, type AlertRule } from '../../../core/protocol/alerts';
import { newResponseId as newId } from '../../../core/response/id';
import type { Db } from '../index';
import type { KioskAlertRow } from '../schema';
import { auditRow, type AuditEntry } from './audit';

export interface StoredRule extends AlertRule {
  updatedAt: string | null;
}

/** The site's rule, or the defaults when none was saved. */
export async function alertRuleOf(db: Db, siteId: string): Promise<StoredRule> {
  const row = await db.k.selectFrom('alert_rules').selectAll().where('site_id', '=', siteId).executeTakeFirst();
  if (!row) return { ...DEFAULT_ALERT_RULE, updatedAt: null };
  return { windowMinutes: row.window_minutes, thresholdPercent: row.threshold_percent, minRatings: row.min_ratings, enabled: row.enabled === 1, updatedAt: row.updated_at };
}

/** Saves the site's rule and its audit row in one transaction. */
export async function saveAlertRule(db: Db, siteId: string, rule: AlertRule, by: string, now: Date, entry: AuditEntry): Promise<void> {
  const values = {
    window_minutes: rule.windowMinutes,
    threshold_percent: rule.thresholdPercent,
    min_ratings: rule.minRatings,
    enabled: rule.enabled ? 1 : 0,
    updated_at: now.toISOString(),
    updated_by: by,
  };
  await db.k.transaction().execute(async (t) => {
    await t.insertInto('alert_rules').values({ site_id: siteId, ...values }).onConflict((oc) => oc.column('site_id').doUpdateSet(values)).execute();
    await t.insertInto('audit_log').values(auditRow(entry, now)).execute();
  });
}

/** What the rule needs of each kiosk rating completed in [from, to] at the site and not excluded from the scores. */
export interface WindowRating {
  form_id: string;
  form_version: number;
  payload: string;
  flags: string;
}

export function kioskRatingsBetween(db: Db, siteId: string, from: string, to: string): Promise<WindowRating[]> {
  return db.k
    .selectFrom('responses')
    .select(['form_id', 'form_version', 'payload', 'flags'])
    .where('site_id', '=', siteId)
    .where('mode', '=', 'kiosk')
    .where('completed_at', '>=', from)
    .where('completed_at', '<=', to)
    .where('excluded', 'is', null)
    .execute();
}

export function openAlertOf(db: Db, siteId: string): Promise<KioskAlertRow | undefined> {
  return db.k.selectFrom('kiosk_alerts').selectAll().where('site_id', '=', siteId).where('closed_at', 'is', null).executeTakeFirst();
}

export function getAlert(db: Db, id: string): Promise<KioskAlertRow | undefined> {
  return db.k.selectFrom('kiosk_alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Opens an alert unless the site has one open already (the unique index decides, so two evaluations at once open one); true when this call opened it. */
export async function openAlert(
  db: Db,
  a: { siteId: string; ratings: number; unhappy: number; windowMinutes: number; thresholdPercent: number },
  now: Date,
): Promise<boolean> {
  const id = newId();
  return db.k.transaction().execute(async (t) => {
    const inserted = await t
      .insertInto('kiosk_alerts')
      .values({ id, site_id: a.siteId, opened_at: now.toISOString(), closed_at: null, ratings: a.ratings, unhappy: a.unhappy, window_minutes: a.windowMinutes, threshold_percent: a.thresholdPercent, acknowledged_at: null, acknowledged_by: null, ack_comment: null })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await t.insertInto('audit_log').values(auditRow({ actor: null, action: 'alert.open', siteId: a.siteId, details: { alertId: id, ratings: a.ratings, unhappy: a.unhappy, windowMinutes: a.windowMinutes, thresholdPercent: a.thresholdPercent } }, now)).execute();
    return true;
  });
}

/** Closes the alert if it is still open; true when this call closed it. */
export async function closeAlert(db: Db, alert: KioskAlertRow, window: { ratings: number; unhappy: number }, now: Date): Promise<boolean> {
  return db.k.transaction().execute(async (t) => {
    const done = await t.updateTable('kiosk_alerts').set({ closed_at: now.toISOString() }).where('id', '=', alert.id).where('closed_at', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    await t.insertInto('audit_log').values(auditRow({ actor: null, action: 'alert.close', siteId: alert.site_id, details: { alertId: alert.id, ...window } }, now)).execute();
    return true;
  });
}

/** Records the acknowledgement and its audit row at once; false when the alert was acknowledged already. */
export async function acknowledgeAlert(db: Db, id: string, by: string, comment: string, now: Date, entry: AuditEntry): Promise<boolean> {
  return db.k.transaction().execute(async (t) => {
    const done = await t
      .updateTable('kiosk_alerts')
      .set({ acknowledged_at: now.toISOString(), acknowledged_by: by, ack_comment: comment })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    await t.insertInto('audit_log').values(auditRow(entry, now)).execute();
    return true;
  });
}

/** The sites' open alerts and those closed at or after `closedSince`, newest first. */
export function listAlerts(db: Db, siteIds: readonly string[] | undefined, closedSince: string): Promise<KioskAlertRow[]> {
  if (siteIds && siteIds.length === 0) return Promise.resolve([]);
  let q = db.k.selectFrom('kiosk_alerts').selectAll().where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', closedSince)]));
  if (siteIds) q = q.where('site_id', 'in', siteIds);
  return q.orderBy('opened_at', 'desc').limit(200).execute();
}

/** Open alerts of the sites (every site when undefined): the ones a read re-evaluates, as the window slides. */
export function openAlerts(db: Db, siteIds: readonly string[] | undefined): Promise<KioskAlertRow[]> {
  if (siteIds && siteIds.length === 0) return Promise.resolve([]);
  let q = db.k.selectFrom('kiosk_alerts').selectAll().where('closed_at', 'is', null);
  if (siteIds) q = q.where('site_id', 'in', siteIds);
  return q.execute();
}
