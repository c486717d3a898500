// The people import's plan: every row of a sites-and-people file checked against the rules and what exists, with
// what it would do (create, update, unchanged) or why it cannot (errors by column), and the writes it implies.
//
// The rules an IT officer can rely on (the template's notes say them too):
// - A row names its site by code and its person by username; those never change through the import.
// - An empty optional cell keeps what is stored (time_zone, pin); a new site without a time zone gets Asia/Ho_Chi_Minh.
// - site_codes is the whole list: a supervisor's sites become exactly those; an enumerator has exactly one.
// - password is read only for a supervisor who has none yet (a new one): the import never resets a password, so the
//   same file imported again changes nothing. Resetting is done in the console or the CLI.
// - pin sets an enumerator's PIN; one equal to the stored PIN is unchanged. The import never clears a PIN.
// - The import creates supervisors and enumerators only; it changes no one's role, and never enables or disables anyone.
// - A person row may name a site that a sites row of the same file creates; it may not add a person to a deactivated site.
//   A sites row may rename a deactivated site; the import never reactivates one (nor deactivates any).
import { DEFAULT_TIME_ZONE } from '../format';
import type { ImportCellError, ImportOutcome, ImportRowJson } from '../protocol/people-import';
import type { Role } from '../protocol/sessions';
import type { SiteKind } from '../protocol/sites';
import {
  canonicalTimeZone,
  checkDisplayName,
  checkPassword,
  checkPin,
  checkSiteCode,
  checkSiteKind,
  checkSiteName,
  checkUsername,
  type RuleBreak,
} from './rules';

/** One data row of a sheet: its number as the spreadsheet shows it, and its cells (trimmed text) by header. */
export interface TableRow {
  row: number;
  cells: Readonly<Record<string, string>>;
  /** Columns of the other sheet that this row fills (a CSV row of sites with a username, say): each is an error. */
  stray?: readonly string[];
}

export interface ImportTables {
  sites: readonly TableRow[];
  people: readonly TableRow[];
}

export interface ExistingSite {
  code: string;
  name: string;
  kind: SiteKind;
  timeZone: string;
  deactivated: boolean;
}

export interface ExistingPerson {
  username: string;
  role: Role;
  displayName: string;
  siteCodes: readonly string[];
  disabled: boolean;
  hasPassword: boolean;
  hasPin: boolean;
}

/** What exists, and the one question only the server can answer: whether a PIN is the stored one (an async hash check). */
export interface ImportWorld {
  sites: ReadonlyMap<string, ExistingSite>;
  people: ReadonlyMap<string, ExistingPerson>;
  pinMatches(username: string, pin: string): Promise<boolean>;
}

export type SiteWrite =
  | { op: 'create'; code: string; name: string; kind: SiteKind; timeZone: string }
  | { op: 'update'; code: string; name?: string; kind?: SiteKind; timeZone?: string };

export type PersonWrite =
  | { op: 'create'; role: 'supervisor' | 'enumerator'; username: string; displayName: string; siteCodes: string[]; password: string | null; pin: string | null }
  | { op: 'update'; username: string; displayName?: string; siteCodes?: string[]; password?: string; pin?: string };

export interface ImportPlan {
  rows: ImportRowJson[];
  counts: Record<ImportOutcome, number>;
  /** True when no row has an error: only then may the writes be applied. */
  valid: boolean;
  sites: SiteWrite[];
  people: PersonWrite[];
}

const IMPORTABLE_ROLES = ['supervisor', 'enumerator'] as const;

const cell = (r: TableRow, column: string) => (r.cells[column] ?? '').trim();

/** Site codes as a cell lists them: separated by commas, semicolons or spaces (a code holds none of those), each once. */
export function splitSiteCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

class RowCheck {
  readonly errors: ImportCellError[] = [];
  add(column: string, b: RuleBreak | null): void {
    if (b && !this.errors.some((e) => e.column === column)) this.errors.push({ column, ...b });
  }
  stray(r: TableRow): void {
    for (const column of r.stray ?? []) this.add(column, { code: 'not-for-sheet', message: 'this column is for the other sheet: leave it empty in this row' });
  }
}

function outcomeOf(check: RowCheck, exists: boolean, changed: boolean): ImportOutcome {
  if (check.errors.length) return 'error';
  if (!exists) return 'create';
  return changed ? 'update' : 'unchanged';
}

function planSites(rows: readonly TableRow[], world: ImportWorld, out: ImportRowJson[], writes: SiteWrite[]): Map<string, 'new' | 'existing'> {
  const firstRow = new Map<string, number>();
  const known = new Map<string, 'new' | 'existing'>();
  for (const r of rows) {
    const check = new RowCheck();
    check.stray(r);
    const code = cell(r, 'code');
    const name = cell(r, 'name').normalize('NFC');
    const kind = cell(r, 'kind');
    const zoneText = cell(r, 'time_zone');
    check.add('code', checkSiteCode(code));
    const first = firstRow.get(code);
    if (code && first !== undefined) check.add('code', { code: 'duplicate', message: `site ${code} is already in row ${first}` });
    check.add('name', checkSiteName(name));
    check.add('kind', checkSiteKind(kind));
    const zone = zoneText ? canonicalTimeZone(zoneText) : null;
    if (zoneText && !zone) check.add('time_zone', { code: 'invalid', message: `"${zoneText}" is not an IANA time zone such as ${DEFAULT_TIME_ZONE}` });

    const existing = checkSiteCode(code) ? undefined : world.sites.get(code);
    if (!checkSiteCode(code) && first === undefined) {
      firstRow.set(code, r.row);
      known.set(code, existing ? 'existing' : 'new');
    }
    let changed = false;
    if (!check.errors.length) {
      const k = kind as SiteKind;
      if (!existing) {
        writes.push({ op: 'create', code, name, kind: k, timeZone: zone ?? DEFAULT_TIME_ZONE });
      } else {
        const update: Extract<SiteWrite, { op: 'update' }> = { op: 'update', code };
        if (name !== existing.name) update.name = name;
        if (k !== existing.kind) update.kind = k;
        if (zone && zone !== existing.timeZone) update.timeZone = zone;
        changed = Object.keys(update).length > 2;
        if (changed) writes.push(update);
      }
    }
    out.push({ sheet: 'sites', row: r.row, key: code, outcome: outcomeOf(check, !!existing, changed), errors: check.errors });
  }
  return known;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

async function planPeople(rows: readonly TableRow[], world: ImportWorld, fileSites: Map<string, 'new' | 'existing'>, out: ImportRowJson[], writes: PersonWrite[]): Promise<void> {
  const firstRow = new Map<string, number>();
  // Every PIN compared with its stored hash at once: the checks are slow on purpose, and the server runs them in parallel.
  const pinChecks = new Map<TableRow, Promise<boolean>>();
  for (const r of rows) {
    const username = cell(r, 'username');
    const pin = cell(r, 'pin');
    const existing = world.people.get(username);
    if (pin && existing?.hasPin && !checkPin(pin)) pinChecks.set(r, world.pinMatches(username, pin).catch(() => false));
  }
  for (const r of rows) {
    const check = new RowCheck();
    check.stray(r);
    const role = cell(r, 'role').toLowerCase();
    const username = cell(r, 'username');
    const displayName = cell(r, 'display_name').normalize('NFC');
    const codes = splitSiteCodes(cell(r, 'site_codes'));
    // Secrets as typed: only the ends' whitespace is dropped, as everywhere a cell is read.
    const password = cell(r, 'password');
    const pin = cell(r, 'pin');

    const isRole = (IMPORTABLE_ROLES as readonly string[]).includes(role);
    if (!role) check.add('role', { code: 'required', message: 'a role is required: supervisor or enumerator' });
    else if (!isRole) check.add('role', { code: 'role-not-allowed', message: `"${role}" cannot be imported: supervisor or enumerator (admins are added one by one)` });
    check.add('username', checkUsername(username));
    const first = firstRow.get(username);
    if (username && first !== undefined) check.add('username', { code: 'duplicate', message: `${username} is already in row ${first}` });
    else if (username) firstRow.set(username, r.row);
    check.add('display_name', checkDisplayName(displayName));

    const existing = checkUsername(username) ? undefined : world.people.get(username);
    if (existing && isRole && existing.role !== role) {
      check.add('role', { code: 'role-change', message: `${username} is ${existing.role === 'supervisor' ? 'a' : 'an'} ${existing.role}: the import changes no one's role` });
    }

    if (!codes.length) check.add('site_codes', { code: 'required', message: role === 'enumerator' ? "the enumerator's site code is required" : 'at least one site code is required' });
    else if (role === 'enumerator' && codes.length > 1) check.add('site_codes', { code: 'one-site', message: 'an enumerator works at one site' });
    for (const code of codes) {
      const site = world.sites.get(code);
      if (!site && !fileSites.has(code)) {
        check.add('site_codes', { code: 'unknown-site', message: `no site ${code}, in the database or in the sites of this file` });
      } else if (site?.deactivated && !existing?.siteCodes.includes(code)) {
        check.add('site_codes', { code: 'site-deactivated', message: `site ${code} is deactivated: it takes no new people` });
      }
    }

    if (role === 'enumerator' && password) check.add('password', { code: 'not-for-role', message: 'enumerators do not sign in on the web: leave password empty (a PIN goes in pin)' });
    if (role === 'supervisor' && password) check.add('password', checkPassword(password));
    if (role === 'supervisor' && !password && (!existing || (existing.role === 'supervisor' && !existing.hasPassword))) check.add('password', { code: 'password-required', message: 'a new supervisor needs a password' });
    if (role === 'supervisor' && pin) check.add('pin', { code: 'not-for-role', message: 'a PIN is for enumerators: leave pin empty' });
    if (role === 'enumerator' && pin) check.add('pin', checkPin(pin));

    let changed = false;
    if (!check.errors.length) {
      const r0 = role as 'supervisor' | 'enumerator';
      if (!existing) {
        writes.push({ op: 'create', role: r0, username, displayName, siteCodes: codes, password: r0 === 'supervisor' ? password : null, pin: r0 === 'enumerator' && pin ? pin : null });
      } else {
        const update: Extract<PersonWrite, { op: 'update' }> = { op: 'update', username };
        if (displayName !== existing.displayName) update.displayName = displayName;
        if (!sameSet(codes, existing.siteCodes)) update.siteCodes = codes;
        if (r0 === 'supervisor' && password && !existing.hasPassword) update.password = password;
        if (r0 === 'enumerator' && pin && !(await pinChecks.get(r))) update.pin = pin;
        changed = Object.keys(update).length > 2;
        if (changed) writes.push(update);
      }
    }
    out.push({ sheet: 'people', row: r.row, key: username, outcome: outcomeOf(check, !!existing, changed), errors: check.errors });
  }
}

/** Checks every row (sites first, so people may name them) and says what applying the file would do. */
export async function planPeopleImport(tables: ImportTables, world: ImportWorld): Promise<ImportPlan> {
  const rows: ImportRowJson[] = [];
  const sites: SiteWrite[] = [];
  const people: PersonWrite[] = [];
  const fileSites = planSites(tables.sites, world, rows, sites);
  await planPeople(tables.people, world, fileSites, rows, people);
  const counts: Record<ImportOutcome, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { rows, counts, valid: counts.error === 0, sites, people };
}
