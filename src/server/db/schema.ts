// The tables as Kysely sees them: one description shared by SQLite and PostgreSQL (timestamps are ISO text in UTC).
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { FormStatus } from '../../core/protocol/forms';
import type { Role } from '../../core/protocol/sessions';
import type { SiteKind } from '../../core/protocol/sites';

/** A column added after the first schema: null in old rows, and left out of an insert that has nothing to say. */
type Later<T> = ColumnType<T | null, T | null | undefined, T | null>;

interface SitesTable {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  time_zone: string;
  created_at: string;
  deactivated_at: Later<string>;
}

interface UsersTable {
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

interface UserSitesTable {
  user_id: string;
  site_id: string;
}

interface DevicesTable {
  id: string;
  site_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: Later<string>;
  last_sync_at: Later<string>;
  /** When the tablet's last report (DeviceReport) arrived; the columns below are that report. */
  reported_at: Later<string>;
  app_version: Later<string>;
  waiting: Later<number>;
  oldest_waiting_at: Later<string>;
  storage_used_bytes: Later<number>;
  /** 0 or 1, or null when the browser did not say. */
  storage_persisted: Later<number>;
  last_sync_error: Later<string>;
  /** The tablet's clock minus the server's at its last report (ms); null until a report carried its clock. */
  clock_skew_ms: Later<number>;
}

interface EnrolmentCodesTable {
  /** Null only in a row a migration has not reached; every new code gets one. */
  id: Later<string>;
  code_hash: string;
  site_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
  cancelled_at: Later<string>;
}

interface FormsTable {
  id: string;
  version: number;
  kind: 'interview' | 'kiosk';
  definition: string;
  /** draft → published → withdrawn (migration 2026-12-02-06); only published ones reach tablets. */
  status: ColumnType<FormStatus, FormStatus | undefined, FormStatus>;
  created_at: string;
  /** Usernames ('cli' from the command line); null for the built-in forms and rows older than the lifecycle. */
  created_by: Later<string>;
  published_at: Later<string>;
  published_by: Later<string>;
  withdrawn_at: Later<string>;
  withdrawn_by: Later<string>;
  /** 1: offered to every site (also sites created later); 0: only to the sites in form_sites. */
  all_sites: ColumnType<number, number | undefined, number>;
}

interface FormSitesTable {
  form_id: string;
  form_version: number;
  site_id: string;
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
  /** Why the response is left out of the scores ('implausible-time', 'supervisor'), or null when it counts. */
  excluded: Later<string>;
  /** A supervisor's exclusion: the reason they typed, who (user id) and when. */
  excluded_note: Later<string>;
  excluded_by: Later<string>;
  excluded_at: Later<string>;
}

interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

interface AuditLogTable {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  /** The site the change concerns, when it concerns one (the log filters by it). */
  site_id: Later<string>;
  details: string;
}

/** 't' = totals, 'p' = by procedure, 'e' = by enumerator (see migration 2026-11-26-02 for why). */
export type Grain = 't' | 'p' | 'e';

/** Where a score_rollup row sits: the table's key, one row per distinct value. */
export interface RollupKey {
  form_id: string;
  grain: Grain;
  local_day: string;
  site_id: string;
  form_version: number;
  /** '' when the grain is not 'p' or the response named no procedure. */
  procedure_code: string;
  /** '' when the grain is not 'e' or the response has no enumerator. */
  enumerator_id: string;
  item_id: string;
}

/** The counts a score_rollup row holds. */
export interface RollupCounts {
  satisfied: number;
  valid: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  na: number;
  misuse: number;
}

/** The key columns in primary-key order. */
export const ROLLUP_KEY_COLUMNS = ['form_id', 'grain', 'local_day', 'site_id', 'form_version', 'procedure_code', 'enumerator_id', 'item_id'] as const satisfies readonly (keyof RollupKey)[];

/**
 * The count columns in the order of a count vector (scores/rollup.ts keeps one vector of these per item and
 * writes it as it is), so the order is part of the contract between the counting and the writing.
 */
export const ROLLUP_COUNT_COLUMNS = ['satisfied', 'valid', 'n1', 'n2', 'n3', 'n4', 'n5', 'na', 'misuse'] as const satisfies readonly (keyof RollupCounts)[];

type ScoreRollupTable = RollupKey & RollupCounts;

/** Quality flags found at ingest, while the answers are parsed anyway (the others are judged on read). */
export type MarkFlag = 'straight-lining' | 'kiosk-misuse';

interface ResponseMarksTable {
  response_id: string;
  flag: MarkFlag;
  form_id: string;
  site_id: string;
  local_day: string;
}

/** Which counter a failure counts in (see auth/attempts.ts). */
export type FailureScope = 'login-user-address' | 'login-user' | 'login-address' | 'enrol-address';

interface AuthFailuresTable {
  scope: FailureScope;
  key_hash: string;
  at: string;
}

/** A site's kiosk alert rule (migration 2026-12-02-08); a site without a row has the defaults. */
interface AlertRulesTable {
  site_id: string;
  window_minutes: number;
  threshold_percent: number;
  min_ratings: number;
  enabled: number;
  updated_at: string;
  updated_by: string | null;
}

/** An alert a site's kiosk ratings raised: open while closed_at is null. */
interface KioskAlertsTable {
  id: string;
  site_id: string;
  opened_at: string;
  closed_at: string | null;
  ratings: number;
  unhappy: number;
  window_minutes: number;
  threshold_percent: number;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  ack_comment: string | null;
}

export type KioskAlertRow = Selectable<KioskAlertsTable>;

/** N for a site and an exact period (migration 2026-12-02-10): from and to are local days, inclusive. */
interface SampleTargetsTable {
  site_id: string;
  period_from: string;
  period_to: string;
  population: number;
  updated_at: string;
  /** The user id of who set it. */
  updated_by: string;
}

export type SampleTargetRow = Selectable<SampleTargetsTable>;

/** A refusal recorded on a tablet (migration 2026-12-02-09): no answers, nothing personal. */
export interface RefusalsTable {
  id: string;
  /** The canonical JSON of the refusal as received; its hash tells a duplicate from a conflict. */
  payload: string;
  payload_hash: string;
  form_id: string;
  form_version: number;
  site_id: string;
  device_id: string;
  enumerator_id: string;
  reason: string;
  occurred_at: string;
  received_at: string;
  local_day: string;
}

export interface Database {
  sites: SitesTable;
  users: UsersTable;
  user_sites: UserSitesTable;
  devices: DevicesTable;
  enrolment_codes: EnrolmentCodesTable;
  forms: FormsTable;
  form_sites: FormSitesTable;
  responses: ResponsesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  score_rollup: ScoreRollupTable;
  response_marks: ResponseMarksTable;
  auth_failures: AuthFailuresTable;
  alert_rules: AlertRulesTable;
  kiosk_alerts: KioskAlertsTable;
  sample_targets: SampleTargetsTable;
  refusals: RefusalsTable;
}

export type Site = Selectable<SitesTable>;
export type User = Selectable<UsersTable>;
export type Device = Selectable<DevicesTable>;
export type FormRow = Selectable<FormsTable>;
export type NewDevice = Insertable<DevicesTable>;
export type ResponseRow = Insertable<ResponsesTable>;
export type ResponseMark = Selectable<ResponseMarksTable>;
