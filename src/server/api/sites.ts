// Sites: GET /api/v1/sites (the signed-in user's, all for an admin); an admin creates (POST) and changes or deactivates
// (PATCH /api/v1/sites/:id) them. A deactivated site stays listed, marked, and its data stays in scores and exports.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problem } from '../../core/protocol/problems';
import { DEFAULT_TIME_ZONE } from '../../core/format';
import { changeSite, addSite } from '../admin/sites';
import { siteFields } from '../admin/rules';
import { requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { getSite, listSites } from '../db/queries/sites';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { route } from './route';
import { siteJson, siteSchema } from './shapes';

const NewSite = bodySchema<'POST /api/v1/sites'>()(
  z.strictObject({ code: siteFields.code, name: siteFields.name, kind: siteFields.kind, timeZone: siteFields.timeZone.optional() }),
);

const Patch = bodySchema<'PATCH /api/v1/sites/:id'>()(
  z.strictObject({ name: siteFields.name.optional(), kind: siteFields.kind.optional(), timeZone: siteFields.timeZone.optional(), active: z.boolean().optional() }),
);

const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;

export function registerSites(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/sites',
    {
      auth: 'session',
      schema: {
        tags: ['sites'],
        summary: 'The sites in scope (all for an admin), deactivated ones included and marked',
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

  route(
    app,
    'POST /api/v1/sites',
    {
      auth: 'session',
      roles: ['admin'],
      schema: {
        tags: ['sites'],
        summary: 'Create a site (admin)',
        security: [{ session: [] }],
        body: inputSchema(NewSite),
        response: { 201: siteSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = await requireUser(ctx, request, ['admin']);
      const body = parseBody(NewSite, request.body);
      const site = await addSite(ctx.db, { ...body, timeZone: body.timeZone ?? DEFAULT_TIME_ZONE }, caller.user.username, ctx.now());
      reply.code(201);
      return siteJson(site);
    },
  );

  route(
    app,
    'PATCH /api/v1/sites/:id',
    {
      auth: 'session',
      roles: ['admin'],
      schema: {
        tags: ['sites'],
        summary: 'Rename a site, change its kind or time zone, deactivate (active: false) or reactivate it (admin)',
        description: 'A deactivated site takes no new tablets or people; its tablets keep sending and its data stays in scores and exports.',
        security: [{ session: [] }],
        params: idParams,
        body: inputSchema(Patch),
        response: { 200: siteSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request, ['admin']);
      const site = await getSite(ctx.db, request.params.id);
      if (!site) throw problem.noSuchSites({ siteIds: [request.params.id] });
      const patch = parseBody(Patch, request.body);
      if (Object.values(patch).every((v) => v === undefined)) throw problem.nothingToChange();
      return siteJson(await changeSite(ctx.db, site, patch, caller.user.username, ctx.now()));
    },
  );
}
