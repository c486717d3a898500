// The tables as Kysely sees them: one description shared by SQLite and PostgreSQL (timestamps are ISO text in UTC).
import type { Insertable, Selectable } from 'kysely';

export const SITE_KINDS = ['so-nganh', 'quan-huyen', 'xa-phuong'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
export const ROLES = ['admin', 'supervisor', 'enumerator'] as const;
export type Role = (typeof ROLES)[number];

export interface SitesTable {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  time_zone: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  /** Null for enumerators, who never log in on the web. */
  password_hash: string | null;
  pin_hash: string | null;
  /** 0 or 1: integers keep the two databases alike. */
  disabled: number;
  created_at: string;
}

export interface UserSitesTable {
  user_id: string;
  site_id: string;
}

export interface DevicesTable {
  id: string;
  site_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EnrolmentCodesTable {
  code_hash: string;
  site_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

export interface FormsTable {
  id: string;
  version: number;
  kind: 'interview' | 'kiosk';
  definition: string;
  published: number;
  created_at: string;
}

export interface ResponsesTable {
  id: string;
  payload: string;
  payload_hash: string;
  form_id: string;
  form_version: number;
  site_id: string;
  device_id: string;
  enumerator_id: string | null;
  mode: 'interview' | 'kiosk';
  started_at: string;
  completed_at: string;
  received_at: string;
  local_day: string;
  duration_ms: number | null;
  flags: string;
  procedure_code: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  details: string;
}

export interface Database {
  sites: SitesTable;
  users: UsersTable;
  user_sites: UserSitesTable;
  devices: DevicesTable;
  enrolment_codes: EnrolmentCodesTable;
  forms: FormsTable;
  responses: ResponsesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export type Site = Selectable<SitesTable>;
export type User = Selectable<UsersTable>;
export type Device = Selectable<DevicesTable>;
export type ResponseRow = Insertable<ResponsesTable>;
