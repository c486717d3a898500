// POST /api/v1/enrolment-codes: a supervisor (or admin) makes a one-time code a tablet of their site types within 24 h.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problem } from '../../core/protocol/problems';
import { inScope, requireUser } from '../auth/guards';
import { newEnrolmentCode, sha256 } from '../auth/secrets';
import type { ServerContext } from '../context';
import { audit } from '../db/queries/audit';
import { createEnrolmentCode } from '../db/queries/enrolment-codes';
import { getSite } from '../db/queries/sites';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { route } from './route';

export const ENROLMENT_CODE_HOURS = 24;

const NewCode = bodySchema<'POST /api/v1/enrolment-codes'>()(z.object({ siteId: z.string().min(1).max(64) }));

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
      const now = ctx.now();
      const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3600_000);
      const code = newEnrolmentCode();
      const id = await createEnrolmentCode(ctx.db, { codeHash: sha256(code), siteId, createdBy: caller.user.id, now, expiresAt });
      await audit(ctx.db, { actor: caller.user.username, action: 'enrolment-code.create', details: { siteId, siteCode: site.code, expiresAt: expiresAt.toISOString() } }, now);
      reply.code(201);
      return { id, code, siteId, expiresAt: expiresAt.toISOString() };
    },
  );
}
