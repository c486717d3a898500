// GET /api/v1/response-rate: interviews, refusals and interviews ÷ (interviews + refusals) per site and enumerator in
// scope and period (issue 11 item 4); refusals are counted here only, never in an index.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { problemSchema } from '../openapi';
import { resolvePeriod } from '../scores/period';
import { readResponseRates } from '../scores/response-rate';
import { resolveForm, resolveSites } from '../scores/scope';
import { parseQuery, querySchema, ScopeQuery } from './query';
import { route } from './route';

const Query = querySchema<'GET /api/v1/response-rate'>()(z.object(ScopeQuery));

export function registerResponseRate(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/response-rate',
    {
      auth: 'session',
      schema: {
        tags: ['scores'],
        summary: 'Interviews, refusals and the response rate per site and enumerator (supervisor: own sites only)',
        security: [{ session: [] }],
        querystring: {
          type: 'object',
          required: ['form'],
          properties: {
            form: { type: 'string', example: 'sipas-2017' },
            version: { type: 'string' },
            sites: { type: 'string', description: 'comma-separated site ids; none = every site in scope' },
            period: { type: 'string', enum: ['day', 'week', 'month', 'custom'], default: 'month' },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
          },
        },
        response: { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const q = parseQuery(Query, request.query);
      const period = resolvePeriod(q.period, q.from, q.to, ctx.now());
      const { siteIds, sites } = await resolveSites(ctx, caller, q.sites);
      const form = await resolveForm(ctx.db, q.form, q.version);
      const filter = { formId: form.id, formVersion: q.version === undefined ? undefined : form.version, from: period.from, to: period.to, siteIds };
      return { period, ...(await readResponseRates(ctx.db, sites, filter)) };
    },
  );
}
