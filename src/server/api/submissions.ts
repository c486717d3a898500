// POST /api/v1/submissions: a tablet's batch (≤ 500) → one verdict per item; the unique id decides, never a prior read.
import type { FastifyInstance } from 'fastify';
import { Response } from '../../core/response/schema';
import { requireDevice } from '../auth/guards';
import type { ServerContext } from '../context';
import type { DeviceWithSite } from '../db/queries/devices';
import { planFault, strike } from '../fault';
import { ingest, type Scope } from '../ingest/ingest';
import { inputSchema, problemSchema } from '../openapi';
import { batchItems, resultsSchema } from './envelope';

export const MAX_SUBMISSION_ITEMS = 500;
export const SUBMISSION_BODY_LIMIT = 5 * 1024 * 1024;

function deviceScope({ device, site }: DeviceWithSite): Scope {
  return {
    check: (r) => {
      if (r.siteId !== site.id) return { code: '403.1', field: 'siteId', reason: `siteId: this device belongs to site ${site.code} (${site.id}), not ${r.siteId}` };
      if (r.deviceId !== device.id) return { code: '403.1', field: 'deviceId', reason: `deviceId: the response names device ${r.deviceId}, but was sent by ${device.id}` };
      return null;
    },
    timeZoneOf: () => site.time_zone,
  };
}

export function registerSubmissions(app: FastifyInstance, ctx: ServerContext): void {
  app.post(
    '/api/v1/submissions',
    {
      bodyLimit: SUBMISSION_BODY_LIMIT,
      schema: {
        tags: ['submissions'],
        summary: `Submit up to ${MAX_SUBMISSION_ITEMS} completed responses; 200 with a verdict per item`,
        security: [{ device: [] }],
        body: { type: 'object', required: ['responses'], properties: { responses: { type: 'array', maxItems: MAX_SUBMISSION_ITEMS, items: inputSchema(Response) } } },
        response: { 200: resultsSchema, 400: problemSchema, 401: problemSchema, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = await requireDevice(ctx, request);
      const items = batchItems(request.body, MAX_SUBMISSION_ITEMS);
      const fault = planFault(ctx.fault, ctx.random);
      if (fault?.when === 'before-write' && (await strike(fault, ctx.fault!, request, reply)) === 'gone') return reply;
      const forms = await ctx.forms.snapshot();
      const results = await ingest(ctx.db, items, deviceScope(caller), forms, ctx.now());
      if (fault?.when === 'after-write' && (await strike(fault, ctx.fault!, request, reply)) === 'gone') return reply;
      return { results };
    },
  );
}
