// GET /api/health: the server answers and its database answers.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { ServerContext } from '../context';
import { Problem } from '../problems';

export function registerHealth(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        response: { 200: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, db: { type: 'string', enum: ['sqlite', 'postgres'] } } } },
      },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(ctx.db.k);
      } catch (e) {
        request.log.error({ err: e }, 'health check failed');
        throw new Problem('503.1', 'the database did not answer');
      }
      return { status: 'ok', db: ctx.db.kind };
    },
  );
}
