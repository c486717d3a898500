// Enrolment codes: a supervisor (or admin) makes a one-time code a tablet of their site types within 24 h (POST), lists
// the ones still usable (GET) and cancels one (DELETE /api/v1/enrolment-codes/:id).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PendingEnrolmentCodeJson } from '../../core/protocol/devices';
import { problem } from '../../core/protocol/problems';
import { inScope, requireUser, type Caller } from '../auth/guards';
import { newEnrolmentCode, sha256 } from '../auth/secrets';
import type { ServerContext } from '../context';
import { audit } from '../db/queries/audit';
import { cancelEnrolmentCode, createEnrolmentCode, listPendingCodes, pendingCodeSite } from '../db/queries/enrolment-codes';
import { getSite } from '../db/queries/sites';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { parseQuery, querySchema } from './query';
import { route } from './route';

export const ENROLMENT_CODE_HOURS = 24;

const NewCode = bodySchema<'POST /api/v1/enrolment-codes'>()(z.object({ siteId: z.string().min(1).max(64) }));

const ListQuery = querySchema<'GET /api/v1/enrolment-codes'>()(z.object({ siteId: z.string().min(1).max(64).optional() }));

const pendingSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    siteId: { type: 'string' },
    createdBy: { type: 'string', nullable: true, description: 'the username of who made it (null: the CLI)' },
    createdAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;

export function registerEnrolmentCodes(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'POST /api/v1/enrolment-codes',
    {
      auth: 'session',
      schema: {
        tags: ['devices'],
        summary: 'A one-time enrolment code for a site (24 h)',
        security: [{ session: [] }],
        body: inputSchema(NewCode),
        response: {
          201: { type: 'object', properties: { id: { type: 'string' }, code: { type: 'string', example: 'K7PM-3QXD' }, siteId: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } } },
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const caller = await requireUser(ctx, request);
      const { siteId } = parseBody(NewCode, request.body);
      if (!inScope(caller, siteId)) throw problem.siteNotYours({ siteId });
      const site = await getSite(ctx.db, siteId);
      if (!site) throw problem.noSuchSites({ siteIds: [siteId] });
      if (site.deactivated_at !== null) throw problem.siteDeactivated({ code: site.code });
      const now = ctx.now();
      const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3600_000);
      const code = newEnrolmentCode();
      const id = await createEnrolmentCode(ctx.db, { codeHash: sha256(code), siteId, createdBy: caller.user.id, now, expiresAt });
      await audit(ctx.db, { actor: caller.user.username, action: 'enrolment-code.create', siteId, details: { id, siteId, siteCode: site.code, expiresAt: expiresAt.toISOString() } }, now);
      reply.code(201);
      return { id, code, siteId, expiresAt: expiresAt.toISOString() };
    },
  );
  route(
    app,
    'GET /api/v1/enrolment-codes',
    {
      auth: 'session',
      schema: {
        tags: ['devices'],
        summary: 'The enrolment codes still usable (not used, cancelled or expired) of the sites in scope; the codes themselves are never shown again',
        security: [{ session: [] }],
        querystring: { type: 'object', properties: { siteId: { type: 'string', description: 'one site only' } } },
        response: { 200: { type: 'object', properties: { codes: { type: 'array', items: pendingSchema } } }, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const { siteId } = parseQuery(ListQuery, request.query);
      if (siteId !== undefined && !inScope(caller, siteId)) throw problem.siteNotYours({ siteId });
      const siteIds = siteId !== undefined ? [siteId] : caller.sites === 'all' ? undefined : caller.sites;
      const codes = await listPendingCodes(ctx.db, ctx.now(), siteIds);
      return {
        codes: codes.map((c): PendingEnrolmentCodeJson => ({ id: c.id, siteId: c.site_id, createdBy: c.created_by_username, createdAt: c.created_at, expiresAt: c.expires_at })),
      };
    },
  );

  /** The site of the usable code the path names, if it is one of the caller's; otherwise 404.x or 403.1. */
  async function codeSiteOfPath(caller: Caller, id: string, now: Date): Promise<string> {
    const siteId = await pendingCodeSite(ctx.db, id, now);
    if (siteId === undefined) throw problem.noSuchEnrolmentCode({ id });
    if (!inScope(caller, siteId)) throw problem.siteNotYours({ siteId });
    return siteId;
  }

  route(
    app,
    'DELETE /api/v1/enrolment-codes/:id',
    {
      auth: 'session',
      pathScope: (_, caller, params) => codeSiteOfPath(caller, params.id ?? '', ctx.now()),
      schema: {
        tags: ['devices'],
        summary: 'Cancel an enrolment code still usable, of a site in scope',
        security: [{ session: [] }],
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        response: { 204: { type: 'null' }, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = await requireUser(ctx, request);
      const { id } = request.params;
      const now = ctx.now();
      const siteId = await codeSiteOfPath(caller, id, now);
      if (!(await cancelEnrolmentCode(ctx.db, id, now))) throw problem.noSuchEnrolmentCode({ id });
      await audit(ctx.db, { actor: caller.user.username, action: 'enrolment-code.cancel', siteId, details: { id, siteId } }, now);
      reply.code(204);
    },
  );
}
