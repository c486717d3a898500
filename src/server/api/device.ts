// GET /api/v1/device: what an enrolled tablet needs to know about itself, its site and the site's enumerators.
import type { FastifyInstance } from 'fastify';
import { requireDevice } from '../auth/guards';
import type { ServerContext } from '../context';
import { listEnumerators } from '../db/queries/users';
import { problemSchema } from '../openapi';
import { route } from './route';
import { siteJson, siteSchema } from './shapes';

export function registerDevice(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/device',
    {
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
            },
          },
          401: problemSchema,
        },
      },
    },
    async (request) => {
      const { device, site } = await requireDevice(ctx, request);
      const enumerators = await listEnumerators(ctx.db, site.id);
      return {
        device: { id: device.id, name: device.name },
        site: siteJson(site),
        enumerators: enumerators.map((e) => ({ id: e.id, displayName: e.display_name })),
      };
    },
  );
}
