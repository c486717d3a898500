// GET /api/v1/audit: the log of changes, newest first and paged; an admin reads all of it, a supervisor the rows of
// their own sites. Days are Vietnam's local days, as everywhere a person reads a date.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AUDIT_PAGE_SIZE, type AuditEntryJson } from '../../core/protocol/audit';
import { addDays, isDay } from '../../core/protocol/period';
import { problem } from '../../core/protocol/problems';
import { localDayStart } from '../../core/local-day';
import { inScope, requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { auditPage } from '../db/queries/audit';
import { problemSchema } from '../openapi';
import { parseQuery, querySchema } from './query';
import { route } from './route';

const MAX_PAGE = 100_000;
const day = z.string().refine(isDay, 'expected a day YYYY-MM-DD');

const Query = querySchema<'GET /api/v1/audit'>()(
  z.object({
    actor: z.string().min(1).max(200).optional(),
    action: z.string().min(1).max(100).optional(),
    siteId: z.string().min(1).max(64).optional(),
    from: day.optional(),
    to: day.optional(),
    page: z
      .string()
      .regex(/^[1-9][0-9]{0,5}$/, 'expected a page number from 1')
      .refine((p) => Number(p) <= MAX_PAGE, `at most ${MAX_PAGE}`)
      .optional(),
  }),
);

const entrySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string', nullable: true, description: 'a username, "cli", or "device:<id>"' },
    action: { type: 'string', example: 'site.create' },
    siteId: { type: 'string', nullable: true },
    details: { type: 'object', additionalProperties: true },
  },
} as const;

function parseDetails(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { text };
  }
}

export function registerAudit(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/audit',
    {
      auth: 'session',
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, paged (a supervisor: the rows of their own sites)',
        security: [{ session: [] }],
        querystring: {
          type: 'object',
          properties: {
            actor: { type: 'string', description: 'as the log names them: a username, "cli" or "device:<id>"' },
            action: { type: 'string', description: 'exact ("site.create"), or a prefix ending in "." ("user.")' },
            siteId: { type: 'string' },
            from: { type: 'string', format: 'date', description: 'first local day (Asia/Ho_Chi_Minh), included' },
            to: { type: 'string', format: 'date', description: 'last local day (Asia/Ho_Chi_Minh), included' },
            page: { type: 'string', description: `1-based; ${AUDIT_PAGE_SIZE} rows a page` },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: { entries: { type: 'array', items: entrySchema }, page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' } },
          },
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const q = parseQuery(Query, request.query);
      if (q.from && q.to && q.to < q.from) throw problem.periodBackwards();
      if (q.siteId !== undefined && !inScope(caller, q.siteId)) throw problem.siteNotYours({ siteId: q.siteId });
      const siteIds = q.siteId !== undefined ? [q.siteId] : caller.sites === 'all' ? undefined : caller.sites;
      const page = q.page ? Number(q.page) : 1;
      const { rows, total } = await auditPage(
        ctx.db,
        {
          actor: q.actor,
          action: q.action,
          siteIds,
          fromAt: q.from ? localDayStart(q.from).toISOString() : undefined,
          toAt: q.to ? localDayStart(addDays(q.to, 1)).toISOString() : undefined,
        },
        (page - 1) * AUDIT_PAGE_SIZE,
        AUDIT_PAGE_SIZE,
      );
      return {
        entries: rows.map((r): AuditEntryJson => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, siteId: r.site_id, details: parseDetails(r.details) })),
        page,
        pageSize: AUDIT_PAGE_SIZE,
        total,
      };
    },
  );
}
