// What makes a site or a person valid, in one place: the API, the CLI and the people import all check by these rules.
import { z } from 'zod';
import { canonicalTimeZone, checkDisplayName, checkPassword, checkPin, checkSiteCode, checkSiteName, checkUsername, type RuleBreak } from '../../core/admin/rules';
import type { Role } from '../../core/protocol/sessions';
import { SITE_KINDS } from '../../core/protocol/sites';

/** A zod field that keeps one of core's rules (core/admin/rules.ts), so the API, the CLI and the import say the same. */
const ruled = (check: (value: string) => RuleBreak | null) =>
  z.string().trim().superRefine((value, ctx) => {
    const broken = check(value);
    if (broken) ctx.addIssue({ code: 'custom', message: broken.message });
  });

export const siteFields = {
  code: ruled(checkSiteCode),
  name: ruled(checkSiteName),
  kind: z.enum(SITE_KINDS, { error: `one of ${SITE_KINDS.join(', ')}` }),
  timeZone: z
    .string()
    .trim()
    .refine((tz) => canonicalTimeZone(tz) !== null, 'not an IANA time zone (e.g. Asia/Ho_Chi_Minh)')
    .transform((tz) => canonicalTimeZone(tz)!),
};

export const personFields = {
  username: ruled(checkUsername),
  displayName: ruled(checkDisplayName),
  // Not trimmed: spaces are part of a password.
  password: z.string().superRefine((value, ctx) => {
    const broken = checkPassword(value);
    if (broken) ctx.addIssue({ code: 'custom', message: broken.message });
  }),
  pin: ruled(checkPin),
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
