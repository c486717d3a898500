// What makes a site or a person valid, in one place: the API, the CLI and the people import all check by these rules.
import { z } from 'zod';
import { ENUMERATOR_PIN_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../../core/protocol/people';
import type { Role } from '../../core/protocol/sessions';
import { SITE_CODE_PATTERN, SITE_KINDS } from '../../core/protocol/sites';

/**
 * A zone the server's Intl knows by name (IANA, aliases such as Asia/Saigon included); an offset such as "+07:00",
 * which newer engines also take, is no zone: it knows no history of its rules.
 */
function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const siteFields = {
  code: z.string().trim().regex(SITE_CODE_PATTERN, 'a site code is 1–32 letters, digits, ".", "_" or "-", starting with a letter or digit'),
  name: z.string().trim().min(1, 'required').max(200, 'at most 200 characters'),
  kind: z.enum(SITE_KINDS, { error: `one of ${SITE_KINDS.join(', ')}` }),
  timeZone: z.string().trim().refine(isTimeZone, 'not an IANA time zone (e.g. Asia/Ho_Chi_Minh)'),
};

export const personFields = {
  username: z.string().trim().regex(USERNAME_PATTERN, 'a username is 2–64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'),
  displayName: z.string().trim().min(1, 'required').max(200, 'at most 200 characters'),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`),
  pin: z.string().regex(ENUMERATOR_PIN_PATTERN, 'a PIN is 4 to 8 digits'),
  siteId: z.string().min(1).max(64),
};

/** Why a value breaks a field's rule (the first reason), or null when it keeps it: for the CLI and the import's cells. */
export function fieldProblem(schema: z.core.$ZodType, value: unknown): string | null {
  const r = z.safeParse(schema, value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'invalid');
}

/** Why a person of this role cannot have these sites, or null: an admin has none (they see all), a supervisor one or more, an enumerator exactly one. */
export function roleSitesProblem(role: Role, siteIds: readonly string[]): string | null {
  if (new Set(siteIds).size !== siteIds.length) return 'a site is named twice';
  if (role === 'admin') return siteIds.length ? 'an admin has no sites (they see every site)' : null;
  if (role === 'supervisor') return siteIds.length ? null : 'a supervisor needs at least one site';
  return siteIds.length === 1 ? null : 'an enumerator works at exactly one site';
}
