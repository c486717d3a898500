// Registers a route under its "METHOD path" key of core/protocol/routes.ts, so its handler must answer the protocol's shape.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteHandlerMethod, RouteShorthandOptions } from 'fastify';
import type { Params, Reply, RouteKey } from '../../core/protocol/routes';

/** The request as a route sees it: its path parameters named as the route key names them (":id" → params.id). */
type RouteRequest<K extends RouteKey> = FastifyRequest<{ Params: Params<K> extends undefined ? Record<string, never> : Params<K> }>;

/** A handler answers with the route's reply (after `reply.code(201)` when it creates), or with the reply it has sent itself. */
export type Handler<K extends RouteKey> = (request: RouteRequest<K>, reply: FastifyReply) => Promise<Reply<K> | FastifyReply>;

export function route<K extends RouteKey>(app: FastifyInstance, key: K, options: RouteShorthandOptions, handler: Handler<K>): void {
  const space = key.indexOf(' ');
  app.route({ ...options, method: key.slice(0, space) as HTTPMethods, url: key.slice(space + 1), handler: handler as RouteHandlerMethod });
}
