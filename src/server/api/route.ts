// Registers a route under its "METHOD path" key of core/protocol/routes.ts, so its handler must answer the protocol's shape,
// and with who may call it (auth, roles, the path's scope), which the gate checks before the body is read.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteHandlerMethod, RouteShorthandOptions } from 'fastify';
import type { Params, Reply, RouteKey } from '../../core/protocol/routes';
import type { Role } from '../../core/protocol/sessions';
import type { PathScope, RouteAuth } from '../auth/gate';

/** The request as a route sees it: its path parameters named as the route key names them (":id" → params.id). */
type RouteRequest<K extends RouteKey> = FastifyRequest<{ Params: Params<K> extends undefined ? Record<string, never> : Params<K> }>;

/** A handler answers with the route's reply (after `reply.code(201)` when it creates), or with the reply it has sent itself. */
export type Handler<K extends RouteKey> = (request: RouteRequest<K>, reply: FastifyReply) => Promise<Reply<K> | FastifyReply>;

export interface RouteDeclaration extends RouteShorthandOptions {
  /** Who may call: checked before the body is read (see auth/gate.ts). */
  auth: RouteAuth;
  /** For auth 'session': the roles that may call (default admin and supervisor). */
  roles?: readonly Role[];
  /** For auth 'session': the check of what the path names (its site, tablet, response…), also before the body. */
  pathScope?: PathScope;
}

export function route<K extends RouteKey>(app: FastifyInstance, key: K, { auth, roles, pathScope, ...options }: RouteDeclaration, handler: Handler<K>): void {
  const space = key.indexOf(' ');
  app.route({
    ...options,
    config: { ...options.config, auth, ...(roles ? { roles } : {}), ...(pathScope ? { pathScope } : {}) },
    method: key.slice(0, space) as HTTPMethods,
    url: key.slice(space + 1),
    handler: handler as RouteHandlerMethod,
  });
}
