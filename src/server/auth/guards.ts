// Who is calling: a device by its bearer token, or a person by the session cookie; each route names what it needs.
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { DeviceWithSite } from '../db/queries/devices';
import { sessionUser } from '../db/queries/sessions';
import { userSiteIds } from '../db/queries/users';
import type { Role, User } from '../db/schema';
import { Problem } from '../problems';
import { sha256 } from './secrets';

export const SESSION_COOKIE = 'hl_session';
const BEARER = { 'www-authenticate': 'Bearer' };

export async function requireDevice(ctx: ServerContext, request: FastifyRequest): Promise<DeviceWithSite> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/.exec(header) : null;
  if (!match) throw new Problem('401.1', 'send the device token as "Authorization: Bearer <token>"', undefined, BEARER);
  const found = await ctx.devices.lookup(sha256(match[1]));
  if (!found) throw new Problem('401.1', 'unknown device token', undefined, BEARER);
  if (found.device.revoked_at) throw new Problem('401.2', `device "${found.device.name}" was revoked; enrol it again with a new code`, undefined, BEARER);
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
  if (!caller) throw new Problem('401.1', 'sign in first (the session is missing or has expired)');
  if (!roles.includes(caller.user.role)) throw new Problem('403.2', `this needs the role ${roles.join(' or ')}`);
  return caller;
}

export function inScope(caller: Caller, siteId: string): boolean {
  return caller.sites === 'all' || caller.sites.includes(siteId);
}
