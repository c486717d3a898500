// Database errors a caller can answer as the person's mistake rather than a 500, on SQLite and PostgreSQL alike.

/** A UNIQUE constraint refused the write: two requests raced for the same username or site code. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
