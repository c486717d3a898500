// GET /api/v1/quality: responses a supervisor should doubt (too fast, straight-lining, clock, kiosk misuse), for drill-down.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { QUALITY_FLAGS } from '../../core/scoring/quality';
import { requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { problemSchema } from '../openapi';
import { resolvePeriod } from '../scores/period';
import { qualityReport } from '../scores/quality';
import { resolveForm, resolveSites } from '../scores/scope';
import { countExcludedResponses } from '../db/queries/responses';
import { parseQuery, querySchema, ScopeQuery } from './query';
import { route } from './route';

const Query = querySchema<'GET /api/v1/quality'>()(
  z.object({
    ...ScopeQuery,
    flags: z
      .string()
      .max(200)
      .optional()
      .transform((s, c) => {
        if (!s) return undefined;
        const list = s.split(',').map((x) => x.trim()).filter(Boolean);
        const bad = list.filter((x) => !(QUALITY_FLAGS as readonly string[]).includes(x));
        if (bad.length) c.addIssue({ code: 'custom', message: `unknown flag ${bad.join(', ')}; expected ${QUALITY_FLAGS.join(', ')}` });
        return list as (typeof QUALITY_FLAGS)[number][];
      }),
    limit: z.coerce.number().int().min(1).max(2000).default(200),
  }),
);

export function registerQuality(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/quality',
    {
      auth: 'session',
      schema: {
        tags: ['scores'],
        summary: 'Flagged responses of a form, sites and period, newest first, with counts per flag',
        security: [{ session: [] }],
        querystring: {
          type: 'object',
          required: ['form'],
          properties: {
            form: { type: 'string' },
            sites: { type: 'string' },
            period: { type: 'string', enum: ['day', 'week', 'month', 'custom'] },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
            flags: { type: 'string', description: `comma-separated: ${QUALITY_FLAGS.join(', ')}` },
            limit: { type: 'integer', default: 200, maximum: 2000 },
          },
        },
        response: { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const q = parseQuery(Query, request.query);
      const period = resolvePeriod(q.period, q.from, q.to, ctx.now());
      const { siteIds } = await resolveSites(ctx, caller, q.sites);
      const form = await resolveForm(ctx.db, q.form, q.version);
      const report = await qualityReport(
        ctx.db,
        form,
        { formId: form.id, from: period.from, to: period.to, siteIds, formVersion: q.version === undefined ? undefined : form.version },
        q.flags,
        q.limit,
      );
      const excluded = await countExcludedResponses(ctx.db, { formId: form.id, siteIds });
      return { form: { id: form.id, version: form.version }, period, ...report, excluded };
    },
  );
}
