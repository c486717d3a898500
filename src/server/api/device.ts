// GET /api/v1/device and POST /api/v1/device/heartbeat: what an enrolled tablet needs to know about itself, its site,
// the site's enumerators (with their PIN hashes) and the procedures its interviews name most; the heartbeat also
// records what the tablet says about itself (DeviceReport), so the fleet list is true without visiting the desk.
import type { FastifyInstance } from 'fastify';
import type { DeviceAnswer, EnumeratorJson } from '../../core/protocol/devices';
import { DeviceReportSchema } from '../../core/protocol/devices';
import { isTabletPinHash } from '../auth/pin-hash';
import { requireDevice } from '../auth/guards';
import type { ServerContext } from '../context';
import { recordDeviceReport, type DeviceWithSite } from '../db/queries/devices';
import { tabletEnumerators } from '../db/queries/people';
import { siteProcedures } from '../db/queries/procedures';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { route } from './route';
import { siteJson, siteSchema } from './shapes';

/** How far back and how many: a few months of a desk's interviews, a list short enough to scan on a tablet. */
const KNOWN_PROCEDURE_DAYS = 90;
const KNOWN_PROCEDURES = 20;

const Report = bodySchema<'POST /api/v1/device/heartbeat'>()(DeviceReportSchema);

const answerSchema = {
  type: 'object',
  properties: {
    device: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
    site: siteSchema,
    enumerators: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          displayName: { type: 'string' },
          pinHash: { type: 'string', nullable: true, description: 'pbkdf2-sha256$<iterations>$<salt>$<hash>, checked on the tablet; null: no PIN' },
          pinResetNeeded: { type: 'boolean', description: 'The PIN is in a format the tablet cannot check: it refuses the enumerator until the PIN is set again' },
        },
      },
    },
    procedures: {
      type: 'array',
      maxItems: KNOWN_PROCEDURES,
      items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, uses: { type: 'integer' } } },
    },
  },
} as const;

/**
 * An enumerator as the tablet gets them. A PIN hash the tablet cannot check (an older scrypt one) is never sent
 * as if there were no PIN: the enumerator stays listed, marked as needing a new PIN, and the tablet refuses them
 * with that message, so nobody can pick them without a PIN and the supervisor sees why.
 */
function enumeratorJson(e: { id: string; display_name: string; pin_hash: string | null }): EnumeratorJson {
  if (e.pin_hash === null) return { id: e.id, displayName: e.display_name, pinHash: null };
  if (isTabletPinHash(e.pin_hash)) return { id: e.id, displayName: e.display_name, pinHash: e.pin_hash };
  return { id: e.id, displayName: e.display_name, pinHash: null, pinResetNeeded: true };
}

/** The answer of GET /api/v1/device and of the heartbeat. */
async function deviceAnswer(ctx: ServerContext, { device, site }: DeviceWithSite): Promise<DeviceAnswer> {
  // Local days are the site's; a day either way at the edge of the window does not matter for a list of favourites.
  const sinceDay = new Date(ctx.now().getTime() - KNOWN_PROCEDURE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [enumerators, procedures] = await Promise.all([tabletEnumerators(ctx.db, site.id), siteProcedures(ctx.db, site.id, sinceDay, KNOWN_PROCEDURES)]);
  // The tablet now knows these enumerators: the ingest check must know them too when its batches follow.
  ctx.enumerators.invalidate();
  return { device: { id: device.id, name: device.name }, site: siteJson(site), enumerators: enumerators.map(enumeratorJson), procedures };
}

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
        response: { 200: answerSchema, 401: problemSchema },
      },
    },
    async (request) => deviceAnswer(ctx, await requireDevice(ctx, request)),
  );

  route(
    app,
    'POST /api/v1/device/heartbeat',
    {
      auth: 'device',
      schema: {
        tags: ['devices'],
        summary: 'The tablet reports its health (sent with each sync); answers as GET /api/v1/device',
        security: [{ device: [] }],
        body: inputSchema(Report),
        response: { 200: answerSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const found = await requireDevice(ctx, request);
      const r = parseBody(Report, request.body);
      const now = ctx.now();
      await recordDeviceReport(
        ctx.db,
        found.device.id,
        {
          app_version: r.appVersion,
          waiting: r.waiting,
          // Stored in UTC, as every other stamp, so the staleness flag compares like with like.
          oldest_waiting_at: r.oldestWaitingAt === null ? null : new Date(r.oldestWaitingAt).toISOString(),
          storage_used_bytes: r.storageUsedBytes === null ? null : Math.round(r.storageUsedBytes),
          storage_persisted: r.storagePersisted === null ? null : r.storagePersisted ? 1 : 0,
          last_sync_error: r.lastSyncError,
          // The request's own travel time is in it too: a few seconds at most, far under what is flagged.
          clock_skew_ms: r.clockAt === undefined ? null : Date.parse(r.clockAt) - now.getTime(),
        },
        now,
      );
      return deviceAnswer(ctx, found);
    },
  );
}
