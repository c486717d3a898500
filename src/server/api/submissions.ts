// POST /api/v1/submissions: a tablet's batch (at most MAX_BATCH_ITEMS) → one verdict per item; the unique id decides, never a prior read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FormDefinition } from '../../core/forms/schema';
import { MAX_BATCH_BYTES, MAX_BATCH_ITEMS } from '../../core/protocol/limits';
import { Problem, type ProblemData } from '../../core/protocol/problems';
import { Response } from '../../core/response/schema';
import { evaluateSite } from '../alerts/evaluate';
import { requireDevice } from '../auth/guards';
import type { ServerContext } from '../context';
import { sharedSqliteFile } from '../db/index';
import { planFault, strike } from '../fault';
import { fromWire, prepareBodyBatch, type PreparedBatch } from '../ingest/batch';
import { deviceScopeData, type DeviceScopeData } from '../ingest/device-scope';
import { storeBatch, type StoredBatch } from '../ingest/ingest';
import { PreparePool } from '../ingest/worker-pool';
import type { RawJsonBodyConfig } from '../json-body';
import { inputSchema, problemSchema } from '../openapi';
import { resultsSchema } from './envelope';
import { route } from './route';

const pools = new WeakMap<FastifyInstance, PreparePool>();

/** The ingest worker pool an app's submissions route uses (tests warm it up and check it did the work). */
export function ingestPoolOf(app: FastifyInstance): PreparePool | undefined {
  return pools.get(app);
}

export function registerSubmissions(app: FastifyInstance, ctx: ServerContext): void {
  // Reading, validating and hashing a batch happens in worker threads, and on SQLite the transaction too; this
  // thread authenticates and answers (and stores, on PostgreSQL).
  const pool = new PreparePool({ sqliteFile: sharedSqliteFile(ctx.db) });
  pools.set(app, pool);
  app.addHook('onClose', () => pool.close());
  // A listening server starts its workers at once (not on the first batch); apps driven by inject() start them when used.
  app.addHook('onListen', async () => {
    void pool.warm();
  });

  const refuse = (p: ProblemData) => Problem.from(p);

  /** The batch ready to store, prepared by a worker or, when none can, here; a refused body throws its problem. */
  async function prepare(body: Buffer, scope: DeviceScopeData, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string): Promise<PreparedBatch> {
    const o = await pool.prepare(body, scope, forms, receivedAt, MAX_BATCH_ITEMS);
    if (!o.ok) throw refuse(o.problem);
    return fromWire(o.batch);
  }

  /** The usual path: a worker prepares and (SQLite) stores; whatever it cannot do is done here, the same way. */
  async function submit(body: Buffer, scope: DeviceScopeData, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string): Promise<StoredBatch> {
    const o = await pool.submit(body, scope, forms, receivedAt, MAX_BATCH_ITEMS);
    if (o && !o.ok) throw refuse(o.problem);
    if (o && 'verdicts' in o) return { verdicts: o.verdicts, kiosk: o.kiosk };
    const here = o ?? prepareBodyBatch(body, scope, forms, receivedAt, MAX_BATCH_ITEMS);
    if (!here.ok) throw refuse(here.problem);
    return storeBatch(ctx.db, 'columns' in here.batch ? fromWire(here.batch) : here.batch, forms);
  }

  /** With the test-only fault switch on: prepare, maybe fail, store here, maybe fail (the tablet sees errors for stored batches). */
  async function submitWithFaults(request: FastifyRequest, reply: FastifyReply, body: Buffer, scope: DeviceScopeData, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string) {
    const batch = await prepare(body, scope, forms, receivedAt);
    const fault = planFault(ctx.fault, ctx.random);
    if (fault?.when === 'before-write' && (await strike(fault, ctx.fault!, request, reply)) === 'gone') return 'gone';
    const stored = await storeBatch(ctx.db, batch, forms);
    if (fault?.when === 'after-write' && (await strike(fault, ctx.fault!, request, reply)) === 'gone') return 'gone';
    return stored;
  }

  route(
    app,
    'POST /api/v1/submissions',
    {
      auth: 'device',
      bodyLimit: MAX_BATCH_BYTES,
      config: { rawJsonBody: true } satisfies RawJsonBodyConfig,
      schema: {
        tags: ['submissions'],
        summary: `Submit up to ${MAX_BATCH_ITEMS} completed responses; 200 with a verdict per item`,
        security: [{ device: [] }],
        body: { type: 'object', required: ['responses'], properties: { responses: { type: 'array', maxItems: MAX_BATCH_ITEMS, items: inputSchema(Response) } } },
        response: { 200: resultsSchema, 400: problemSchema, 401: problemSchema, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      // The gate checked the token before the body was read: an unknown caller costs no parsing.
      const device = await requireDevice(ctx, request);
      const [forms, enumerators] = await Promise.all([ctx.forms.snapshot(), ctx.enumerators.snapshot()]);
      const scope = deviceScopeData(device, enumerators);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const receivedAt = ctx.now().toISOString();
      const stored = ctx.fault ? await submitWithFaults(request, reply, body, scope, forms, receivedAt) : await submit(body, scope, forms, receivedAt);
      if (stored === 'gone') return reply;
      // Answered with verdicts: the tablet's last successful sync, as the fleet list shows it.
      await ctx.devices.synced(device.device.id, ctx.now());
      // Kiosk alerts (issue 11): the site's window is judged right after new ratings are stored (an interview-only
      // batch cannot move it, so it costs no reads); a failure here must not refuse stored responses.
      if (stored.kiosk) {
        await evaluateSite(ctx.db, forms, device.site.id, ctx.now()).catch((e: unknown) => request.log.error(e, 'kiosk alert evaluation failed'));
      }
      return { results: stored.verdicts };
    },
  );
}
