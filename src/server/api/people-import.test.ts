// The people import on both databases: a province's file (60 sites, 300 people) applies; one bad row writes nothing;
// importing it again changes nothing; CSV alike; only an admin may send one, and a bad file is always a problem, never a 5xx.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_CONTENT_TYPE, IMPORT_COLUMNS, MAX_PEOPLE_IMPORT_BYTES, MAX_PEOPLE_IMPORT_ROWS, XLSX_CONTENT_TYPE, type PeopleImportAnswer, type PeopleImportProblem } from '../../core/protocol/people-import';
import { sql } from 'kysely';
import type { App } from '../app';
import { enumeratorPinMatches } from '../auth/pin-hash';
import { testDatabases, type FreshDb } from '../test/databases';
import { PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

type Row = Record<string, string>;
interface Province {
  sites: Row[];
  people: Row[];
}

const SITES = 60;
const ENUMERATORS_PER_SITE = 4;

/** A province: 60 sites, a supervisor of each (every tenth also of the next site) and four enumerators each, some with a PIN. */
function province(): Province {
  const code = (i: number) => `IMP-${String(i + 1).padStart(2, '0')}`;
  const sites: Row[] = [];
  const people: Row[] = [];
  for (let i = 0; i < SITES; i++) {
    sites.push({ code: code(i), name: `Bộ phận Một cửa số ${i + 1}`, kind: ['so-nganh', 'quan-huyen', 'xa-phuong'][i % 3], time_zone: i % 2 ? '' : 'Asia/Ho_Chi_Minh' });
    const extra = i % 10 === 0 ? `, ${code((i + 1) % SITES)}` : '';
    people.push({ role: 'supervisor', username: `gs${i + 1}`, display_name: `Giám sát ${i + 1}`, site_codes: code(i) + extra, password: `mật khẩu số ${i + 1}`, pin: '' });
    for (let j = 0; j < ENUMERATORS_PER_SITE; j++) {
      const n = i * ENUMERATORS_PER_SITE + j;
      people.push({ role: 'enumerator', username: `dtv${n + 1}`, display_name: `Điều tra viên ${n + 1}`, site_codes: code(i), password: '', pin: n % 10 === 0 ? String(1000 + n) : '' });
    }
  }
  return { sites, people };
}

async function xlsx(p: Province, sheetNames = { sites: 'sites', people: 'people' }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of ['sites', 'people'] as const) {
    const ws = wb.addWorksheet(sheetNames[sheet]);
    ws.addRow([...IMPORT_COLUMNS[sheet]]);
    for (const r of p[sheet]) ws.addRow(IMPORT_COLUMNS[sheet].map((c) => r[c] ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(p: Province): string {
  const header = ['sheet', ...IMPORT_COLUMNS.sites, ...IMPORT_COLUMNS.people];
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.join(',')];
  for (const sheet of ['sites', 'people'] as const) for (const r of p[sheet]) lines.push(header.map((h) => (h === 'sheet' ? sheet : quote(r[h] ?? ''))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

describe.each(testDatabases())('people import on $kind', ({ kind, create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let admin: string;
  let supervisor: string;

  const post = (body: Buffer | string, type: string, query = '', session: string | null = admin, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/api/v1/imports/people${query}`, headers: { 'content-type': type, ...headers }, payload: body, ...(session ? asUser(session) : {}) });
  const answer = (res: LightMyRequestResponse): PeopleImportAnswer => {
    if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body.slice(0, 500)}`);
    return res.json();
  };
  const counts = async () => {
    const count = async (table: 'sites' | 'users' | 'user_sites') => Number((await fresh.db.k.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // Changes only: signing in (session.create) is logged too, and these tests sign people in.
    const changes = Number((await fresh.db.k.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).where('action', 'not like', 'session.%').executeTakeFirstOrThrow()).n);
    return { sites: await count('sites'), users: await count('users'), userSites: await count('user_sites'), audit: changes };
  };

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
    admin = await login(app, 'admin', PASSWORD);
    supervisor = await login(app, 'lan', PASSWORD);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('with one person naming an unknown site: the dry run shows that row and column, and apply writes nothing', async () => {
    const p = province();
    p.people[137] = { ...p.people[137], site_codes: 'NO-SUCH-SITE' };
    const file = await xlsx(p);
    const before = await counts();

    const dry = answer(await post(file, XLSX_CONTENT_TYPE));
    expect(dry.applied).toBe(false);
    expect(dry.counts).toEqual({ create: 359, update: 0, unchanged: 0, error: 1 });
    const bad = dry.rows.filter((r) => r.outcome === 'error');
    // The header is row 1: the 138th person is on row 139 of the sheet "people".
    expect(bad).toEqual([{ sheet: 'people', row: 139, key: p.people[137].username, outcome: 'error', errors: [{ column: 'site_codes', code: 'unknown-site', message: expect.stringContaining('NO-SUCH-SITE') }] }]);

    const refused = await post(file, XLSX_CONTENT_TYPE, '?apply=1');
    expect(isProblem(refused, 400.5)).toBe(true);
    const body = refused.json() as PeopleImportProblem;
    expect(body.errors).toEqual([{ path: 'people row 139 site_codes', message: expect.stringContaining('NO-SUCH-SITE') }]);
    expect(body.answer).toEqual(dry);
    expect(await counts()).toEqual(before);
  });

  it('applies a 60-site, 300-person workbook in one go; importing it again changes nothing', async () => {
    const file = await xlsx(province());
    const before = await counts();
    const dry = answer(await post(file, XLSX_CONTENT_TYPE));
    expect(dry).toMatchObject({ applied: false, counts: { create: 360, update: 0, unchanged: 0, error: 0 } });
    expect(await counts()).toEqual(before);

    const done = answer(await post(file, XLSX_CONTENT_TYPE, '?apply=1'));
    expect(done.applied).toBe(true);
    expect(done.rows).toEqual(dry.rows);
    expect(await counts()).toEqual({ sites: before.sites + 60, users: before.users + 300, userSites: before.userSites + 300 + 6, audit: before.audit + 1 });
    const log = await fresh.db.k.selectFrom('audit_log').selectAll().where('action', '=', 'people.import').executeTakeFirstOrThrow();
    expect(log.actor).toBe('admin');
    expect(JSON.parse(log.details)).toMatchObject({ rows: 360, create: 360, sites: { create: 60 }, people: { create: 300 } });

    // The people are real: a supervisor signs in and sees their two sites; an enumerator's PIN is the tablet's format.
    const gs1 = await login(app, 'gs1', 'mật khẩu số 1');
    const me = await app.inject({ method: 'GET', url: '/api/v1/sites', ...asUser(gs1) });
    expect(me.json().sites.map((s: { code: string }) => s.code)).toEqual(['IMP-01', 'IMP-02']);
    const dtv1 = await fresh.db.k.selectFrom('users').select('pin_hash').where('username', '=', 'dtv1').executeTakeFirstOrThrow();
    expect(await enumeratorPinMatches('1000', dtv1.pin_hash!)).toBe(true);

    const again = answer(await post(file, XLSX_CONTENT_TYPE));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 360, error: 0 });
    const reapplied = answer(await post(file, XLSX_CONTENT_TYPE, '?apply=1'));
    expect(reapplied).toMatchObject({ applied: true, counts: { unchanged: 360 } });
    const after = await counts();
    expect(after).toEqual({ sites: before.sites + 60, users: before.users + 300, userSites: before.userSites + 306, audit: before.audit + 1 });
    // The password in the file did not reset the one set since.
    expect((await fresh.db.k.selectFrom('users').select('pin_hash').where('username', '=', 'dtv1').executeTakeFirstOrThrow()).pin_hash).toBe(dtv1.pin_hash);
  });

  it('reads CSV the same way: new, changed and unchanged rows, people naming existing sites', async () => {
    const p: Province = {
      sites: [
        { code: 'CSV-1', name: 'Phường Bến Thành', kind: 'xa-phuong', time_zone: '' },
        { code: w.siteA.code, name: 'Một cửa quận Hoàn Kiếm (mới)', kind: 'quan-huyen', time_zone: '' },
      ],
      people: [
        { role: 'enumerator', username: 'csv.an', display_name: 'Phạm An, "Bến Thành"', site_codes: 'CSV-1', password: '', pin: '0420' },
        { role: 'supervisor', username: 'lan', display_name: 'Nguyễn Thị Lan', site_codes: `${w.siteA.code};CSV-1`, password: 'một mật khẩu mới dài', pin: '' },
        { role: 'enumerator', username: 'minh', display_name: 'Trần Văn Minh', site_codes: w.siteA.code, password: '', pin: '' },
      ],
    };
    const before = await counts();
    const dry = answer(await post(csv(p), 'text/csv; charset=utf-8'));
    expect(dry.rows.map((r) => [r.sheet, r.row, r.key, r.outcome])).toEqual([
      ['sites', 2, 'CSV-1', 'create'],
      ['sites', 3, w.siteA.code, 'update'],
      ['people', 4, 'csv.an', 'create'],
      ['people', 5, 'lan', 'update'],
      ['people', 6, 'minh', 'unchanged'],
    ]);
    answer(await post(csv(p), CSV_CONTENT_TYPE, '?apply=1'));
    expect(await counts()).toEqual({ sites: before.sites + 1, users: before.users + 1, userSites: before.userSites + 2, audit: before.audit + 1 });
    const an = await fresh.db.k.selectFrom('users').select(['display_name', 'pin_hash']).where('username', '=', 'csv.an').executeTakeFirstOrThrow();
    expect(an.display_name).toBe('Phạm An, "Bến Thành"');
    expect(await enumeratorPinMatches('0420', an.pin_hash!)).toBe(true);
    // lan's password was not reset by the file.
    expect(await login(app, 'lan', PASSWORD)).toBeTruthy();

    const again = answer(await post(csv(p), CSV_CONTENT_TYPE, '?apply=1'));
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 5, error: 0 });
    expect((await counts()).audit).toBe(before.audit + 1);
  });

  it('applies the same file sent twice at once only once', async () => {
    const p: Province = { sites: [{ code: 'TWICE', name: 'Xã Hai Lần', kind: 'xa-phuong', time_zone: '' }], people: [{ role: 'enumerator', username: 'hai.lan', display_name: 'Hai Lần', site_codes: 'TWICE', password: '', pin: '' }] };
    const before = await counts();
    const [a, b] = (await Promise.all([post(csv(p), CSV_CONTENT_TYPE, '?apply=1'), post(csv(p), CSV_CONTENT_TYPE, '?apply=1')])).map(answer);
    expect([a.counts.create, b.counts.create].sort()).toEqual([0, 2]);
    expect(await counts()).toEqual({ sites: before.sites + 1, users: before.users + 1, userSites: before.userSites + 1, audit: before.audit + 1 });
  });

  // PostgreSQL only: an open transaction of another connection holds the username, so the import's INSERT waits on it
  // and fails the moment that transaction commits. (SQLite has one writer: the import cannot start its write then.)
  it.runIf(kind === 'postgres')('a person created by someone else between the plan and the write: the file is planned again and applies, never a 5xx', async () => {
    const p: Province = {
      sites: [{ code: 'RACE', name: 'Xã Chạy Đua', kind: 'xa-phuong', time_zone: '' }],
      people: [
        { role: 'enumerator', username: 'race.taken', display_name: 'Theo tệp', site_codes: 'RACE', password: '', pin: '' },
        { role: 'enumerator', username: 'race.free', display_name: 'Người mới', site_codes: 'RACE', password: '', pin: '' },
      ],
    };
    let inserted!: () => void;
    let commit!: () => void;
    const insertedOnce = new Promise<void>((resolve) => (inserted = resolve));
    const committed = new Promise<void>((resolve) => (commit = resolve));
    const other = fresh.db.k.transaction().execute(async (tx) => {
      await tx
        .insertInto('users')
        .values({ id: 'race-taken-by-api', username: 'race.taken', display_name: 'Tạo qua API', role: 'enumerator', password_hash: null, pin_hash: null, disabled: 0, created_at: new Date().toISOString() })
        .execute();
      inserted();
      await committed;
    });
    await insertedOnce;
    const applying = post(csv(p), CSV_CONTENT_TYPE, '?apply=1');
    // Until the import's INSERT waits on the other transaction's row lock.
    const waitingOnLock = async () => Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(fresh.db.k)).rows[0]!.n) > 0;
    while (!(await waitingOnLock())) await new Promise((resolve) => setTimeout(resolve, 10));
    commit();
    await other;

    const res = await applying;
    expect(res.statusCode, res.body).toBe(200);
    const done = answer(res);
    expect(done.applied).toBe(true);
    // Planned again: the name taken meanwhile is an update of that person, as if it had existed before the check.
    expect(done.rows.find((r) => r.key === 'race.taken')?.outcome).toBe('update');
    const people = await fresh.db.k.selectFrom('users').select(['id', 'username', 'display_name']).where('username', 'like', 'race.%').orderBy('username').execute();
    expect(people).toEqual([
      { id: expect.any(String), username: 'race.free', display_name: 'Người mới' },
      { id: 'race-taken-by-api', username: 'race.taken', display_name: 'Theo tệp' },
    ]);
  });

  it('is documented in the OpenAPI description with the two file types', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const op = doc.paths['/api/v1/imports/people'].post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual([XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE].sort());
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/imports/people/template.xlsx', '/api/v1/imports/people/template.csv']));
  });

  it('lets only an admin import, refusing others before the body is read', async () => {
    const big = Buffer.alloc(MAX_PEOPLE_IMPORT_BYTES + 1024, 'a');
    expect(isProblem(await post(big, CSV_CONTENT_TYPE, '', supervisor), 403.2)).toBe(true);
    expect(isProblem(await post(big, CSV_CONTENT_TYPE, '', null), 401.1)).toBe(true);
    expect(isProblem(await post(big, CSV_CONTENT_TYPE, '', null, { authorization: `Bearer ${w.deviceA.token}` }), 401.1)).toBe(true);
    for (const format of ['xlsx', 'csv']) {
      expect(isProblem(await app.inject({ method: 'GET', url: `/api/v1/imports/people/template.${format}`, ...asUser(supervisor) }), 403.2)).toBe(true);
    }
  });

  it('answers every bad upload with a problem, and writes nothing', async () => {
    const before = await counts();
    const header = ['sheet', ...IMPORT_COLUMNS.sites, ...IMPORT_COLUMNS.people].join(',');
    const cases: [string, Buffer | string, string, number][] = [
      ['random bytes as a workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), XLSX_CONTENT_TYPE, 400.1],
      ['text as a workbook', 'code,name\n', XLSX_CONTENT_TYPE, 400.1],
      ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), XLSX_CONTENT_TYPE, 400.1],
      ['a CSV that is not UTF-8', Buffer.from([0x73, 0x69, 0x74, 0x65, 0xe0, 0xff, 0xfe]), CSV_CONTENT_TYPE, 400.1],
      ['an empty body', '', CSV_CONTENT_TYPE, 400.1],
      ['a CSV without the header', 'sites,Q9,Quận 9,quan-huyen\n', CSV_CONTENT_TYPE, 400.1],
      ['a header alone', `${header}\n`, CSV_CONTENT_TYPE, 400.1],
      ['a quote never closed', `${header}\nsites,"Q9,x\n`, CSV_CONTENT_TYPE, 400.1],
      [`more than ${MAX_PEOPLE_IMPORT_ROWS} rows`, `${header}\n${'people,,,,,enumerator,x,X,Q1,,\n'.repeat(MAX_PEOPLE_IMPORT_ROWS + 1)}`, CSV_CONTENT_TYPE, 400.2],
      ['more than 2 MB', Buffer.alloc(MAX_PEOPLE_IMPORT_BYTES + 1, 'a'), CSV_CONTENT_TYPE, 413.1],
      ['JSON', '{"sites":[]}', 'application/json', 415.1],
      ['no content type', 'x', '', 415.1],
      ['a spreadsheet type of its own', 'x', 'application/vnd.ms-excel', 415.1],
    ];
    for (const [what, body, type, code] of cases) {
      const res = await post(body, type);
      expect(isProblem(res, code), `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`).toBe(true);
    }
    expect(isProblem(await post(csv(province()), CSV_CONTENT_TYPE, '?apply=yes'), 400.1)).toBe(true);
    const wrongSheets = await post(await xlsx(province(), { sites: 'Sheet1', people: 'Sheet2' }), XLSX_CONTENT_TYPE);
    expect(isProblem(wrongSheets, 400.1)).toBe(true);
    expect(wrongSheets.json().detail).toContain('Sheet1');
    expect(await counts()).toEqual(before);
  });

  it('serves the templates, which a dry run reads back without an error', async () => {
    for (const [format, type] of [['xlsx', XLSX_CONTENT_TYPE], ['csv', CSV_CONTENT_TYPE]] as const) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/imports/people/template.${format}`, ...asUser(admin) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['content-disposition']).toContain(`.${format}`);
      const dry = answer(await post(res.rawPayload, type));
      expect(dry.rows.map((r) => [r.sheet, r.outcome])).toEqual([
        ['sites', 'create'],
        ['people', 'create'],
        ['people', 'create'],
      ]);
    }
    const text = (await app.inject({ method: 'GET', url: '/api/v1/imports/people/template.csv', ...asUser(admin) })).body;
    expect(text).toContain('Chạy thử trước');
    expect(text).toContain('A dry run first');
  });
});
