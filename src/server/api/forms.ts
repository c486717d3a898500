// GET /api/v1/forms: the published form definitions a tablet keeps offline (its site's only), or every published one for staff screens.
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
        summary: 'Published forms (full definitions): for a device, those assigned to its site; for staff, all',
        description: 'A withdrawn or draft version is never listed; a tablet drops what is no longer listed at its next sync (drafts already started on it can still be completed and are accepted).',
        security: [{ device: [] }, { session: [] }],
        response: { 200: { type: 'object', properties: { forms: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, 401: problemSchema },
      },
    },
    async (request) => {
      // A signed-in supervisor may read them too (labels for the dashboard); the gate has checked one or the other.
      const authed = request.authed;
      if (authed?.kind === 'device') return { forms: await ctx.forms.forSite(authed.device.site.id) };
      return { forms: await ctx.forms.all() };
    },
  );
}
