// Reads a query string with a zod schema; what does not fit is a 400.1 naming each parameter.
import { z } from 'zod';
import { problem } from '../../core/protocol/problems';
import type { Query, RouteKey } from '../../core/protocol/routes';

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** The schema reads the same parameters as the protocol's query type, and takes every value of it. */
export type Fits<Q, S extends z.core.$ZodType> = [Q] extends [z.input<S>] ? SameKeys<Q, z.input<S>> : false;

/**
 * The query schema of a route, checked against core's route map (the app builds its queries from the same type): a
 * parameter renamed, added or retyped on one side only does not compile.
 */
export function querySchema<K extends RouteKey>(): <S extends z.core.$ZodType>(schema: S & (Fits<Query<K>, S> extends true ? unknown : never)) => S {
  return (schema) => schema;
}

export function parseQuery<S extends z.core.$ZodType>(schema: S, query: unknown): z.output<S> {
  const r = z.safeParse(schema, query ?? {});
  if (r.success) return r.data;
  const errors = r.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(query)', message: i.message }));
  throw problem.invalidQuery({ errors });
}

/** The parameters every score, quality and export request shares. */
export const ScopeQuery = {
  form: z.string().min(1).max(64),
  version: z.string().regex(/^\d{1,6}$/).optional(),
  sites: z.string().max(40_000).optional(),
  period: z.string().max(10).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
};
