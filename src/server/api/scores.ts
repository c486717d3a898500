// GET /api/v1/scores: indices for a form, sites and period, from SQL sums of the rollup (never by loading responses).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FormSummary } from '../../core/protocol/forms';
import { baselineRange, COMPARES } from '../../core/protocol/period';
import { BREAKDOWNS } from '../../core/protocol/scores';
import { requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { enumeratorNames } from '../db/queries/people';
import { nameProcedureGroups } from '../scores/procedure-names';
import { problemSchema } from '../openapi';
import { resolvePeriod } from '../scores/period';
import { attachChanges, scoreFilter, type Labeller } from '../scores/report';
import { resolveForm, resolveSites, storedForms } from '../scores/scope';
import { parseQuery, querySchema, ScopeQuery } from './query';
import { route } from './route';
import { siteJson } from './shapes';

const Query = querySchema<'GET /api/v1/scores'>()(z.object({ ...ScopeQuery, breakdown: z.enum(BREAKDOWNS).default('element'), compare: z.enum(COMPARES).optional() }));

export function registerScores(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/scores/forms',
    {
      auth: 'session',
      schema: {
        tags: ['scores'],
        summary: 'The forms a supervisor can score and export (latest version of each)',
        security: [{ session: [] }],
        response: { 401: problemSchema },
      },
    },
    async (request) => {
      await requireUser(ctx, request);
      const latest = new Map<string, FormSummary>();
      for (const f of (await storedForms(ctx.db)).values()) {
        const seen = latest.get(f.id);
        if (!seen || f.version > seen.version) latest.set(f.id, { id: f.id, version: f.version, kind: f.kind, title: f.title });
      }
      return { forms: [...latest.values()].sort((a, b) => a.id.localeCompare(b.id)) };
    },
  );

  route(
    app,
    'GET /api/v1/scores',
    {
      auth: 'session',
      schema: {
        tags: ['scores'],
        summary: 'Satisfaction indices with n, 95% Wilson interval and small-sample flag (supervisor: own sites only)',
        security: [{ session: [] }],
        querystring: {
          type: 'object',
          required: ['form'],
          properties: {
            form: { type: 'string', example: 'sipas-2017' },
            version: { type: 'string', description: 'one version only; default pools every version under the latest definition' },
            sites: { type: 'string', description: 'comma-separated site ids; none = every site in scope' },
            period: { type: 'string', enum: ['day', 'week', 'month', 'custom'], default: 'month' },
            from: { type: 'string', format: 'date', description: 'the day, or a day in the week/month (default today); start of a custom range' },
            to: { type: 'string', format: 'date', description: 'end of a custom range' },
            breakdown: { type: 'string', enum: [...BREAKDOWNS], default: 'element', description: 'kind: blocks of sites (sở/ngành, quận/huyện, xã/phường) with their unit mean' },
            compare: {
              type: 'string',
              enum: [...COMPARES],
              description: 'previous: the period before; year: the same period a year earlier. Adds the baseline, the change in points and whether it is beyond sampling noise',
            },
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
      const siteNames = new Map(sites.map((s) => [s.id, s]));
      const names = q.breakdown === 'enumerator' ? await enumeratorNames(ctx.db) : new Map<string, string>();
      const filter = { formId: form.id, from: period.from, to: period.to, siteIds, formVersion: q.version === undefined ? undefined : form.version };
      const labels: Labeller = {
        site: (id) => {
          const s = siteNames.get(id);
          return s ? { vi: s.name, en: s.name, code: s.code } : null;
        },
        enumerator: (id) => {
          const n = id ? names.get(id) : undefined;
          return n ? { vi: n, en: n } : null;
        },
      };
      const units = sites.map((s) => ({ id: s.id, kind: s.kind }));
      const current = await scoreFilter(ctx.db, form, filter, q.breakdown, labels, units);
      let comparison = null;
      if (q.compare) {
        const range = baselineRange(period.kind, period, q.compare);
        const baseline = await scoreFilter(ctx.db, form, { ...filter, ...range }, q.breakdown, labels, units);
        comparison = attachChanges(current, baseline, q.compare, range);
      }
      const { report, groups } = current;
      // Procedures are named by the responses themselves (no table of them): the latest name given for each code.
      if (q.breakdown === 'procedure') await nameProcedureGroups(ctx.db, groups);
      return {
        form: { id: form.id, version: form.version, kind: form.kind, title: form.title },
        period,
        sites: sites.map(siteJson),
        responses: report.responses,
        headline: report.headline,
        ...(current.unitMean ? { unitMean: current.unitMean } : {}),
        comparison,
        index: report.index ?? null,
        kiosk: report.kiosk ?? null,
        breakdown: q.breakdown,
        groups,
      };
    },
  );
}
