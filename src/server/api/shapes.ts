// Stored rows as the protocol's JSON (core/protocol), with the JSON Schemas the routes document and serialise them by.
import type { PersonJson } from '../../core/protocol/people';
import { ROLES, type UserJson } from '../../core/protocol/sessions';
import { SITE_KINDS, type SiteJson } from '../../core/protocol/sites';
import type { Site, User } from '../db/schema';

export function siteJson(s: Site): SiteJson {
  return { id: s.id, code: s.code, name: s.name, kind: s.kind, timeZone: s.time_zone, deactivatedAt: s.deactivated_at };
}

export const siteSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: [...SITE_KINDS] },
    timeZone: { type: 'string' },
    deactivatedAt: { type: 'string', format: 'date-time', nullable: true },
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

export function personJson(u: User, siteIds: readonly string[]): PersonJson {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    siteIds: u.role === 'admin' ? [] : [...siteIds],
    disabled: u.disabled === 1,
    hasPin: u.pin_hash !== null,
    createdAt: u.created_at,
  };
}

export const personSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: [...ROLES] },
    siteIds: { type: 'array', items: { type: 'string' } },
    disabled: { type: 'boolean' },
    hasPin: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;
