// The console's pure decisions: what a form refuses before sending, where a server's problem is shown, and when an
// import may be applied.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULE } from '../../core/protocol/alerts';
import type { PeopleImportAnswer } from '../../core/protocol/people-import';
import { readFileSync } from 'node:fs';
import { AUDIT_ACTIONS } from '../../core/protocol/audit';
import {
  ACTION_FILTERS,
  ageOf,
  alertRuleBody,
  alertRuleChange,
  alertRuleDraft,
  alertRuleProblems,
  auditDetailsText,
  canApply,
  enumeratorProblems,
  failureFields,
  formatBytes,
  importCellKey,
  importContentType,
  siteProblems,
  sortedImportRows,
  staffProblems,
} from './console-logic';

describe('sizes and ages', () => {
  it('writes storage in binary units, Vietnamese with a decimal comma', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024, 'vi')).toBe('250 MB');
  });

  it('says an age in its largest whole unit', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(ageOf('2026-12-02T11:59:30Z', now)).toEqual({ unit: 'minutes', count: 0 });
    expect(ageOf('2026-12-02T11:15:00Z', now)).toEqual({ unit: 'minutes', count: 45 });
    expect(ageOf('2026-12-01T12:00:00Z', now)).toEqual({ unit: 'hours', count: 24 });
    expect(ageOf('2026-11-29T11:00:00Z', now)).toEqual({ unit: 'days', count: 3 });
    // A tablet whose clock runs ahead is not "minus 5 minutes" old.
    expect(ageOf('2026-12-02T12:05:00Z', now)).toEqual({ unit: 'minutes', count: 0 });
  });
});

describe('forms refuse before sending', () => {
  it('a site needs a code of letters and digits, a name and a real time zone', () => {
    expect(siteProblems({ code: 'HP-LC', name: 'UBND quận Lê Chân', timeZone: 'Asia/Ho_Chi_Minh' }, { creating: true })).toEqual({});
    expect(siteProblems({ code: '', name: ' ', timeZone: 'Mars/Olympus' }, { creating: true })).toEqual({ code: 'required', name: 'required', timeZone: 'timeZone' });
    expect(siteProblems({ code: 'có dấu', name: 'x', timeZone: 'UTC' }, { creating: true })).toEqual({ code: 'code' });
    // The code is not edited, so an edit never complains about it.
    expect(siteProblems({ code: '', name: 'x', timeZone: 'UTC' }, { creating: false })).toEqual({});
  });

  it('a supervisor needs a username, a long enough password and at least one site; an admin no site', () => {
    const ok = { username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan', password: 'mot-hai-ba-bon', role: 'supervisor' as const, siteIds: ['s1'] };
    expect(staffProblems(ok)).toEqual({});
    expect(staffProblems({ ...ok, username: 'Lan Nguyễn', password: 'ngan', siteIds: [] })).toEqual({ username: 'username', password: 'passwordShort', siteIds: 'sites' });
    expect(staffProblems({ ...ok, role: 'admin', siteIds: [] })).toEqual({});
    expect(staffProblems({ ...ok, displayName: 'x'.repeat(101), password: 'p'.repeat(201) })).toEqual({ displayName: 'tooLong', password: 'tooLong' });
  });

  it('an enumerator PIN is optional, but 4 to 8 digits when given', () => {
    expect(enumeratorProblems({ displayName: 'Trần Văn Minh', siteId: 's1', pin: '' })).toEqual({});
    expect(enumeratorProblems({ displayName: 'Trần Văn Minh', siteId: 's1', pin: '2468' })).toEqual({});
    expect(enumeratorProblems({ displayName: '', siteId: '', pin: '12a4' })).toEqual({ displayName: 'required', siteId: 'required', pin: 'pin' });
    expect(enumeratorProblems({ displayName: 'x', siteId: 's1', pin: '123' })).toEqual({ pin: 'pin' });
  });
});

describe('a server problem lands next to its field', () => {
  const fields = ['code', 'name', 'timeZone'];

  it('by the first segment of each errors[].path, with the form’s own words', () => {
    expect(failureFields({ kind: 'problem', status: 400, code: '400.1', errors: [{ path: 'timeZone', message: 'unknown zone' }] }, fields)).toEqual({
      fields: { timeZone: 'server' },
      rest: false,
    });
    expect(failureFields({ kind: 'problem', status: 400, code: '400.1', errors: [{ path: 'siteIds.0', message: 'x' }] }, ['siteIds'])).toEqual({ fields: { siteIds: 'server' }, rest: false });
  });

  it('a taken code or username is said at that field', () => {
    expect(failureFields({ kind: 'problem', status: 409, code: '409.3' }, fields)).toEqual({ fields: { code: 'codeTaken' }, rest: false });
    expect(failureFields({ kind: 'problem', status: 409, code: '409.2' }, ['username'])).toEqual({ fields: { username: 'taken' }, rest: false });
  });

  it('anything else is said above the form', () => {
    expect(failureFields({ kind: 'network' }, fields)).toEqual({ fields: {}, rest: true });
    expect(failureFields({ kind: 'problem', status: 404, code: '404.1' }, fields)).toEqual({ fields: {}, rest: true });
    expect(failureFields({ kind: 'problem', status: 400, code: '400.1', errors: [{ path: '(root)', message: 'x' }] }, fields)).toEqual({ fields: {}, rest: true });
    expect(failureFields(null, fields)).toEqual({ fields: {}, rest: false });
  });
});

describe('the people import', () => {
  it('sends CSV and XLSX with their types and refuses anything else', () => {
    expect(importContentType('nhan-su.CSV')).toBe('text/csv');
    expect(importContentType('mau.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(importContentType('mau.xls')).toBeNull();
  });

  const answer = (outcomes: ('create' | 'update' | 'unchanged' | 'error')[]): PeopleImportAnswer => ({
    applied: false,
    rows: outcomes.map((outcome, i) => ({ sheet: 'people', row: i + 2, key: `u${i}`, outcome, errors: outcome === 'error' ? [{ column: 'site_codes', code: 'unknown-site' as const, message: 'unknown site' }] : [] })),
    counts: { create: 0, update: 0, unchanged: 0, error: 0, ...Object.fromEntries(['create', 'update', 'unchanged', 'error'].map((o) => [o, outcomes.filter((x) => x === o).length])) },
  });

  it('may be applied only after a clean dry run with rows in it', () => {
    expect(canApply(null)).toBe(false);
    expect(canApply(answer([]))).toBe(false);
    expect(canApply(answer(['create', 'unchanged']))).toBe(true);
    expect(canApply(answer(['create', 'error']))).toBe(false);
    expect(canApply({ ...answer(['create']), applied: true })).toBe(false);
  });

  it('words a refused cell by its code, with the field’s own rule for an invalid value', () => {
    expect(importCellKey({ column: 'site_codes', code: 'unknown-site' })).toBe('import.cell.unknown-site');
    expect(importCellKey({ column: 'pin', code: 'invalid' })).toBe('invalid.pin');
    expect(importCellKey({ column: 'display_name', code: 'invalid' })).toBe('import.cell.invalid');
    // An older server sends English only: shown as it came.
    expect(importCellKey({ column: 'pin' })).toBeNull();
  });

  it('lists sites before people, each by row', () => {
    const rows = sortedImportRows([
      { sheet: 'people', row: 3, key: 'b', outcome: 'create', errors: [] },
      { sheet: 'sites', row: 5, key: 'S2', outcome: 'create', errors: [] },
      { sheet: 'people', row: 2, key: 'a', outcome: 'create', errors: [] },
      { sheet: 'sites', row: 2, key: 'S1', outcome: 'create', errors: [] },
    ]);
    expect(rows.map((r) => `${r.sheet}:${r.row}`)).toEqual(['sites:2', 'sites:5', 'people:2', 'people:3']);
  });
});

describe('audit details', () => {
  it('on one line, without ids', () => {
    expect(auditDetailsText({ siteId: 'x1', siteCode: 'HP-LC', name: 'UBND quận Lê Chân', siteIds: ['a'], sites: ['HP-LC', 'HP-NQ'], empty: null })).toBe(
      'siteCode: HP-LC · name: UBND quận Lê Chân · sites: HP-LC, HP-NQ',
    );
  });

  it('writes instants as the caller says (the site’s clock), other values as they are', () => {
    const time = (iso: string) => `<${iso.slice(11, 16)}>`;
    expect(auditDetailsText({ expiresAt: '2026-12-03T14:00:00.000Z', code: 'HP-LC', n: 3, on: true }, time)).toBe('expiresAt: <14:00> · code: HP-LC · n: 3 · on: true');
  });
});

describe('the audit log’s words', () => {
  type Tree = { [k: string]: string | Tree };
  const audit = (lang: string) => (JSON.parse(readFileSync(new URL(`../i18n/locales/${lang}/admin.json`, import.meta.url), 'utf8')) as { audit: { actions: Tree; kinds: Tree } }).audit;
  const at = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);

  it.each(['vi', 'en'])('every action the server writes is said in words (%s), and can be filtered to', (lang) => {
    const { actions, kinds } = audit(lang);
    expect(AUDIT_ACTIONS.filter((a) => typeof at(actions, a) !== 'string')).toEqual([]);
    // Each under one of the filter's kinds, and every kind worded.
    expect(AUDIT_ACTIONS.filter((a) => !ACTION_FILTERS.some((f) => (f.value.endsWith('.') ? a.startsWith(f.value) : a === f.value)))).toEqual([]);
    expect(ACTION_FILTERS.filter((f) => typeof kinds[f.kind] !== 'string').map((f) => f.kind)).toEqual([]);
  });
});

describe('a kiosk alert rule as typed', () => {
  const draft = alertRuleDraft(DEFAULT_ALERT_RULE);

  it('starts from the rule shown and sends back the same rule', () => {
    expect(draft).toEqual({ windowMinutes: '15', thresholdPercent: '50', minRatings: '4', enabled: true });
    expect(alertRuleProblems(draft)).toEqual({});
    expect(alertRuleBody({ ...draft, windowMinutes: ' 10 ' })).toEqual({ ...DEFAULT_ALERT_RULE, windowMinutes: 10 });
  });

  it('takes whole numbers within the bounds the API keeps, the bounds themselves included', () => {
    expect(alertRuleProblems({ ...draft, windowMinutes: '1', thresholdPercent: '100', minRatings: '1000' })).toEqual({});
    expect(alertRuleProblems({ ...draft, windowMinutes: '1440', thresholdPercent: '1', minRatings: '1' })).toEqual({});
    expect(alertRuleProblems({ windowMinutes: '1441', thresholdPercent: '0', minRatings: '1001', enabled: false })).toEqual({
      windowMinutes: 'windowMinutes',
      thresholdPercent: 'thresholdPercent',
      minRatings: 'minRatings',
    });
    expect(alertRuleProblems({ ...draft, windowMinutes: '7,5', thresholdPercent: '-5', minRatings: 'bốn' })).toEqual({
      windowMinutes: 'windowMinutes',
      thresholdPercent: 'thresholdPercent',
      minRatings: 'minRatings',
    });
    expect(alertRuleProblems({ ...draft, minRatings: '  ' })).toEqual({ minRatings: 'required' });
  });

  it("reads the rules before and after from an audit entry's details, and nothing from another shape", () => {
    const after = { ...DEFAULT_ALERT_RULE, windowMinutes: 10 };
    expect(alertRuleChange({ before: DEFAULT_ALERT_RULE, after })).toEqual({ before: DEFAULT_ALERT_RULE, after });
    expect(alertRuleChange({ before: DEFAULT_ALERT_RULE, after: { ...after, enabled: 'yes' } })).toBeNull();
    expect(alertRuleChange({ siteCode: 'HP-LC' })).toBeNull();
  });
});
