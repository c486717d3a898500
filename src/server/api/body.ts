// Reads a request body with a zod schema; what does not fit is a 400.1 naming each field.
import { z } from 'zod';
import { problem } from '../../core/protocol/problems';
import type { Body, RouteKey } from '../../core/protocol/routes';
import type { Fits } from './query';

/** The body schema of a route, checked against core's route map as querySchema checks queries. */
export function bodySchema<K extends RouteKey>(): <S extends z.core.$ZodType>(schema: S & (Fits<Body<K>, S> extends true ? unknown : never)) => S {
  return (schema) => schema;
}

export function parseBody<S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> {
  const r = z.safeParse(schema, body);
  if (r.success) return r.data;
  const errors = r.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
  throw problem.invalidBody({ errors });
}
