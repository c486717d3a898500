// POST /api/v1/refusals: a tablet's batch of refusals (issue 11 item 4) → one verdict per item, exactly as submissions.
import type { FastifyInstance } from 'fastify';
import { MAX_BATCH_BYTES, MAX_BATCH_ITEMS } from '../../core/protocol/limits';
import { Refusal } from '../../core/protocol/refusals';
import { requireDevice } from '../auth/guards';
import type { ServerContext } from '../context';
import { deviceScope, deviceScopeData } from '../ingest/device-scope';
import { ingestRefusals } from '../ingest/refusal';
import { inputSchema, problemSchema } from '../openapi';
import { batchItems, resultsSchema } from './envelope';
import { route } from './route';

export function registerRefusals(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'POST /api/v1/refusals',
    {
      auth: 'device',
      bodyLimit: MAX_BATCH_BYTES,
      schema: {
        tags: ['submissions'],
        summary: `Submit up to ${MAX_BATCH_ITEMS} refusals (asked, not interviewed; no answers); 200 with a verdict per item`,
        security: [{ device: [] }],
        body: { type: 'object', required: ['refusals'], properties: { refusals: { type: 'array', maxItems: MAX_BATCH_ITEMS, items: inputSchema(Refusal) } } },
        response: { 200: resultsSchema, 400: problemSchema, 401: problemSchema, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request) => {
      // The gate checked the token before the body was read.
      const device = await requireDevice(ctx, request);
      const items = batchItems(request.body, MAX_BATCH_ITEMS, 'refusals');
      const [forms, enumerators] = await Promise.all([ctx.forms.snapshot(), ctx.enumerators.snapshot()]);
      const scope = deviceScope(deviceScopeData(device, enumerators));
      const results = await ingestRefusals(ctx.db, items, scope, forms, ctx.now());
      await ctx.devices.synced(device.device.id, ctx.now());
      return { results };
    },
  );
}
