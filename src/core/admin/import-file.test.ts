// Reading the import file: CSV cells as Excel writes them, sheets and headers found or clearly refused.
import { describe, expect, it } from 'vitest';
import { MAX_PEOPLE_IMPORT_ROWS } from '../protocol/people-import';
import { parseCsv, tablesFromCsv, tablesFromWorkbook, type RawRow } from './import-file';

const rows = (...cells: (string | number | null)[][]): RawRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));
const CSV_HEADER = 'sheet,code,name,kind,time_zone,role,username,display_name,site_codes,password,pin';

describe('parseCsv', () => {
  it.each([
    ['a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['a,b\nc,d', [['a', 'b'], ['c', 'd']]],
    ['"a,1","say ""hi"""\n', [['a,1', 'say "hi"']]],
    ['"two\nlines",x\ny,z', [['two\nlines', 'x'], ['y', 'z']]],
    ['\ufeffmã;tên\nQ1;Quận 1', [['mã', 'tên'], ['Q1', 'Quận 1']]],
    ['a\tb\n1\t2', [['a', 'b'], ['1', '2']]],
    ['"# note; with, commas"\na;b\n1;2', [['# note; with, commas'], ['a', 'b'], ['1', '2']]],
    ['a,,b\n,\n', [['a', '', 'b'], ['', '']]],
  ])('reads %j', (source, want) => {
    const r = parseCsv(source);
    expect(r.ok && r.records.map((x) => x.cells)).toEqual(want);
  });

  it('numbers records as a spreadsheet shows rows', () => {
    const r = parseCsv('h\n"a\nb"\nc');
    expect(r.ok && r.records.map((x) => x.row)).toEqual([1, 2, 3]);
  });

  it('refuses a quote never closed, with its line', () => {
    expect(parseCsv('a,b\n"open,c\nd')).toEqual({ ok: false, error: { path: 'line 2', message: expect.stringContaining('never closed') } });
  });
});

describe('tables from a CSV', () => {
  const csv = (text: string) => {
    const r = parseCsv(text);
    if (!r.ok) throw new Error('bad csv');
    return tablesFromCsv(r.records);
  };

  it('splits rows by the sheet column, skips notes and blank rows, keeps row numbers', () => {
    const r = csv(`# notes, ghi chú\n${CSV_HEADER}\nsites,Q1,Quận 1,quan-huyen,,,,,,,\n,,,,,,,,,,\npeople,,,,,enumerator,an,An,Q1,,1234\n`);
    expect(r).toEqual({
      ok: true,
      tables: {
        sites: [{ row: 3, cells: { code: 'Q1', name: 'Quận 1', kind: 'quan-huyen', time_zone: '' } }],
        people: [{ row: 5, cells: { role: 'enumerator', username: 'an', display_name: 'An', site_codes: 'Q1', password: '', pin: '1234' } }],
      },
    });
  });

  it('marks a row that fills the other sheet’s columns', () => {
    const r = csv(`${CSV_HEADER}\nsites,Q1,Quận 1,quan-huyen,,,an,,,,\n`);
    expect(r.ok && r.tables.sites[0].stray).toEqual(['username']);
  });

  it.each([
    ['a missing header', 'sheet,code,name\nsites,Q1,Q', 'missing columns'],
    ['a repeated header', `${CSV_HEADER},code\n`, 'appears twice'],
    ['an unknown sheet', `${CSV_HEADER}\nsitez,Q1,,,,,,,,,\n`, 'must say sites or people'],
    ['an empty file', '', 'no rows'],
    ['a header alone', `${CSV_HEADER}\n`, 'no rows'],
  ])('refuses %s', (_, text, words) => {
    const r = csv(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && 'errors' in r && r.errors[0].message).toContain(words);
  });

  it(`counts more than ${MAX_PEOPLE_IMPORT_ROWS} rows before reading them`, () => {
    const line = 'people,,,,,enumerator,an,An,Q1,,\n';
    expect(csv(CSV_HEADER + '\n' + line.repeat(MAX_PEOPLE_IMPORT_ROWS + 1))).toEqual({ ok: false, tooMany: MAX_PEOPLE_IMPORT_ROWS + 1 });
  });
});

describe('tables from a workbook', () => {
  it('reads the two sheets by name, any case, and ignores the notes sheet', () => {
    const r = tablesFromWorkbook({
      Sites: rows(['code', 'name', 'kind', 'time_zone'], [null, null], ['Q1', 'Quận 1', 'quan-huyen', null]),
      people: rows(['Role', 'username', 'display_name', 'site_codes', 'password', 'pin', 'ghi chú'], ['enumerator', 'an', 'An', 'Q1', null, 1234, 'x']),
      notes: rows(['anything']),
    });
    expect(r).toEqual({
      ok: true,
      tables: {
        sites: [{ row: 3, cells: { code: 'Q1', name: 'Quận 1', kind: 'quan-huyen', time_zone: '' } }],
        people: [{ row: 2, cells: { role: 'enumerator', username: 'an', display_name: 'An', site_codes: 'Q1', password: '', pin: '1234' } }],
      },
    });
  });

  it.each([
    ['a wrong sheet name', { Sheet1: rows(['code']) }, 'no sheet named'],
    ['a missing header', { people: rows(['role', 'username'], ['enumerator', 'an']) }, 'missing columns "display_name"'],
    ['an unknown sheet beside good ones', { people: rows(['role']), Sheet2: rows(['x']) }, 'unknown sheet "Sheet2"'],
    ['empty sheets', { sites: [], people: rows(['role', 'username', 'display_name', 'site_codes', 'password', 'pin']) }, 'no rows'],
  ])('refuses %s', (_, sheets, words) => {
    const r = tablesFromWorkbook(sheets);
    expect(r.ok).toBe(false);
    expect(!r.ok && 'errors' in r && r.errors.map((e) => e.message).join('; ')).toContain(words);
  });
});
