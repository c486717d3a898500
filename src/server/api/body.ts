// Reads a request body with a zod schema; what does not fit is a 400.1 naming each field.
import { z } from 'zod';
import { Problem } from '../problems';

export function parseBody<S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> {
  const r = z.safeParse(schema, body);
  if (r.success) return r.data;
  const errors = r.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
  throw new Problem('400.1', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}
