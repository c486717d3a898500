// Devices: a tablet trades an enrolment code for a token (POST); staff list them with their health (GET), rename (PATCH) and revoke (DELETE) those of their sites.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problem } from '../../core/protocol/problems';
import { newResponseId as newId } from '../../core/response/id';
import { inScope, requireUser, type Caller } from '../auth/guards';
import { normaliseEnrolmentCode, randomToken, sha256 } from '../auth/secrets';
import type { ServerContext } from '../context';
import { audit } from '../db/queries/audit';
import { getDeviceListing, listDevices, renameDevice, revokeDevice, type DeviceListing } from '../db/queries/devices';
import { CURRENT_APP_VERSION } from '../app-version';
import { deviceFlags } from '../../core/fleet/device-flags';
import { DEVICE_FLAGS, type DeviceJson } from '../../core/protocol/devices';
import { redeemEnrolmentCode } from '../db/queries/enrolment-codes';
import { getSite } from '../db/queries/sites';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { route } from './route';
import { siteJson, siteSchema } from './shapes';

const Enrol = bodySchema<'POST /api/v1/devices'>()(z.object({ code: z.string().min(1).max(32), name: z.string().trim().min(1).max(100) }));

const Rename = bodySchema<'PATCH /api/v1/devices/:id'>()(z.object({ name: z.string().trim().min(1).max(100) }));

const deviceSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    siteId: { type: 'string' },
    siteCode: { type: 'string' },
    name: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    revokedAt: { type: 'string', format: 'date-time', nullable: true },
    lastSeenAt: { type: 'string', format: 'date-time', nullable: true },
    lastSyncAt: { type: 'string', format: 'date-time', nullable: true },
    appVersion: { type: 'string', nullable: true },
    waiting: { type: 'integer', nullable: true },
    oldestWaitingAt: { type: 'string', format: 'date-time', nullable: true },
    storageUsedBytes: { type: 'number', nullable: true },
    storagePersisted: { type: 'boolean', nullable: true },
    lastSyncError: { type: 'string', nullable: true },
    clockSkewMs: { type: 'number', nullable: true, description: "the tablet's clock minus the server's at its last report (ms)" },
    flags: { type: 'array', items: { type: 'string', enum: DEVICE_FLAGS } },
  },
} as const;

/** A device as the list shows it, with its flags at nowMs (also the CLI's list-devices). */
export function deviceJson(d: DeviceListing, nowMs: number): DeviceJson {
  const health = {
    id: d.id,
    siteId: d.site_id,
    siteCode: d.site_code,
    name: d.name,
    createdAt: d.created_at,
    revokedAt: d.revoked_at,
    lastSeenAt: d.last_seen_at,
    lastSyncAt: d.last_sync_at,
    appVersion: d.app_version,
    waiting: d.waiting,
    oldestWaitingAt: d.oldest_waiting_at,
    storageUsedBytes: d.storage_used_bytes,
    storagePersisted: d.storage_persisted === null ? null : d.storage_persisted === 1,
    lastSyncError: d.last_sync_error,
    clockSkewMs: d.clock_skew_ms,
  };
  return { ...health, flags: deviceFlags(health, nowMs, CURRENT_APP_VERSION) };
}

export function registerDevices(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'POST /api/v1/devices',
    {
      auth: 'public',
      schema: {
        tags: ['devices'],
        summary: 'Enrol a tablet with a one-time code; the token is shown only once',
        body: inputSchema(Enrol),
        response: {
          201: {
            type: 'object',
            properties: { deviceId: { type: 'string' }, token: { type: 'string' }, site: siteSchema },
          },
          400: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const body = parseBody(Enrol, request.body);
      const now = ctx.now();
      const key = request.ip;
      const wait = await ctx.enrolLimiter.retryAfter(key, now);
      if (wait > 0) throw problem.tooManyEnrolmentAttempts({ wait });
      const code = normaliseEnrolmentCode(body.code);
      const token = randomToken();
      const deviceId = newId();
      const redeemed = code
        ? await redeemEnrolmentCode(ctx.db, sha256(code), { id: deviceId, name: body.name, token_hash: sha256(token), created_at: now.toISOString() }, now)
        : undefined;
      if (redeemed && 'deactivatedSite' in redeemed) throw problem.siteDeactivated({ code: redeemed.deactivatedSite });
      const site = redeemed && (await getSite(ctx.db, redeemed.siteId));
      if (!site) {
        await ctx.enrolLimiter.fail(key, now);
        throw problem.enrolmentCodeInvalid();
      }
      await audit(ctx.db, { actor: `device:${deviceId}`, action: 'device.enrol', siteId: site.id, details: { deviceId, name: body.name, siteId: site.id, siteCode: site.code } }, now);
      reply.code(201);
      return { deviceId, token, site: siteJson(site) };
    },
  );

  /** The device named in the path, if the caller may manage it: an admin, or a supervisor of its site. */
  async function manageable(caller: Caller, id: string): Promise<DeviceListing> {
    const d = await getDeviceListing(ctx.db, id);
    if (!d) throw problem.noSuchDevice({ id });
    if (!inScope(caller, d.site_id)) throw problem.siteNotYours({ siteId: d.site_id });
    return d;
  }

  route(
    app,
    'PATCH /api/v1/devices/:id',
    {
      auth: 'session',
      pathScope: (_, caller, params) => manageable(caller, params.id ?? ''),
      schema: {
        tags: ['devices'],
        summary: "Rename a tablet (admin, or a supervisor of the tablet's site)",
        security: [{ session: [] }],
        params: { type: 'object', properties: { id: { type: 'string' } } },
        body: inputSchema(Rename),
        response: { 200: deviceSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const d = await manageable(caller, request.params.id);
      const { name } = parseBody(Rename, request.body);
      const now = ctx.now();
      if (name !== d.name) {
        await renameDevice(ctx.db, d.id, name);
        // The token cache holds the device row: the new name shows in the tablet's next answer.
        ctx.devices.forgetDevice(d.id);
        await audit(ctx.db, { actor: caller.user.username, action: 'device.rename', siteId: d.site_id, details: { deviceId: d.id, from: d.name, to: name } }, now);
      }
      return deviceJson({ ...d, name }, now.getTime());
    },
  );

  route(
    app,
    'DELETE /api/v1/devices/:id',
    {
      auth: 'session',
      pathScope: (_, caller, params) => manageable(caller, params.id ?? ''),
      schema: {
        tags: ['devices'],
        summary: "Revoke a tablet (admin, or a supervisor of the tablet's site); its token stops working at once",
        security: [{ session: [] }],
        params: { type: 'object', properties: { id: { type: 'string' } } },
        response: { 204: { type: 'null' }, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = await requireUser(ctx, request);
      const d = await manageable(caller, request.params.id);
      const now = ctx.now();
      await revokeDevice(ctx.db, d.id, now);
      ctx.devices.forgetDevice(d.id);
      if (!d.revoked_at) await audit(ctx.db, { actor: caller.user.username, action: 'device.revoke', siteId: d.site_id, details: { deviceId: d.id, name: d.name } }, now);
      reply.code(204);
    },
  );

  route(
    app,
    'GET /api/v1/devices',
    {
      auth: 'session',
      schema: {
        tags: ['devices'],
        summary: 'Devices of the sites in scope',
        security: [{ session: [] }],
        response: { 200: { type: 'object', properties: { devices: { type: 'array', items: deviceSchema }, currentAppVersion: { type: 'string' } } }, 401: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const rows = await listDevices(ctx.db, caller.sites === 'all' ? undefined : caller.sites);
      const nowMs = ctx.now().getTime();
      return { devices: rows.map((d) => deviceJson(d, nowMs)), currentAppVersion: CURRENT_APP_VERSION };
    },
  );
}
