// POST /api/v1/imports: a supervisor uploads a tablet's hand-carried file; same verdicts as submissions, audit-logged.
import type { FastifyInstance } from 'fastify';
import { Response } from '../../core/response/schema';
import { inScope, requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { audit } from '../db/queries/audit';
import { deviceSites } from '../db/queries/devices';
import { listSites } from '../db/queries/sites';
import { countVerdicts, ingest, type Scope } from '../ingest/ingest';
import { inputSchema, problemSchema } from '../openapi';
import { Problem } from '../problems';
import { batchItems, resultsSchema } from './envelope';

export const MAX_IMPORT_ITEMS = 10_000;
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
export const IMPORT_FORMAT = 'hailong-responses';

export function registerImports(app: FastifyInstance, ctx: ServerContext): void {
  app.post(
    '/api/v1/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['submissions'],
        summary: `Import a hand-carried file of up to ${MAX_IMPORT_ITEMS} responses (supervisor, sites in scope)`,
        security: [{ session: [] }],
        body: {
          type: 'object',
          required: ['format', 'version', 'responses'],
          properties: {
            format: { type: 'string', enum: [IMPORT_FORMAT] },
            version: { type: 'integer', enum: [1] },
            responses: { type: 'array', maxItems: MAX_IMPORT_ITEMS, items: inputSchema(Response) },
          },
        },
        response: { 200: resultsSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const body = request.body as { format?: unknown; version?: unknown } | null;
      const items = batchItems(body, MAX_IMPORT_ITEMS);
      if (body?.format !== IMPORT_FORMAT || body.version !== 1) {
        throw new Problem('400.1', `not a hand-carry file: expected "format": "${IMPORT_FORMAT}" and "version": 1`, [
          { path: body?.format !== IMPORT_FORMAT ? 'format' : 'version', message: 'unexpected value' },
        ]);
      }
      const sites = new Map((await listSites(ctx.db)).map((s) => [s.id, s]));
      const deviceIds = new Set<string>();
      for (const item of items) {
        const d = (item as { deviceId?: unknown } | null)?.deviceId;
        if (typeof d === 'string' && d.length <= 64) deviceIds.add(d);
      }
      const devices = await deviceSites(ctx.db, [...deviceIds]);
      const scope: Scope = {
        check: (r) => {
          if (!inScope(caller, r.siteId)) return { code: '403.1', field: 'siteId', reason: `siteId: site ${r.siteId} is not one of yours` };
          if (!sites.has(r.siteId)) return { code: '404.3', field: 'siteId', reason: `siteId: no site ${r.siteId}` };
          const deviceSite = devices.get(r.deviceId);
          if (deviceSite === undefined) return { code: '404.4', field: 'deviceId', reason: `deviceId: no device ${r.deviceId}` };
          if (deviceSite !== r.siteId) return { code: '403.1', field: 'deviceId', reason: `deviceId: device ${r.deviceId} does not belong to site ${r.siteId}` };
          return null;
        },
        timeZoneOf: (siteId) => sites.get(siteId)!.time_zone,
      };
      const now = ctx.now();
      const results = await ingest(ctx.db, items, scope, await ctx.forms.snapshot(), now);
      await audit(ctx.db, { actor: caller.user.username, action: 'import', details: { items: items.length, ...countVerdicts(results) } }, now);
      return { results };
    },
  );
}
