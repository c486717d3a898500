// The console's pure decisions, apart from React so they are tested alone: sizes and ages as people read them, what
// a form may send, which field a server problem belongs next to, and what an import file's dry run allows.
import { formatNumber } from '../../core/format';
import { ALERT_RULE_LIMITS, type AlertRule } from '../../core/protocol/alerts';
import { canonicalTimeZone, checkDisplayName, checkPassword, checkPin, checkSiteCode, checkSiteName, checkUsername, type RuleBreak } from '../../core/admin/rules';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, type ImportErrorCode, type ImportRowJson, type PeopleImportAnswer } from '../../core/protocol/people-import';
import type { FieldError } from '../../core/protocol/problems';
import type { ApiFailure } from '../api/api-error';

/** 1_234_567 → "1,2 MB" (vi) or "1.2 MB" (en); binary units, as a browser's storage estimate counts. */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, lang, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export type AgeUnit = 'minutes' | 'hours' | 'days';

/** How long ago `iso` was at `nowMs`, in the largest whole unit that is at least 1 (under a minute counts as 0 minutes). */
export function ageOf(iso: string, nowMs: number): { unit: AgeUnit; count: number } {
  return spanOf(nowMs - Date.parse(iso));
}

/** A length of time as people say it: whole minutes under an hour, hours under two days, then days (never negative). */
export function spanOf(ms: number): { unit: AgeUnit; count: number } {
  ms = Math.max(0, ms);
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}

/** A field of a console form and why it is refused, as a key of the 'admin' namespace's "invalid" words. */
export type FieldProblems = Record<string, string>;

/** 'invalid' said with the field's own rule; the other codes of core's rules are the same words for every field. */
const INVALID_KEY: Record<string, string> = { code: 'code', timeZone: 'timeZone', username: 'username', password: 'passwordShort', pin: 'pin' };

/** Core's verdict on one field (core/admin/rules.ts, the API's and the import's own rules) as the form's words. */
function keyOf(field: string, b: RuleBreak | null): string | undefined {
  if (!b) return undefined;
  if (b.code === 'invalid') return INVALID_KEY[field] ?? 'server';
  if (b.code === 'too-long') return 'tooLong';
  return b.code === 'required' ? 'required' : 'server';
}

function collect(entries: [string, string | undefined][]): FieldProblems {
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
}

export interface SiteDraft {
  code: string;
  name: string;
  timeZone: string;
}

/** What is wrong with a site form before it is sent (code only when creating: it never changes). */
export function siteProblems(d: SiteDraft, { creating }: { creating: boolean }): FieldProblems {
  const zone = d.timeZone.trim();
  return collect([
    ['code', creating ? keyOf('code', checkSiteCode(d.code.trim())) : undefined],
    ['name', keyOf('name', checkSiteName(d.name.trim()))],
    ['timeZone', !zone ? 'required' : canonicalTimeZone(zone) ? undefined : 'timeZone'],
  ]);
}

export function passwordProblem(password: string): string | undefined {
  return keyOf('password', checkPassword(password));
}

export function pinProblem(pin: string): string | undefined {
  return keyOf('pin', checkPin(pin));
}

export interface StaffDraft {
  username: string;
  displayName: string;
  password: string;
  role: 'admin' | 'supervisor';
  siteIds: string[];
}

export function staffProblems(d: StaffDraft): FieldProblems {
  return collect([
    ['username', keyOf('username', checkUsername(d.username.trim()))],
    ['displayName', displayNameProblem(d.displayName)],
    ['password', passwordProblem(d.password)],
    ['siteIds', d.role === 'supervisor' && d.siteIds.length === 0 ? 'sites' : undefined],
  ]);
}

export function displayNameProblem(name: string): string | undefined {
  return keyOf('displayName', checkDisplayName(name.trim()));
}

export interface EnumeratorDraft {
  displayName: string;
  siteId: string;
  /** '' for no PIN. */
  pin: string;
}

export function enumeratorProblems(d: EnumeratorDraft): FieldProblems {
  return collect([
    ['displayName', displayNameProblem(d.displayName)],
    ['siteId', d.siteId ? undefined : 'required'],
    ['pin', d.pin === '' ? undefined : pinProblem(d.pin)],
  ]);
}

/** Problems whose cause is one field of the form, wherever the server raises them. */
const FIELD_OF_CODE: Record<string, { field: string; key: string }> = {
  '409.2': { field: 'username', key: 'taken' },
  '409.3': { field: 'code', key: 'codeTaken' },
};

/**
 * A failed save, split into what goes next to a field (by the problem's errors[].path, first segment: "siteIds.0" is
 * siteIds) and whether anything is left to say above the form. Server messages are English for whoever fixes the
 * cause, so a field shows the form's own words ('server') unless its path is not one of the form's fields.
 */
export function failureFields(f: ApiFailure | null, fields: readonly string[]): { fields: FieldProblems; rest: boolean } {
  if (!f || f.kind !== 'problem') return { fields: {}, rest: f !== null };
  const byCode = f.code ? FIELD_OF_CODE[f.code] : undefined;
  if (byCode && fields.includes(byCode.field)) return { fields: { [byCode.field]: byCode.key }, rest: false };
  const out: FieldProblems = {};
  let rest = !f.errors?.length;
  for (const e of f.errors ?? ([] as FieldError[])) {
    const field = e.path.split('.')[0] ?? '';
    if (fields.includes(field)) out[field] ??= 'server';
    else rest = true;
  }
  return { fields: out, rest };
}

/** The Content-Type a template file travels with, from its name; null for a file the import does not read. */
export function importContentType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return CSV_CONTENT_TYPE;
  if (name.endsWith('.xlsx')) return XLSX_CONTENT_TYPE;
  return null;
}

/** Apply is offered only after a dry run of this very file that found rows and no error. */
export function canApply(answer: PeopleImportAnswer | null): boolean {
  return answer !== null && !answer.applied && answer.rows.length > 0 && answer.counts.error === 0 && answer.rows.every((r) => r.outcome !== 'error');
}

/** 'invalid' in these columns is said with the form's own rule for the field (an 'invalid.*' key). */
const RULE_OF_COLUMN: Record<string, string> = { code: 'invalid.code', time_zone: 'invalid.timeZone', username: 'invalid.username', pin: 'invalid.pin', password: 'invalid.passwordShort', kind: 'import.cell.kind' };

/**
 * The 'admin' key that words a refused cell, from its code (servers older than the code send only English: null, and
 * the message is shown as it came).
 */
export function importCellKey(e: { column: string; code?: ImportErrorCode }): string | null {
  if (!e.code) return null;
  if (e.code === 'invalid' && RULE_OF_COLUMN[e.column]) return RULE_OF_COLUMN[e.column]!;
  return `import.cell.${e.code}`;
}

/** The dry run's rows in the order a person fixes them: sites before people, then by row number. */
export function sortedImportRows(rows: readonly ImportRowJson[]): ImportRowJson[] {
  const sheetOrder = { sites: 0, people: 1 } as const;
  return [...rows].sort((a, b) => sheetOrder[a.sheet] - sheetOrder[b.sheet] || a.row - b.row);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * An audit entry's details on one line, "siteCode: HP-LC · name: UBND…", without the ids a person cannot read, and
 * with instants written by `time` (the site's clock) instead of as ISO.
 */
export function auditDetailsText(details: Record<string, unknown>, time: (iso: string) => string = (iso) => iso): string {
  const text = (v: unknown): string => {
    if (Array.isArray(v)) return v.map(text).join(', ');
    if (typeof v === 'string') return ISO_TIME.test(v) && !Number.isNaN(Date.parse(v)) ? time(v) : v;
    return typeof v === 'object' ? JSON.stringify(v) : String(v as number | boolean);
  };
  return Object.entries(details)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !/(^id$|Id$|Ids$)/.test(k))
    .map(([k, v]) => `${k}: ${text(v)}`)
    .join(' · ');
}

/** A kiosk alert rule as its form holds it: the numbers as typed. */
export interface AlertRuleDraft {
  windowMinutes: string;
  thresholdPercent: string;
  minRatings: string;
  enabled: boolean;
}

const RULE_NUMBERS = ['windowMinutes', 'thresholdPercent', 'minRatings'] as const;
export const ALERT_RULE_FIELDS: readonly string[] = [...RULE_NUMBERS, 'enabled'];

export function alertRuleDraft(r: AlertRule): AlertRuleDraft {
  return { windowMinutes: String(r.windowMinutes), thresholdPercent: String(r.thresholdPercent), minRatings: String(r.minRatings), enabled: r.enabled };
}

/** Each number must be whole and within the API's bounds; the field's own words say which (an 'invalid.*' key of its name). */
export function alertRuleProblems(d: AlertRuleDraft): FieldProblems {
  return collect(
    RULE_NUMBERS.map((k): [string, string | undefined] => {
      const text = d[k].trim();
      if (!text) return [k, 'required'];
      const n = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
      return [k, n >= ALERT_RULE_LIMITS[k].min && n <= ALERT_RULE_LIMITS[k].max ? undefined : k];
    }),
  );
}

/** The body of PUT /api/v1/sites/:id/alert-rule from a draft alertRuleProblems found nothing wrong with. */
export function alertRuleBody(d: AlertRuleDraft): AlertRule {
  return { windowMinutes: Number(d.windowMinutes.trim()), thresholdPercent: Number(d.thresholdPercent.trim()), minRatings: Number(d.minRatings.trim()), enabled: d.enabled };
}

/** The rules before and after in an 'alert-rule.update' audit entry, or null when its details are not that shape. */
export function alertRuleChange(details: Record<string, unknown>): { before: AlertRule; after: AlertRule } | null {
  const rule = (v: unknown): AlertRule | null => {
    if (!v || typeof v !== 'object') return null;
    const r = v as Record<string, unknown>;
    if (!RULE_NUMBERS.every((k) => typeof r[k] === 'number') || typeof r.enabled !== 'boolean') return null;
    return { windowMinutes: r.windowMinutes as number, thresholdPercent: r.thresholdPercent as number, minRatings: r.minRatings as number, enabled: r.enabled };
  };
  const before = rule(details.before);
  const after = rule(details.after);
  return before && after ? { before, after } : null;
}

/** The kinds of change the log can be narrowed to: an action prefix (the server matches "user." as user.*) or one action. */
export const ACTION_FILTERS = [
  { value: 'site.', kind: 'site' },
  { value: 'user.', kind: 'user' },
  { value: 'device.', kind: 'device' },
  { value: 'enrolment-code.', kind: 'enrolment-code' },
  { value: 'alert-rule.', kind: 'alert-rule' },
  { value: 'alert.', kind: 'alert' },
  { value: 'form.', kind: 'form' },
  { value: 'response.', kind: 'response' },
  { value: 'people.import', kind: 'people-import' },
  { value: 'import', kind: 'import' },
  { value: 'export.', kind: 'export' },
  { value: 'target.', kind: 'target' },
  { value: 'session.', kind: 'session' },
  { value: 'rollups.', kind: 'rollups' },
] as const;
