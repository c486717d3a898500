// GET /api/v1/forms: every published form definition, for tablets to keep offline (and for staff screens).
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { problemSchema } from '../openapi';
import { route } from './route';

export function registerForms(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/forms',
    {
      auth: 'device-or-session',
      schema: {
        tags: ['forms'],
        summary: 'Published forms (full definitions)',
        security: [{ device: [] }, { session: [] }],
        response: { 200: { type: 'object', properties: { forms: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, 401: problemSchema },
      },
    },
    async () => {
      // A signed-in supervisor may read them too (labels for the dashboard); the gate has checked one or the other.
      return { forms: await ctx.forms.all() };
    },
  );
}
