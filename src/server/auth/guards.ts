// Who is calling: a device by its bearer token, or a person by the session cookie. The gate (gate.ts) checks the route's
// declared auth before the body is read; a handler's requireDevice / requireUser then returns the caller it found.
import type { FastifyRequest } from 'fastify';
import { problem } from '../../core/protocol/problems';
import type { Role } from '../../core/protocol/sessions';
import type { ServerContext } from '../context';
import type { DeviceWithSite } from '../db/queries/devices';
import { sessionUser } from '../db/queries/sessions';
import { getSite } from '../db/queries/sites';
import { userSiteIds } from '../db/queries/users';
import type { Site, User } from '../db/schema';
import type { PathScope } from './gate';
import { sha256 } from './secrets';

export const SESSION_COOKIE = 'hl_session';

/** The device the bearer token names, or the 401 that refuses it. */
export async function deviceByToken(ctx: ServerContext, request: FastifyRequest): Promise<DeviceWithSite> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/.exec(header) : null;
  if (!match) throw problem.deviceTokenMissing();
  const found = await ctx.devices.lookup(sha256(match[1]));
  if (!found) throw problem.deviceTokenUnknown();
  if (found.device.revoked_at) throw problem.deviceRevoked({ name: found.device.name });
  await ctx.devices.seen(found.device.id, ctx.now());
  return found;
}

/** The calling device: the one the gate authenticated, else looked up now. */
export async function requireDevice(ctx: ServerContext, request: FastifyRequest): Promise<DeviceWithSite> {
  const authed = request.authed;
  return authed?.kind === 'device' ? authed.device : deviceByToken(ctx, request);
}

export interface Caller {
  user: User;
  /** Site ids the user may see, or 'all' for an admin. */
  sites: readonly string[] | 'all';
  sessionHash: string;
  expiresAt: string;
}

/** The person the session cookie names, or undefined. */
export async function userBySession(ctx: ServerContext, request: FastifyRequest): Promise<Caller | undefined> {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token || token.length > 128) return undefined;
  const hash = sha256(token);
  const found = await sessionUser(ctx.db, hash, ctx.now());
  if (!found) return undefined;
  const sites = found.user.role === 'admin' ? 'all' : await userSiteIds(ctx.db, found.user.id);
  return { user: found.user, sites, sessionHash: hash, expiresAt: found.expiresAt };
}

/** The signed-in person: the one the gate authenticated, else looked up now. */
export async function currentUser(ctx: ServerContext, request: FastifyRequest): Promise<Caller | undefined> {
  const authed = request.authed;
  return authed?.kind === 'user' ? authed.user : userBySession(ctx, request);
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

/** A route's path scope (auth/gate.ts) for routes whose :id is a site. */
export const siteOfPath: PathScope = (ctx, caller, params) => siteInScope(ctx, caller, params.id ?? '');

/** The site a route's :id names, when it exists and is the caller's; otherwise the 404.3 or 403.1 that refuses it. */
export async function siteInScope(ctx: ServerContext, caller: Caller, siteId: string): Promise<Site> {
  if (siteId.length > 64) throw problem.noSuchSites({ siteIds: [siteId.slice(0, 64)] });
  const site = await getSite(ctx.db, siteId);
  if (!site) throw problem.noSuchSites({ siteIds: [siteId] });
  if (!inScope(caller, siteId)) throw problem.siteNotYours({ siteId });
  return site;
}
