// Devices: a tablet trades an enrolment code for a token (POST), an admin revokes one (DELETE), staff list them (GET).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problem } from '../../core/protocol/problems';
import { newResponseId as newId } from '../../core/response/id';
import { requireUser } from '../auth/guards';
import { normaliseEnrolmentCode, randomToken, sha256 } from '../auth/secrets';
import type { ServerContext } from '../context';
import { audit } from '../db/queries/audit';
import { listDevices, revokeDevice, type DeviceListing } from '../db/queries/devices';
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
    flags: { type: 'array', items: { type: 'string', enum: DEVICE_FLAGS } },
  },
} as const;

function deviceJson(d: DeviceListing, nowMs: number): DeviceJson {
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

  route(
    app,
    'DELETE /api/v1/devices/:id',
    {
      auth: 'session',
      roles: ['admin'],
      schema: {
        tags: ['devices'],
        summary: 'Revoke a device (admin); its token stops working at once',
        security: [{ session: [] }],
        params: { type: 'object', properties: { id: { type: 'string' } } },
        response: { 204: { type: 'null' }, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = await requireUser(ctx, request, ['admin']);
      const { id } = request.params;
      const now = ctx.now();
      const revoked = await revokeDevice(ctx.db, id, now);
      if (!revoked) throw problem.noSuchDevice({ id });
      ctx.devices.forgetDevice(id);
      await audit(ctx.db, { actor: caller.user.username, action: 'device.revoke', siteId: revoked.site_id, details: { deviceId: id } }, now);
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
