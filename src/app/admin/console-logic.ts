// The console's pure decisions, apart from React so they are tested alone: sizes and ages as people read them, what
// a form may send, which field a server problem belongs next to, and what an import file's dry run allows.
import { formatNumber } from '../../core/format';
import { ENUMERATOR_PIN_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from '../../core/protocol/people';
import type { ImportRowJson, PeopleImportAnswer } from '../../core/protocol/people-import';
import type { FieldError } from '../../core/protocol/problems';
import { SITE_CODE_PATTERN } from '../../core/protocol/sites';
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
  const ms = Math.max(0, nowMs - Date.parse(iso));
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}

/** A field of a console form and why it is refused, as a key of the 'admin' namespace's "invalid" words. */
export type FieldProblems = Record<string, string>;

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface SiteDraft {
  code: string;
  name: string;
  timeZone: string;
}

/** What is wrong with a site form before it is sent (code only when creating: it never changes). */
export function siteProblems(d: SiteDraft, { creating }: { creating: boolean }): FieldProblems {
  const p: FieldProblems = {};
  if (creating && !SITE_CODE_PATTERN.test(d.code.trim())) p.code = d.code.trim() ? 'code' : 'required';
  if (!d.name.trim()) p.name = 'required';
  if (!d.timeZone.trim()) p.timeZone = 'required';
  else if (!validTimeZone(d.timeZone.trim())) p.timeZone = 'timeZone';
  return p;
}

export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'passwordShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'passwordLong';
  return undefined;
}

export function pinProblem(pin: string): string | undefined {
  return ENUMERATOR_PIN_PATTERN.test(pin) ? undefined : 'pin';
}

export interface StaffDraft {
  username: string;
  displayName: string;
  password: string;
  role: 'admin' | 'supervisor';
  siteIds: string[];
}

export function staffProblems(d: StaffDraft): FieldProblems {
  const p: FieldProblems = {};
  if (!USERNAME_PATTERN.test(d.username.trim())) p.username = d.username.trim() ? 'username' : 'required';
  if (!d.displayName.trim()) p.displayName = 'required';
  const pw = passwordProblem(d.password);
  if (pw) p.password = pw;
  if (d.role === 'supervisor' && d.siteIds.length === 0) p.siteIds = 'sites';
  return p;
}

export interface EnumeratorDraft {
  displayName: string;
  siteId: string;
  /** '' for no PIN. */
  pin: string;
}

export function enumeratorProblems(d: EnumeratorDraft): FieldProblems {
  const p: FieldProblems = {};
  if (!d.displayName.trim()) p.displayName = 'required';
  if (!d.siteId) p.siteId = 'required';
  if (d.pin !== '') {
    const pin = pinProblem(d.pin);
    if (pin) p.pin = pin;
  }
  return p;
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
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
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
export function importCellKey(e: { column: string; code?: string }): string | null {
  if (!e.code) return null;
  if (e.code === 'invalid' && RULE_OF_COLUMN[e.column]) return RULE_OF_COLUMN[e.column]!;
  return `import.cell.${e.code}`;
}

/** The dry run's rows in the order a person fixes them: sites before people, then by row number. */
export function sortedImportRows(rows: readonly ImportRowJson[]): ImportRowJson[] {
  const sheetOrder = { sites: 0, people: 1 } as const;
  return [...rows].sort((a, b) => sheetOrder[a.sheet] - sheetOrder[b.sheet] || a.row - b.row);
}

/** An audit entry's details on one line, "siteCode: HP-LC · name: UBND…", without the ids a person cannot read. */
export function auditDetailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !/(^id$|Id$|Ids$)/.test(k))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)}`)
    .join(' · ');
}
