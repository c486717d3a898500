// OpenAPI at /api/docs: route schemas are generated from the same zod schemas that validate, so the docs cannot drift.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PROBLEM_TITLES } from '../core/protocol/problems';

/** JSON Schema (OpenAPI 3.0 dialect) of what a client sends: defaults make fields optional. */
export function inputSchema(schema: z.core.$ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
}

export const problemSchema = {
  type: 'object',
  description: `application/problem+json. Codes: ${Object.entries(PROBLEM_TITLES)
    .map(([code, t]) => `${code} ${t.en}`)
    .join('; ')}`,
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'number' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
} as const;

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Hài Lòng collection endpoint',
        description: 'Responses from tablets, enrolment, sessions and hand-carried imports. Errors are application/problem+json.',
        version: '1',
      },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: 'Device token from POST /api/v1/devices' },
          session: { type: 'apiKey', in: 'cookie', name: 'hl_session', description: 'Session from POST /api/v1/sessions' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
