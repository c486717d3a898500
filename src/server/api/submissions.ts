// POST /api/v1/submissions: a tablet's batch (≤ 500) → one verdict per item; the unique id decides, never a prior read.
import type { FastifyInstance } from 'fastify';
import { Response } from '../../core/response/schema';
import { requireDevice } from '../auth/guards';
import type { ServerContext } from '../context';
import { planFault, strike } from '../fault';
import { fromWire } from '../ingest/batch';
import { deviceScopeData } from '../ingest/device-scope';
import { storeBatch } from '../ingest/ingest';
import { PreparePool } from '../ingest/worker-pool';
import type { RawJsonBodyConfig } from '../json-body';
import { inputSchema, problemSchema } from '../openapi';
import { Problem } from '../problems';
import { resultsSchema } from './envelope';

export const MAX_SUBMISSION_ITEMS = 500;
export const SUBMISSION_BODY_LIMIT = 5 * 1024 * 1024;

export function registerSubmissions(app: FastifyInstance, ctx: ServerContext): void {
  // Reading, validating and hashing a batch happens in worker threads; this thread authenticates, writes and answers.
  const pool = new PreparePool();
  app.addHook('onClose', () => pool.close());
  // A listening server starts its workers at once (not on the first batch); apps driven by inject() start them when used.
  app.addHook('onListen', () => void pool.warm());

  app.post(
    '/api/v1/submissions',
    {
      bodyLimit: SUBMISSION_BODY_LIMIT,
      config: { rawJsonBody: true } satisfies RawJsonBodyConfig,
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
      // The token is checked before the body is read: an unknown caller costs no parsing.
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const forms = await ctx.forms.snapshot();
      const prepared = await pool.prepare(body, deviceScopeData(caller), forms, ctx.now().toISOString(), MAX_SUBMISSION_ITEMS);
      if (!prepared.ok) throw new Problem(prepared.problem.code, prepared.problem.detail, prepared.problem.errors);
      const fault = planFault(ctx.fault, ctx.random);
      if (fault?.when === 'before-write' && (await strike(fault, ctx.fault!, request, reply)) === 'gone') return reply;
      const results = await storeBatch(ctx.db, fromWire(prepared.batch), forms);
      if (fault?.when === 'after-write' && (await strike(fault, ctx.fault!, request, reply)) === 'gone') return reply;
      return { results };
    },
  );
}
