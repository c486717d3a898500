// The import's plan, row by row: what each row would do, every error by column, and re-importing changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPeopleImport, splitSiteCodes, type ExistingPerson, type ExistingSite, type ImportPlan, type ImportTables, type ImportWorld, type TableRow } from './people-import';

const site = (row: number, code: string, name = `Một cửa ${code}`, kind = 'xa-phuong', time_zone = ''): TableRow => ({ row, cells: { code, name, kind, time_zone } });
const person = (row: number, role: string, username: string, site_codes: string, extra: { display_name?: string; password?: string; pin?: string } = {}): TableRow => ({
  row,
  cells: { role, username, display_name: extra.display_name ?? `Người ${username}`, site_codes, password: extra.password ?? '', pin: extra.pin ?? '' },
});

const Q1: ExistingSite = { code: 'Q1', name: 'Một cửa Q1', kind: 'quan-huyen', timeZone: 'Asia/Ho_Chi_Minh', deactivated: false };
const OLD: ExistingSite = { code: 'OLD', name: 'Cũ', kind: 'xa-phuong', timeZone: 'Asia/Ho_Chi_Minh', deactivated: true };
const lan: ExistingPerson = { username: 'lan', role: 'supervisor', displayName: 'Nguyễn Thị Lan', siteCodes: ['Q1'], disabled: false, hasPassword: true, hasPin: false };
const minh: ExistingPerson = { username: 'minh', role: 'enumerator', displayName: 'Trần Văn Minh', siteCodes: ['Q1'], disabled: false, hasPassword: false, hasPin: true };
const root: ExistingPerson = { username: 'root', role: 'admin', displayName: 'Quản trị', siteCodes: [], disabled: false, hasPassword: true, hasPin: false };

function world(sites: ExistingSite[] = [Q1, OLD], people: ExistingPerson[] = [lan, minh, root], pins: Record<string, string> = { minh: '2468' }): ImportWorld {
  return {
    sites: new Map(sites.map((s) => [s.code, s])),
    people: new Map(people.map((p) => [p.username, p])),
    pinMatches: async (username, pin) => pins[username] === pin,
  };
}

const plan = (tables: Partial<ImportTables>, w = world()) => planPeopleImport({ sites: tables.sites ?? [], people: tables.people ?? [] }, w);
const only = (p: ImportPlan) => {
  expect(p.rows).toHaveLength(1);
  return p.rows[0];
};

describe('people import plan', () => {
  it('creates new sites and people, and a person may name a site the same file creates', async () => {
    const p = await plan({
      sites: [site(2, 'P.BEN-NGHE', 'Phường Bến Nghé', 'xa-phuong', 'asia/ho_chi_minh')],
      people: [person(2, 'supervisor', 'hoa', 'Q1, P.BEN-NGHE', { password: 'mật khẩu đủ dài' }), person(3, 'enumerator', 'tuan', 'P.BEN-NGHE', { pin: '0123' })],
    });
    expect(p.rows.map((r) => [r.sheet, r.row, r.key, r.outcome])).toEqual([
      ['sites', 2, 'P.BEN-NGHE', 'create'],
      ['people', 2, 'hoa', 'create'],
      ['people', 3, 'tuan', 'create'],
    ]);
    expect(p.valid).toBe(true);
    expect(p.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(p.sites).toEqual([{ op: 'create', code: 'P.BEN-NGHE', name: 'Phường Bến Nghé', kind: 'xa-phuong', timeZone: 'Asia/Ho_Chi_Minh' }]);
    expect(p.people[1]).toEqual({ op: 'create', role: 'enumerator', username: 'tuan', displayName: 'Người tuan', siteCodes: ['P.BEN-NGHE'], password: null, pin: '0123' });
  });

  it('says unchanged for rows equal to what is stored: a password never resets, an equal PIN is unchanged, empty cells keep', async () => {
    const p = await plan({
      sites: [site(2, 'Q1', 'Một cửa Q1', 'quan-huyen')],
      people: [person(2, 'supervisor', 'lan', 'Q1', { display_name: 'Nguyễn Thị Lan', password: 'một mật khẩu khác' }), person(3, 'enumerator', 'minh', 'Q1', { display_name: 'Trần Văn Minh', pin: '2468' }), person(4, 'enumerator', 'minh2', 'Q1')],
    }, world([Q1], [lan, minh, { ...minh, username: 'minh2', displayName: 'Người minh2' }]));
    expect(p.rows.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(p.sites).toEqual([]);
    expect(p.people).toEqual([]);
  });

  it('updates only what differs', async () => {
    const p = await plan({
      sites: [site(2, 'Q1', 'Quận 1', 'quan-huyen', 'Asia/Bangkok')],
      people: [person(2, 'supervisor', 'lan', 'Q1 P2', { display_name: 'Nguyễn Thị Lan' }), person(3, 'enumerator', 'minh', 'Q1', { display_name: 'Trần Văn Minh', pin: '1357' })],
    }, world([Q1, { ...Q1, code: 'P2' }]));
    expect(p.rows.map((r) => r.outcome)).toEqual(['update', 'update', 'update']);
    expect(p.sites).toEqual([{ op: 'update', code: 'Q1', name: 'Quận 1', timeZone: 'Asia/Bangkok' }]);
    expect(p.people).toEqual([
      { op: 'update', username: 'lan', siteCodes: ['Q1', 'P2'] },
      { op: 'update', username: 'minh', pin: '1357' },
    ]);
  });

  const ERRORS: [string, Partial<ImportTables>, string, string][] = [
    ['an unknown site code in a person row', { people: [person(7, 'enumerator', 'an', 'NOPE')] }, 'site_codes', 'unknown-site'],
    ['a deactivated site for a new person', { people: [person(2, 'enumerator', 'an', 'OLD')] }, 'site_codes', 'site-deactivated'],
    ['an enumerator at two sites', { sites: [site(2, 'P2')], people: [person(2, 'enumerator', 'an', 'Q1,P2')] }, 'site_codes', 'one-site'],
    ['no site', { people: [person(2, 'supervisor', 'an', '', { password: 'đủ dài rồi nhé' })] }, 'site_codes', 'required'],
    ['an admin row', { people: [person(2, 'admin', 'an', 'Q1')] }, 'role', 'role-not-allowed'],
    ['no role', { people: [person(2, '', 'an', 'Q1')] }, 'role', 'required'],
    ['a role change', { people: [person(2, 'supervisor', 'minh', 'Q1', { display_name: 'Trần Văn Minh' })] }, 'role', 'role-change'],
    ['an admin username', { people: [person(2, 'supervisor', 'root', 'Q1')] }, 'role', 'role-change'],
    ['an upper-case username', { people: [person(2, 'enumerator', 'An', 'Q1')] }, 'username', 'invalid'],
    ['no username', { people: [person(2, 'enumerator', '', 'Q1')] }, 'username', 'required'],
    ['no display name', { people: [person(2, 'enumerator', 'an', 'Q1', { display_name: '' })] }, 'display_name', 'required'],
    ['a new supervisor without password', { people: [person(2, 'supervisor', 'an', 'Q1')] }, 'password', 'password-required'],
    ['a short password', { people: [person(2, 'supervisor', 'an', 'Q1', { password: 'short' })] }, 'password', 'invalid'],
    ['a password for an enumerator', { people: [person(2, 'enumerator', 'an', 'Q1', { password: 'mật khẩu đủ dài' })] }, 'password', 'not-for-role'],
    ['a PIN for a supervisor', { people: [person(2, 'supervisor', 'an', 'Q1', { password: 'mật khẩu đủ dài', pin: '1234' })] }, 'pin', 'not-for-role'],
    ['a PIN with letters', { people: [person(2, 'enumerator', 'an', 'Q1', { pin: '12a4' })] }, 'pin', 'invalid'],
    ['a three-digit PIN', { people: [person(2, 'enumerator', 'an', 'Q1', { pin: '123' })] }, 'pin', 'invalid'],
    ['a bad site code', { sites: [site(2, 'Q 1')] }, 'code', 'invalid'],
    ['an unknown kind', { sites: [site(2, 'Q2', 'Quận 2', 'quan')] }, 'kind', 'invalid'],
    ['an unknown time zone', { sites: [site(2, 'Q2', 'Quận 2', 'quan-huyen', 'Mars/Olympus')] }, 'time_zone', 'invalid'],
    ['no site name', { sites: [site(2, 'Q2', '')] }, 'name', 'required'],
    ['a people column filled in a sites row (CSV)', { sites: [{ ...site(2, 'Q2'), stray: ['username'] }] }, 'username', 'not-for-sheet'],
  ];

  it.each(ERRORS)('refuses %s, naming the column', async (_, tables, column, code) => {
    const p = await plan(tables);
    const bad = p.rows.filter((r) => r.outcome === 'error');
    expect(bad).toHaveLength(1);
    expect(bad[0].errors).toEqual([{ column, code, message: expect.any(String) }]);
    expect(p.valid).toBe(false);
  });

  it('keeps the spreadsheet row number and the key of a refused row', async () => {
    const r = only(await plan({ people: [person(7, 'enumerator', 'an', 'NOPE')] }));
    expect(r).toMatchObject({ sheet: 'people', row: 7, key: 'an', outcome: 'error' });
  });

  it('refuses a code or username repeated in the file, pointing at the first', async () => {
    const p = await plan({ sites: [site(2, 'Q2'), site(3, 'Q2')], people: [person(2, 'enumerator', 'an', 'Q2'), person(3, 'enumerator', 'an', 'Q2')] });
    expect(p.rows.map((r) => r.outcome)).toEqual(['create', 'error', 'create', 'error']);
    expect(p.rows[1].errors[0]).toMatchObject({ column: 'code', code: 'duplicate', message: expect.stringContaining('row 2') });
    expect(p.rows[3].errors[0]).toMatchObject({ column: 'username', code: 'duplicate' });
  });

  it('lists several errors of one row, one per column', async () => {
    const r = only(await plan({ people: [person(4, 'enumerator', 'X Y', 'NOPE', { display_name: '', pin: 'abc' })] }));
    expect(r.errors.map((e) => e.column)).toEqual(['username', 'display_name', 'site_codes', 'pin']);
  });

  it('splits site codes on commas, semicolons and spaces, each once', () => {
    expect(splitSiteCodes(' Q1, P2;Q1  X.3 ')).toEqual(['Q1', 'P2', 'X.3']);
  });

  it('a valid plan applied to its world plans nothing the second time (any mix of new and existing rows)', async () => {
    const codes = ['Q1', 'Q2', 'P.3', 'X-4'];
    const arbSite = fc.record({ code: fc.constantFrom(...codes), name: fc.constantFrom('Quận 1', 'Phường 3'), kind: fc.constantFrom('so-nganh', 'quan-huyen', 'xa-phuong'), tz: fc.constantFrom('', 'Asia/Bangkok') });
    const arbPerson = fc.record({ role: fc.constantFrom('supervisor', 'enumerator'), username: fc.constantFrom('an', 'binh', 'chi', 'lan', 'minh'), sites: fc.subarray(codes, { minLength: 1 }), pin: fc.constantFrom('', '2468', '1111') });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(arbSite, { selector: (s) => s.code }), fc.uniqueArray(arbPerson, { selector: (p) => p.username }), async (ss, ps) => {
        const tables: ImportTables = {
          sites: ss.map((s, i) => site(i + 2, s.code, s.name, s.kind, s.tz)),
          people: ps.map((p, i) =>
            p.role === 'supervisor' ? person(i + 2, p.role, p.username, p.sites.join(','), { password: 'mật khẩu đủ dài' }) : person(i + 2, p.role, p.username, p.sites[0], { pin: p.pin }),
          ),
        };
        const before = world([Q1], [lan, minh]);
        const first = await planPeopleImport(tables, before);
        fc.pre(first.valid);
        const after = applied(before, first);
        const second = await planPeopleImport(tables, after);
        expect(second.rows.every((r) => r.outcome === 'unchanged')).toBe(true);
        expect(second.sites).toEqual([]);
        expect(second.people).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

/** What the server's writes do to the world, in memory: the property above checks the plan against it. */
function applied(w: ImportWorld, plan: ImportPlan): ImportWorld {
  const sites = new Map(w.sites);
  const people = new Map(w.people);
  const pins = new Map<string, string>();
  for (const s of plan.sites) {
    const old = sites.get(s.code);
    sites.set(s.code, s.op === 'create' ? { code: s.code, name: s.name, kind: s.kind, timeZone: s.timeZone, deactivated: false } : { ...old!, ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'op')) });
  }
  for (const p of plan.people) {
    if (p.op === 'create') {
      people.set(p.username, { username: p.username, role: p.role, displayName: p.displayName, siteCodes: p.siteCodes, disabled: false, hasPassword: p.password !== null, hasPin: p.pin !== null });
    } else {
      const old = people.get(p.username)!;
      people.set(p.username, { ...old, ...(p.displayName ? { displayName: p.displayName } : {}), ...(p.siteCodes ? { siteCodes: p.siteCodes } : {}), ...(p.password ? { hasPassword: true } : {}), ...(p.pin ? { hasPin: true } : {}) });
    }
    if (p.pin) pins.set(p.username, p.pin);
  }
  return { sites, people, pinMatches: async (u, pin) => (pins.has(u) ? pins.get(u) === pin : w.pinMatches(u, pin)) };
}
