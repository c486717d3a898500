// GET /api/health: the server answers and its database answers.
import type { FastifyInstance } from 'fastify';
import { problem } from '../../core/protocol/problems';
import type { ServerContext } from '../context';
import { pingDb } from '../db/index';
import { route } from './route';

export function registerHealth(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/health',
    {
      auth: 'public',
      schema: {
        tags: ['health'],
        response: { 200: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, db: { type: 'string', enum: ['sqlite', 'postgres'] } } } },
      },
    },
    async (request) => {
      try {
        await pingDb(ctx.db);
      } catch (e) {
        request.log.error({ err: e }, 'health check failed');
        throw problem.databaseUnavailable();
      }
      return { status: 'ok' as const, db: ctx.db.kind };
    },
  );
}
