// POST /api/v1/imports: a supervisor uploads a tablet's hand-carried file (responses and refusals); the same verdicts
// as a tablet's own sending, audit-logged.
import type { FastifyInstance } from 'fastify';
import { HAND_CARRY_FORMAT, HAND_CARRY_VERSIONS } from '../../core/protocol/hand-carry';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ITEMS } from '../../core/protocol/limits';
import { problem, rejection } from '../../core/protocol/problems';
import { Refusal } from '../../core/protocol/refusals';
import { Response } from '../../core/response/schema';
import { inScope, requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { audit } from '../db/queries/audit';
import { deviceSites } from '../db/queries/devices';
import { listSites } from '../db/queries/sites';
import { evaluateSite } from '../alerts/evaluate';
import { enumeratorRejection } from '../ingest/enumerators';
import { countVerdicts, ingest, type Scope } from '../ingest/ingest';
import { ingestRefusals } from '../ingest/refusal';
import { inputSchema, problemSchema } from '../openapi';
import { batchItems, importResultsSchema } from './envelope';
import { route } from './route';

export function registerImports(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'POST /api/v1/imports',
    {
      auth: 'session',
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['submissions'],
        summary: `Import a hand-carried file of up to ${MAX_IMPORT_ITEMS} responses and ${MAX_IMPORT_ITEMS} refusals (supervisor, sites in scope)`,
        security: [{ session: [] }],
        body: {
          type: 'object',
          required: ['format', 'version', 'responses'],
          properties: {
            format: { type: 'string', enum: [HAND_CARRY_FORMAT] },
            version: { type: 'integer', enum: [...HAND_CARRY_VERSIONS] },
            responses: { type: 'array', maxItems: MAX_IMPORT_ITEMS, items: inputSchema(Response) },
            refusals: { type: 'array', maxItems: MAX_IMPORT_ITEMS, items: inputSchema(Refusal), description: 'version 2; absent in version 1' },
          },
        },
        response: { 200: importResultsSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const body = request.body as { format?: unknown; version?: unknown; refusals?: unknown } | null;
      const items = batchItems(body, MAX_IMPORT_ITEMS);
      if (body?.format !== HAND_CARRY_FORMAT || !HAND_CARRY_VERSIONS.some((v) => v === body.version)) {
        throw problem.notHandCarryFile({ format: HAND_CARRY_FORMAT, versions: HAND_CARRY_VERSIONS, field: body?.format !== HAND_CARRY_FORMAT ? 'format' : 'version' });
      }
      const refusalItems = body.refusals === undefined ? [] : batchItems(body, MAX_IMPORT_ITEMS, 'refusals');
      const sites = new Map((await listSites(ctx.db)).map((s) => [s.id, s]));
      const deviceIds = new Set<string>();
      const everything = [...items, ...refusalItems];
      for (const item of everything) {
        const d = (item as { deviceId?: unknown } | null)?.deviceId;
        if (typeof d === 'string' && d.length <= 64) deviceIds.add(d);
      }
      const devices = await deviceSites(ctx.db, [...deviceIds]);
      // Read afresh: an import is rare, and the enumerators a supervisor just added must count.
      ctx.enumerators.invalidate();
      const enumerators = await ctx.enumerators.snapshot();
      const scope: Scope = {
        check: (r) => {
          if (!inScope(caller, r.siteId)) return rejection.siteNotYours({ siteId: r.siteId });
          if (!sites.has(r.siteId)) return rejection.noSuchSite({ siteId: r.siteId });
          const deviceSite = devices.get(r.deviceId);
          if (deviceSite === undefined) return rejection.noSuchDevice({ deviceId: r.deviceId });
          if (deviceSite !== r.siteId) return rejection.deviceNotOfSite({ deviceId: r.deviceId, siteId: r.siteId });
          return r.enumeratorId === null ? null : enumeratorRejection(r.enumeratorId, r.siteId, enumerators.standing(r.enumeratorId, r.siteId));
        },
        timeZoneOf: (siteId) => sites.get(siteId)!.time_zone,
      };
      const now = ctx.now();
      const forms = await ctx.forms.snapshot();
      const results = await ingest(ctx.db, items, scope, forms, now);
      const refusals = await ingestRefusals(ctx.db, refusalItems, scope, forms, now);
      // The log names the site when the file holds one site's items (a tablet's hand-carried queue always does).
      const named = new Set(everything.map((item) => (item as { siteId?: unknown } | null)?.siteId));
      const [only] = named;
      const siteId = named.size === 1 && typeof only === 'string' && sites.has(only) ? only : null;
      const details = { items: items.length, ...countVerdicts(results), ...(body.refusals === undefined ? {} : { refusals: { items: refusalItems.length, ...countVerdicts(refusals) } }) };
      await audit(ctx.db, { actor: caller.user.username, action: 'import', siteId, details }, now);
      // Kiosk alerts (issue 11): a hand-carried queue of recent ratings is judged as a synced batch is.
      if (results.some((v) => v.status === 'accepted')) {
        for (const id of named) if (typeof id === 'string' && sites.has(id) && inScope(caller, id)) await evaluateSite(ctx.db, forms, id, now);
      }
      return { results, refusals };
    },
  );
}
