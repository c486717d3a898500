// How stored rows look on the wire (camelCase), shared by the resources that return them.
import type { Site, User } from '../db/schema';

export interface SiteJson {
  id: string;
  code: string;
  name: string;
  kind: Site['kind'];
  timeZone: string;
}

export function siteJson(s: Site): SiteJson {
  return { id: s.id, code: s.code, name: s.name, kind: s.kind, timeZone: s.time_zone };
}

export const siteSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['so-nganh', 'quan-huyen', 'xa-phuong'] },
    timeZone: { type: 'string' },
  },
} as const;

export function userJson(u: User, sites: SiteJson[]) {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, sites };
}

export const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: ['admin', 'supervisor', 'enumerator'] },
    sites: { type: 'array', items: siteSchema },
  },
} as const;
