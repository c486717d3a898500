// GET /api/v1/device: what an enrolled tablet needs to know about itself, its site, the site's enumerators and the
// procedures its interviews name most (offered first when an interview starts).
import type { FastifyInstance } from 'fastify';
import { requireDevice } from '../auth/guards';
import type { ServerContext } from '../context';
import { siteProcedures } from '../db/queries/procedures';
import { listEnumerators } from '../db/queries/users';
import { problemSchema } from '../openapi';
import { route } from './route';
import { siteJson, siteSchema } from './shapes';

/** How far back and how many: a few months of a desk's interviews, a list short enough to scan on a tablet. */
const KNOWN_PROCEDURE_DAYS = 90;
const KNOWN_PROCEDURES = 20;

export function registerDevice(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/device',
    {
      auth: 'device',
      schema: {
        tags: ['devices'],
        summary: "The calling device, its site and the site's enumerators",
        security: [{ device: [] }],
        response: {
          200: {
            type: 'object',
            properties: {
              device: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
              site: siteSchema,
              enumerators: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, displayName: { type: 'string' } } } },
              procedures: {
                type: 'array',
                maxItems: KNOWN_PROCEDURES,
                items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, uses: { type: 'integer' } } },
              },
            },
          },
          401: problemSchema,
        },
      },
    },
    async (request) => {
      const { device, site } = await requireDevice(ctx, request);
      // Local days are the site's; a day either way at the edge of the window does not matter for a list of favourites.
      const sinceDay = new Date(ctx.now().getTime() - KNOWN_PROCEDURE_DAYS * 86_400_000).toISOString().slice(0, 10);
      const [enumerators, procedures] = await Promise.all([listEnumerators(ctx.db, site.id), siteProcedures(ctx.db, site.id, sinceDay, KNOWN_PROCEDURES)]);
      return {
        device: { id: device.id, name: device.name },
        site: siteJson(site),
        enumerators: enumerators.map((e) => ({ id: e.id, displayName: e.display_name })),
        procedures,
      };
    },
  );
}
