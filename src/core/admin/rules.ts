// What makes a site or a person valid, once, for the import, the sites/users API and the console's forms alike.
import { DEFAULT_TIME_ZONE } from '../format';
import type { ImportErrorCode } from '../protocol/people-import';
import { ENUMERATOR_PIN_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../protocol/people';
import { SITE_CODE_PATTERN, SITE_KINDS, type SiteKind } from '../protocol/sites';

/** A broken rule: a code the console words in the person's language, and the English of it. */
export interface RuleBreak {
  code: ImportErrorCode;
  message: string;
}

const SITE_NAME_MAX_LENGTH = 200;
const DISPLAY_NAME_MAX_LENGTH = 100;

const broken = (code: ImportErrorCode, message: string): RuleBreak => ({ code, message });

export function checkSiteCode(code: string): RuleBreak | null {
  if (!code) return broken('required', 'a site code is required');
  if (!SITE_CODE_PATTERN.test(code)) return broken('invalid', `"${code}" is not a site code: 1–32 letters, digits, dots, dashes or underscores, starting with a letter or digit`);
  return null;
}

export function checkSiteName(name: string): RuleBreak | null {
  if (!name) return broken('required', 'a site name is required');
  if (name.length > SITE_NAME_MAX_LENGTH) return broken('too-long', `at most ${SITE_NAME_MAX_LENGTH} characters`);
  return null;
}

function isSiteKind(kind: string): kind is SiteKind {
  return (SITE_KINDS as readonly string[]).includes(kind);
}

export function checkSiteKind(kind: string): RuleBreak | null {
  if (!kind) return broken('required', `a kind is required: ${SITE_KINDS.join(', ')}`);
  if (!isSiteKind(kind)) return broken('invalid', `"${kind}" is not a kind: ${SITE_KINDS.join(', ')}`);
  return null;
}

/**
 * The zone as IANA spells it ("asia/ho_chi_minh" → "Asia/Ho_Chi_Minh"), or null when the runtime knows no such zone.
 * Not resolvedOptions().timeZone: ICU answers its own legacy names there ("Asia/Saigon").
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!zone || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return null;
  }
  const lower = zone.toLowerCase();
  if (lower === DEFAULT_TIME_ZONE.toLowerCase()) return DEFAULT_TIME_ZONE;
  return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === lower) ?? zone;
}

export function checkUsername(username: string): RuleBreak | null {
  if (!username) return broken('required', 'a username is required');
  if (!USERNAME_PATTERN.test(username)) return broken('invalid', `"${username}" is not a username: 2–64 lower-case letters, digits, dots, dashes or underscores`);
  return null;
}

export function checkDisplayName(name: string): RuleBreak | null {
  if (!name) return broken('required', 'a display name is required');
  if (name.length > DISPLAY_NAME_MAX_LENGTH) return broken('too-long', `at most ${DISPLAY_NAME_MAX_LENGTH} characters`);
  return null;
}

export function checkPassword(password: string): RuleBreak | null {
  if (password.length < PASSWORD_MIN_LENGTH) return broken('invalid', `a password needs at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) return broken('too-long', `a password has at most ${PASSWORD_MAX_LENGTH} characters`);
  return null;
}

export function checkPin(pin: string): RuleBreak | null {
  if (!ENUMERATOR_PIN_PATTERN.test(pin)) return broken('invalid', 'a PIN is 4 to 8 digits');
  return null;
}
