// Sample targets (issue 11 item 4): GET /api/v1/targets (N of the sites in scope for a period) and PUT/DELETE
// /api/v1/sites/:id/target (one site's N for an exact period). The site is checked before the body is read; every
// change is audit-logged with the value before and after.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { daysBetween, isDay, MAX_RANGE_DAYS } from '../../core/protocol/period';
import { Problem, problem } from '../../core/protocol/problems';
import { MAX_POPULATION, type TargetJson } from '../../core/protocol/targets';
import { targetSampleSize } from '../../core/scoring/sample-size';
import { requireUser, siteOfPath } from '../auth/guards';
import type { ServerContext } from '../context';
import { clearTarget, saveTarget, targetsFor, type StoredTarget } from '../db/queries/sample-targets';
import { inputSchema, problemSchema } from '../openapi';
import { resolvePeriod } from '../scores/period';
import { resolveSites } from '../scores/scope';
import { bodySchema, parseBody } from './body';
import { parseQuery, querySchema, ScopeQuery } from './query';
import { route } from './route';

const day = z.string().refine(isDay, 'expected a date YYYY-MM-DD');
/** A period as the dashboard resolved it: real days, in order, no longer than a custom range may be. */
const Period = z
  .strictObject({ from: day, to: day })
  .refine((p) => !isDay(p.from) || !isDay(p.to) || p.to >= p.from, { path: ['to'], message: 'before from' })
  .refine((p) => !isDay(p.from) || !isDay(p.to) || daysBetween(p.from, p.to) <= MAX_RANGE_DAYS, { path: ['to'], message: `range longer than ${MAX_RANGE_DAYS} days` });

const Body = bodySchema<'PUT /api/v1/sites/:id/target'>()(
  z.strictObject({
    period: Period,
    population: z
      .number({ error: 'expected a whole number' })
      .int('expected a whole number')
      .min(0, 'must not be negative')
      .max(MAX_POPULATION, `at most ${MAX_POPULATION.toLocaleString('en')} (a typing slip?)`),
  }),
);

const ListQuery = querySchema<'GET /api/v1/targets'>()(z.object({ sites: ScopeQuery.sites, period: ScopeQuery.period, from: ScopeQuery.from, to: ScopeQuery.to }));
const DeleteQuery = querySchema<'DELETE /api/v1/sites/:id/target'>()(z.object({ from: z.string().max(10), to: z.string().max(10) }));

const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;
const periodSchema = { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } } as const;
const targetSchema = {
  type: 'object',
  properties: {
    siteId: { type: 'string' },
    period: periodSchema,
    population: { type: 'integer' },
    target: { type: 'integer', description: 'n = N/(1+N·e²) at e = 5%, rounded up' },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string' },
  },
} as const;

/** The body, or a 400.7 naming each field at fault (the dashboard words it for the N typed). */
function parseTarget(body: unknown): z.output<typeof Body> {
  try {
    return parseBody(Body, body);
  } catch (e) {
    if (e instanceof Problem && e.errors) throw problem.targetInvalid({ errors: e.errors });
    throw e;
  }
}

function targetJson(r: StoredTarget): TargetJson {
  return {
    siteId: r.site_id,
    period: { from: r.period_from, to: r.period_to },
    population: r.population,
    target: targetSampleSize(r.population),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name ?? r.updated_by,
  };
}

export function registerTargets(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/targets',
    {
      auth: 'session',
      schema: {
        tags: ['targets'],
        summary: "The stored N (and target n) of the caller's sites for a period, resolved as GET /api/v1/scores resolves it",
        security: [{ session: [] }],
        querystring: inputSchema(ListQuery),
        response: { 200: { type: 'object', properties: { period: periodSchema, targets: { type: 'array', items: targetSchema } } }, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const q = parseQuery(ListQuery, request.query);
      const period = resolvePeriod(q.period, q.from, q.to, ctx.now());
      const { siteIds } = await resolveSites(ctx, caller, q.sites);
      const rows = await targetsFor(ctx.db, siteIds, period.from, period.to);
      return { period: { from: period.from, to: period.to }, targets: rows.map(targetJson) };
    },
  );

  route(
    app,
    'PUT /api/v1/sites/:id/target',
    {
      auth: 'session',
      pathScope: siteOfPath,
      schema: {
        tags: ['targets'],
        summary: "Set a site's N for an exact period (supervisor: own sites only); audit-logged with the value before",
        security: [{ session: [] }],
        params: idParams,
        body: inputSchema(Body),
        response: { 200: targetSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request): Promise<TargetJson> => {
      const caller = await requireUser(ctx, request);
      // The gate (siteOfPath) has found the site and checked it is the caller's, before the body was read.
      const site = { id: request.params.id };
      const body = parseTarget(request.body);
      const now = ctx.now();
      const change = { siteId: site.id, from: body.period.from, to: body.period.to, by: { id: caller.user.id, username: caller.user.username } };
      await saveTarget(ctx.db, change, body.population, now);
      return targetJson({
        site_id: site.id,
        period_from: change.from,
        period_to: change.to,
        population: body.population,
        updated_at: now.toISOString(),
        updated_by: caller.user.id,
        updated_by_name: caller.user.display_name,
      });
    },
  );

  route(
    app,
    'DELETE /api/v1/sites/:id/target',
    {
      auth: 'session',
      pathScope: siteOfPath,
      schema: {
        tags: ['targets'],
        summary: "Clear a site's N for an exact period (supervisor: own sites only); audit-logged when there was one",
        security: [{ session: [] }],
        params: idParams,
        querystring: inputSchema(DeleteQuery),
        response: { 204: { type: 'null' }, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = await requireUser(ctx, request);
      const site = { id: request.params.id };
      const q = parseQuery(DeleteQuery, request.query);
      const period = parseQuery(Period, { from: q.from, to: q.to });
      await clearTarget(ctx.db, { siteId: site.id, from: period.from, to: period.to, by: { id: caller.user.id, username: caller.user.username } }, ctx.now());
      return reply.code(204).send();
    },
  );
}
