// Reads a query string with a zod schema; what does not fit is a 400.1 naming each parameter.
import { z } from 'zod';
import { Problem } from '../problems';

export function parseQuery<S extends z.core.$ZodType>(schema: S, query: unknown): z.output<S> {
  const r = z.safeParse(schema, query ?? {});
  if (r.success) return r.data;
  const errors = r.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(query)', message: i.message }));
  throw new Problem('400.1', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
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
