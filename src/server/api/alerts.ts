// Kiosk-rating alerts (issue 11 item 5): GET /api/v1/alerts (re-evaluating open ones, as the window slides), an
// acknowledgement with a comment, and each site's rule (GET/PUT /api/v1/sites/:id/alert-rule); changes are audit-logged.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ALERT_COMMENT_MAX, ALERT_RULE_LIMITS, type AlertJson, type AlertRuleJson } from '../../core/protocol/alerts';
import { problem } from '../../core/protocol/problems';
import { evaluateSite } from '../alerts/evaluate';
import { inScope, requireUser, siteInScope, siteOfPath, type Caller } from '../auth/guards';
import type { ServerContext } from '../context';
import { acknowledgeAlert, alertRuleOf, getAlert, listAlerts, openAlerts, saveAlertRule } from '../db/queries/kiosk-alerts';
import { userNames } from '../db/queries/response-list';
import type { KioskAlertRow } from '../db/schema';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { parseQuery, querySchema } from './query';
import { route } from './route';

/** Closed alerts stay on the list this long, so a supervisor sees what happened while away. */
const CLOSED_SHOWN_MS = 24 * 3_600_000;

const Query = querySchema<'GET /api/v1/alerts'>()(z.object({ siteId: z.string().min(1).max(64).optional() }));

const AckBody = bodySchema<'POST /api/v1/alerts/:id/acknowledgement'>()(
  z.strictObject({ comment: z.string().trim().min(1, 'say what was done').max(ALERT_COMMENT_MAX) }),
);

const int = (l: { min: number; max: number }) => z.number().int().min(l.min).max(l.max);
const RuleBody = bodySchema<'PUT /api/v1/sites/:id/alert-rule'>()(
  z.strictObject({
    windowMinutes: int(ALERT_RULE_LIMITS.windowMinutes),
    thresholdPercent: int(ALERT_RULE_LIMITS.thresholdPercent),
    minRatings: int(ALERT_RULE_LIMITS.minRatings),
    enabled: z.boolean(),
  }),
);

const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;

const alertSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    siteId: { type: 'string' },
    openedAt: { type: 'string', format: 'date-time' },
    closedAt: { type: 'string', format: 'date-time', nullable: true },
    ratings: { type: 'integer' },
    unhappy: { type: 'integer' },
    windowMinutes: { type: 'integer' },
    thresholdPercent: { type: 'integer' },
    acknowledgement: {
      type: 'object',
      nullable: true,
      properties: { at: { type: 'string', format: 'date-time' }, by: { type: 'string' }, comment: { type: 'string' } },
    },
  },
} as const;

const ruleSchema = {
  type: 'object',
  properties: {
    siteId: { type: 'string' },
    windowMinutes: { type: 'integer' },
    thresholdPercent: { type: 'integer' },
    minRatings: { type: 'integer' },
    enabled: { type: 'boolean' },
    updatedAt: { type: 'string', format: 'date-time', nullable: true },
  },
} as const;

function alertJson(r: KioskAlertRow, names: ReadonlyMap<string, string>): AlertJson {
  return {
    id: r.id,
    siteId: r.site_id,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    ratings: r.ratings,
    unhappy: r.unhappy,
    windowMinutes: r.window_minutes,
    thresholdPercent: r.threshold_percent,
    acknowledgement: r.acknowledged_at ? { at: r.acknowledged_at, by: names.get(r.acknowledged_by ?? '') ?? r.acknowledged_by ?? '', comment: r.ack_comment ?? '' } : null,
  };
}

export function registerAlerts(app: FastifyInstance, ctx: ServerContext): void {
  /** The site, when it exists and is the caller's. */
  route(
    app,
    'GET /api/v1/alerts',
    {
      auth: 'session',
      schema: {
        tags: ['alerts'],
        summary: "Kiosk-rating alerts of the caller's sites: open ones, then those closed in the last day",
        security: [{ session: [] }],
        querystring: { type: 'object', properties: { siteId: { type: 'string' } } },
        response: { 200: { type: 'object', properties: { alerts: { type: 'array', items: alertSchema } } }, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const q = parseQuery(Query, request.query);
      if (q.siteId !== undefined && !inScope(caller, q.siteId)) throw problem.siteNotYours({ siteId: q.siteId });
      const siteIds = q.siteId !== undefined ? [q.siteId] : caller.sites === 'all' ? undefined : caller.sites;
      const now = ctx.now();
      // The window slides: an open alert closes when its ratings age out, even if no rating arrives.
      const open = await openAlerts(ctx.db, siteIds);
      if (open.length) {
        const forms = await ctx.forms.snapshot();
        for (const a of open) await evaluateSite(ctx.db, forms, a.site_id, now, a);
      }
      const rows = await listAlerts(ctx.db, siteIds, new Date(now.getTime() - CLOSED_SHOWN_MS).toISOString());
      const names = await userNames(ctx.db, rows.flatMap((r) => (r.acknowledged_by ? [r.acknowledged_by] : [])));
      const alerts = rows.map((r) => alertJson(r, names));
      alerts.sort((a, b) => Number(a.closedAt !== null) - Number(b.closedAt !== null));
      return { alerts };
    },
  );

  /** The alert the path names, if it is of one of the caller's sites; otherwise the 404.x or 403.1 that refuses it. */
  async function alertOfPath(caller: Caller, id: string) {
    const alert = id.length <= 64 ? await getAlert(ctx.db, id) : undefined;
    if (!alert) throw problem.noSuchAlert({ id: id.slice(0, 64) });
    if (!inScope(caller, alert.site_id)) throw problem.siteNotYours({ siteId: alert.site_id });
    return alert;
  }

  route(
    app,
    'POST /api/v1/alerts/:id/acknowledgement',
    {
      auth: 'session',
      pathScope: (_, caller, params) => alertOfPath(caller, params.id ?? ''),
      schema: {
        tags: ['alerts'],
        summary: 'Acknowledge an alert with a comment (supervisor: own sites only); audit-logged',
        security: [{ session: [] }],
        params: idParams,
        body: inputSchema(AckBody),
        response: { 200: alertSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const alert = await alertOfPath(caller, request.params.id);
      const body = parseBody(AckBody, request.body);
      const now = ctx.now();
      const done = await acknowledgeAlert(ctx.db, alert.id, caller.user.id, body.comment, now, {
        actor: caller.user.username,
        action: 'alert.acknowledge',
        siteId: alert.site_id,
        details: { alertId: alert.id, comment: body.comment },
      });
      if (!done) throw problem.alertAcknowledged({ at: alert.acknowledged_at ?? '' });
      const after = await getAlert(ctx.db, alert.id);
      return alertJson(after!, new Map([[caller.user.id, caller.user.display_name]]));
    },
  );

  route(
    app,
    'GET /api/v1/sites/:id/alert-rule',
    {
      auth: 'session',
      schema: {
        tags: ['alerts'],
        summary: "A site's kiosk alert rule (the defaults until changed)",
        security: [{ session: [] }],
        params: idParams,
        response: { 200: ruleSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request): Promise<AlertRuleJson> => {
      const caller = await requireUser(ctx, request);
      const site = await siteInScope(ctx, caller, request.params.id);
      return { siteId: site.id, ...(await alertRuleOf(ctx.db, site.id)) };
    },
  );

  route(
    app,
    'PUT /api/v1/sites/:id/alert-rule',
    {
      auth: 'session',
      pathScope: siteOfPath,
      schema: {
        tags: ['alerts'],
        summary: "Set a site's kiosk alert rule (supervisor: own sites only); audit-logged",
        security: [{ session: [] }],
        params: idParams,
        body: inputSchema(RuleBody),
        response: { 200: ruleSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request): Promise<AlertRuleJson> => {
      const caller = await requireUser(ctx, request);
      const site = await siteInScope(ctx, caller, request.params.id);
      const rule = parseBody(RuleBody, request.body);
      const now = ctx.now();
      const before = await alertRuleOf(ctx.db, site.id);
      await saveAlertRule(ctx.db, site.id, rule, caller.user.id, now, {
        actor: caller.user.username,
        action: 'alert-rule.update',
        siteId: site.id,
        details: { before: { windowMinutes: before.windowMinutes, thresholdPercent: before.thresholdPercent, minRatings: before.minRatings, enabled: before.enabled }, after: rule },
      });
      // The new rule applies to the current window at once.
      await evaluateSite(ctx.db, await ctx.forms.snapshot(), site.id, now);
      return { siteId: site.id, ...(await alertRuleOf(ctx.db, site.id)) };
    },
  );
}
