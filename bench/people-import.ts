// Reading and checking a people import of the largest size taken (5,000 rows: 500 sites, 4,500 people) as XLSX and CSV,
// without a database (the plan against an empty province: every row a create); `npm run bench -- people-import`.
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { planPeopleImport } from '../src/core/admin/people-import';
import { IMPORT_COLUMNS, MAX_PEOPLE_IMPORT_BYTES } from '../src/core/protocol/people-import';
import { readImportFile } from '../src/server/imports/people-file';
import { fmt, header } from './harness';

const SITES = 500;
const PEOPLE = 4_500;
const RUNS = 5;

function rows(): { sites: string[][]; people: string[][] } {
  const code = (i: number) => `S-${String(i).padStart(3, '0')}`;
  const sites = Array.from({ length: SITES }, (_, i) => [code(i), `Bộ phận Một cửa số ${i + 1}`, 'xa-phuong', '']);
  const people = Array.from({ length: PEOPLE }, (_, i) =>
    i % 9 === 0 ? ['supervisor', `gs${i}`, `Giám sát ${i}`, code(i % SITES), `mật khẩu số ${i}`, ''] : ['enumerator', `dtv${i}`, `Điều tra viên ${i}`, code(i % SITES), '', i % 3 ? '' : String(1000 + i)],
  );
  return { sites, people };
}

async function files(): Promise<{ xlsx: Uint8Array; csv: Uint8Array }> {
  const r = rows();
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('sites').addRows([[...IMPORT_COLUMNS.sites], ...r.sites]);
  wb.addWorksheet('people').addRows([[...IMPORT_COLUMNS.people], ...r.people]);
  const blankSites = IMPORT_COLUMNS.sites.map(() => '');
  const blankPeople = IMPORT_COLUMNS.people.map(() => '');
  const lines = [
    ['sheet', ...IMPORT_COLUMNS.sites, ...IMPORT_COLUMNS.people],
    ...r.sites.map((s) => ['sites', ...s, ...blankPeople]),
    ...r.people.map((p) => ['people', ...blankSites, ...p]),
  ];
  return { xlsx: new Uint8Array(await wb.xlsx.writeBuffer()), csv: new TextEncoder().encode(lines.map((l) => l.join(',')).join('\r\n')) };
}

export async function run(): Promise<void> {
  header('People import read and check');
  const f = await files();
  const empty = { sites: new Map(), people: new Map(), pinMatches: async () => false };
  console.log(`\n${SITES} sites + ${PEOPLE} people; XLSX ${fmt(f.xlsx.byteLength / 1024)} KiB, CSV ${fmt(f.csv.byteLength / 1024)} KiB (limit ${MAX_PEOPLE_IMPORT_BYTES / 1024} KiB)\n`);
  console.log('| file | read (ms, median) | check (ms, median) |');
  console.log('|------|-------------------|--------------------|');
  for (const format of ['xlsx', 'csv'] as const) {
    const read: number[] = [];
    const check: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const tables = await readImportFile(f[format], format);
      const t1 = performance.now();
      const plan = await planPeopleImport(tables, empty);
      const t2 = performance.now();
      if (!plan.valid) throw new Error(`the bench file has errors: ${JSON.stringify(plan.rows.find((r) => r.errors.length))}`);
      read.push(t1 - t0);
      check.push(t2 - t1);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`| ${format.padEnd(4)} | ${fmt(median(read)).padStart(17)} | ${fmt(median(check)).padStart(18)} |`);
  }
  console.log('\nHashing the new passwords and PINs (scrypt, PBKDF2) and the writes come on top when applying: see the import tests.\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
