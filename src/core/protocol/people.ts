// People as the admin console and /api/v1/users write them: supervisors and admins sign in on the web, enumerators
// are picked on a tablet of their site (with a PIN when one is set).
import type { Role } from './sessions';

/** An enumerator's PIN on the tablet: digits only, checked offline against the hash the tablet received. */
export const ENUMERATOR_PIN_PATTERN = /^[0-9]{4,8}$/;
/** A web password: long enough to resist guessing at the sign-in limit, short enough to type. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** Usernames as the console, the CLI and an import file accept them. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export interface PersonJson {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The sites the person works at: a supervisor's scope, an enumerator's one site; empty for an admin (all). */
  siteIds: string[];
  disabled: boolean;
  /** Enumerators: whether choosing them on a tablet asks for a PIN. */
  hasPin: boolean;
  createdAt: string;
}

/** GET /api/v1/users: admins see everyone; a supervisor sees themself and the enumerators of their sites. */
export interface PeopleQuery {
  role?: Role;
  siteId?: string;
}

export interface PeopleAnswer {
  people: PersonJson[];
}

/** POST /api/v1/users: admins create anyone; a supervisor creates enumerators of their own sites only. */
export type NewPersonBody =
  | { role: 'admin'; username: string; displayName: string; password: string }
  | { role: 'supervisor'; username: string; displayName: string; password: string; siteIds: string[] }
  | { role: 'enumerator'; displayName: string; siteId: string; pin?: string | null; username?: string };

/**
 * PATCH /api/v1/users/:id: only the fields sent change. password resets a web password (admins and supervisors);
 * pin sets (digits) or clears (null) an enumerator's PIN; siteIds sets a supervisor's sites or moves an enumerator
 * (one site); disabled true signs the person out everywhere and takes an enumerator off the tablets.
 */
export interface PersonPatch {
  displayName?: string;
  password?: string;
  pin?: string | null;
  siteIds?: string[];
  disabled?: boolean;
}
