// Stored rows as the protocol's JSON (core/protocol), with the JSON Schemas the routes document and serialise them by.
import { ROLES, type UserJson } from '../../core/protocol/sessions';
import { SITE_KINDS, type SiteJson } from '../../core/protocol/sites';
import type { Site, User } from '../db/schema';

export function siteJson(s: Site): SiteJson {
  return { id: s.id, code: s.code, name: s.name, kind: s.kind, timeZone: s.time_zone };
}

export const siteSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: [...SITE_KINDS] },
    timeZone: { type: 'string' },
  },
} as const;

export function userJson(u: User, sites: SiteJson[]): UserJson {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, sites };
}

export const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: [...ROLES] },
    sites: { type: 'array', items: siteSchema },
  },
} as const;
