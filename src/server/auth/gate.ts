// Who may call a route is declared where the route is registered, and checked before a byte of its body is read.
import type { FastifyContextConfig, FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { problem } from '../../core/protocol/problems';
import type { Role } from '../../core/protocol/sessions';
import type { ServerContext } from '../context';
import type { DeviceWithSite } from '../db/queries/devices';
import { deviceByToken, userBySession, type Caller } from './guards';

/**
 * public: anyone (sign-in, enrolment, health); device: a tablet's bearer token; session: a signed-in person
 * (roles, default admin and supervisor); device-or-session: either (the form list).
 */
export type RouteAuth = 'public' | 'device' | 'session' | 'device-or-session';

/**
 * A session route's check of what its path names (a site, a tablet, a response…) for the person the gate has just
 * authenticated: it throws the 404 or 403 that refuses it, so a body sent about someone else's site is never read.
 */
export type PathScope = (ctx: ServerContext, caller: Caller, params: Readonly<Record<string, string | undefined>>) => Promise<unknown>;

declare module 'fastify' {
  /** What a route declares: `auth` always, `roles` for a session route that only some roles may call. */
  interface FastifyContextConfig {
    auth?: RouteAuth;
    roles?: readonly Role[];
    pathScope?: PathScope;
  }
  interface FastifyRequest {
    /** The caller the gate authenticated for this request (null on a public route). */
    authed: Authed | null;
  }
}

type Authed = { kind: 'device'; device: DeviceWithSite } | { kind: 'user'; user: Caller };

const DEFAULT_ROLES: readonly Role[] = ['admin', 'supervisor'];

/** A public route reads at most this much unless it says otherwise: sign-in and enrolment bodies are a few hundred bytes. */
const PUBLIC_BODY_LIMIT = 16 * 1024;

/** Methods that carry no body (Fastify never parses one for them): a route of any other method must declare auth. */
const BODYLESS = new Set(['GET', 'HEAD']);

export interface RegisteredRoute {
  method: string;
  url: string;
  auth: RouteAuth | undefined;
  roles: readonly Role[] | undefined;
  /** Whether the gate checks what the path names before the body (see PathScope). */
  pathScope: boolean;
  bodyLimit: number | undefined;
}

const registries = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route the app registered, with what it declared (the guard test walks them). */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return registries.get(app) ?? [];
}

function methodsOf(route: RouteOptions): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => String(m).toUpperCase());
}

/**
 * Install before any route: records each route, refuses to register one that takes a body and declares no auth,
 * gives public routes a small body limit, and authenticates every request in onRequest, before the body is read
 * (with the route's path scope, when it declares one).
 */
export function installAuthGate(app: FastifyInstance, ctx: ServerContext): void {
  const routes: RegisteredRoute[] = [];
  registries.set(app, routes);
  app.decorateRequest('authed', null);

  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as FastifyContextConfig;
    const methods = methodsOf(route);
    const url = route.url ?? route.path;
    if (!config.auth && (methods.some((m) => !BODYLESS.has(m)) || url.startsWith('/api/v1/'))) {
      throw new Error(`route ${methods.join(',')} ${url} declares no auth: add auth: 'public' | 'device' | 'session' | 'device-or-session' (see src/server/auth/gate.ts)`);
    }
    if (config.auth === 'public' && route.bodyLimit === undefined) route.bodyLimit = PUBLIC_BODY_LIMIT;
    if (config.roles && config.auth !== 'session') throw new Error(`route ${methods.join(',')} ${url}: roles apply to auth 'session' only`);
    if (config.pathScope && config.auth !== 'session') throw new Error(`route ${methods.join(',')} ${url}: pathScope applies to auth 'session' only`);
    for (const method of methods) routes.push({ method, url, auth: config.auth, roles: config.roles, pathScope: Boolean(config.pathScope), bodyLimit: route.bodyLimit });
  });

  app.addHook('onRequest', async (request, reply) => {
    try {
      await gate(ctx, request);
    } catch (e) {
      // Refused before the body is read: closing the connection spares reading what the caller is still sending.
      if (hasBody(request)) reply.header('connection', 'close');
      throw e;
    }
  });
}

async function gate(ctx: ServerContext, request: FastifyRequest): Promise<void> {
  if (request.is404) {
    // No route: answered here, so a body sent to a path that does not exist is never read either.
    if (!BODYLESS.has(request.method)) throw problem.noRoute({ method: request.method, path: request.url.split('?')[0] });
    return;
  }
  const config = request.routeOptions.config as FastifyContextConfig;
  const auth = config.auth;
  if (!auth || auth === 'public') return;
  const authed = await authenticate(ctx, request, auth, config.roles ?? DEFAULT_ROLES);
  request.authed = authed;
  if (config.pathScope && authed.kind === 'user') await config.pathScope(ctx, authed.user, request.params as Record<string, string | undefined>);
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

async function authenticate(ctx: ServerContext, request: FastifyRequest, auth: Exclude<RouteAuth, 'public'>, roles: readonly Role[]): Promise<Authed> {
  if (auth === 'device' || (auth === 'device-or-session' && request.headers.authorization)) {
    return { kind: 'device', device: await deviceByToken(ctx, request) };
  }
  const user = await userBySession(ctx, request);
  if (!user) throw auth === 'device-or-session' ? problem.deviceTokenMissing() : problem.signInRequired();
  if (auth === 'session' && !roles.includes(user.user.role)) throw problem.roleRequired({ roles });
  return { kind: 'user', user };
}
