// Who is calling: a device by its bearer token, or a person by the session cookie; each route names what it needs.
import type { FastifyRequest } from 'fastify';
import { problem } from '../../core/protocol/problems';
import type { Role } from '../../core/protocol/sessions';
import type { ServerContext } from '../context';
import type { DeviceWithSite } from '../db/queries/devices';
import { sessionUser } from '../db/queries/sessions';
import { userSiteIds } from '../db/queries/users';
import type { User } from '../db/schema';
import { sha256 } from './secrets';

export const SESSION_COOKIE = 'hl_session';

export async function requireDevice(ctx: ServerContext, request: FastifyRequest): Promise<DeviceWithSite> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/.exec(header) : null;
  if (!match) throw problem.deviceTokenMissing();
  const found = await ctx.devices.lookup(sha256(match[1]));
  if (!found) throw problem.deviceTokenUnknown();
  if (found.device.revoked_at) throw problem.deviceRevoked({ name: found.device.name });
  return found;
}

export interface Caller {
  user: User;
  /** Site ids the user may see, or 'all' for an admin. */
  sites: readonly string[] | 'all';
  sessionHash: string;
  expiresAt: string;
}

export async function currentUser(ctx: ServerContext, request: FastifyRequest): Promise<Caller | undefined> {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token || token.length > 128) return undefined;
  const hash = sha256(token);
  const found = await sessionUser(ctx.db, hash, ctx.now());
  if (!found) return undefined;
  const sites = found.user.role === 'admin' ? 'all' : await userSiteIds(ctx.db, found.user.id);
  return { user: found.user, sites, sessionHash: hash, expiresAt: found.expiresAt };
}

export async function requireUser(ctx: ServerContext, request: FastifyRequest, roles: readonly Role[] = ['admin', 'supervisor']): Promise<Caller> {
  const caller = await currentUser(ctx, request);
  if (!caller) throw problem.signInRequired();
  if (!roles.includes(caller.user.role)) throw problem.roleRequired({ roles });
  return caller;
}

export function inScope(caller: Caller, siteId: string): boolean {
  return caller.sites === 'all' || caller.sites.includes(siteId);
}
