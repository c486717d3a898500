// People and their web sessions as /api/v1 writes them: sign-in, the signed-in user and their sites.
import type { SiteJson } from './sites';

export const ROLES = ['admin', 'supervisor', 'enumerator'] as const;
export type Role = (typeof ROLES)[number];

export interface UserJson {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  sites: SiteJson[];
}

/** POST /api/v1/sessions */
export interface LoginBody {
  username: string;
  password: string;
}

/** POST /api/v1/sessions and GET /api/v1/me: the user, their sites (all for an admin) and when the session ends. */
export interface SessionJson {
  user: UserJson;
  expiresAt: string;
}
