// GET /api/v1/sites: the sites the signed-in user may see (all of them for an admin).
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { listSites } from '../db/queries/sites';
import { problemSchema } from '../openapi';
import { route } from './route';
import { siteJson, siteSchema } from './shapes';

export function registerSites(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/sites',
    {
      auth: 'session',
      schema: {
        tags: ['sites'],
        security: [{ session: [] }],
        response: { 200: { type: 'object', properties: { sites: { type: 'array', items: siteSchema } } }, 401: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const sites = await listSites(ctx.db, caller.sites === 'all' ? undefined : caller.sites);
      return { sites: sites.map(siteJson) };
    },
  );
}
