// Ingest throughput: responses/s through HTTP (real server process, batches of 100) beside a raw insert of the same rows, on SQLite and PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ResponseInput } from '../src/core/response/schema';
import { openDb, type Db } from '../src/server/db/index';
import { migrate } from '../src/server/db/migrate';
import { PG_INSERT_JSON_SQL, RESPONSE_COLUMNS, SQLITE_INSERT_SQL, toJsonRows, type StoredResponseRow } from '../src/server/db/queries/responses';
import { prepareItem } from '../src/server/ingest/prepare';
import { builtinForms } from '../src/core/forms/builtin';
import { freePort, startEmbeddedPostgres } from '../src/server/test/embedded-postgres';
import { makeResponse, seedWorld, type World } from '../src/server/test/fixtures';

export interface IngestBenchOptions {
  total?: number;
  batch?: number;
  /** Batches in flight at once, as several tablets syncing together. */
  concurrency?: number;
}

interface Measure {
  db: 'sqlite' | 'postgres';
  path: 'HTTP' | 'raw insert';
  n: number;
  seconds: number;
  /** CPU time of the process doing the work (the server for HTTP, this one for raw), per response: steadier than wall time on a busy machine. */
  cpuMicros: number | null;
}

/** utime + stime of a process in ms, from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const FORM_MIX = ['sipas-2017', 'sipas-2017', 'sipas-2023', 'desk-rating'];

function makeResponses(w: World, total: number): ResponseInput[] {
  const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
  return Array.from({ length: total }, (_, i) => makeResponse(owner, {}, FORM_MIX[i % FORM_MIX.length], i));
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

interface Target {
  kind: 'sqlite' | 'postgres';
  /** Environment naming the database for the server process. */
  env: Record<string, string>;
  open(): Db;
  cleanup(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hailong-bench-'));
  return { kind: 'sqlite', env: { DATA_DIR: dir }, open: () => openDb({ dataDir: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgresTarget(adminUrl: string, name: string): Promise<Target> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { kind: 'postgres', env: { DATABASE_URL: url.toString() }, open: () => openDb({ databaseUrl: url.toString() }), cleanup: async () => {} };
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not answer /api/health');
}

/** The real server (src/server/main.ts) in its own process, fed by this one, as tablets would. */
async function httpRun(target: Target, opts: Required<IngestBenchOptions>): Promise<Measure> {
  const db = target.open();
  await migrate(db);
  const w = await seedWorld(db);
  await db.close();
  const bodies = chunks(makeResponses(w, opts.total), opts.batch).map((b) => JSON.stringify({ responses: b }));

  const port = await freePort(18100, 18149);
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server process there, to see where the time goes.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...target.env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: '/nonexistent', HAILONG_FAULT_RATE: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child);
    // Warm-up: one batch that is not counted (JIT, prepared statements, caches).
    const warm = makeResponses(w, opts.batch + opts.total).slice(opts.total);
    await post(base, w.deviceA.token, JSON.stringify({ responses: warm }));

    let next = 0;
    let accepted = 0;
    const cpuBefore = processCpuMs(child.pid!);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const results = await post(base, w.deviceA.token, body);
          accepted += results.filter((r) => r.status === 'accepted').length;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = processCpuMs(child.pid!);
    if (accepted !== opts.total) throw new Error(`only ${accepted} of ${opts.total} accepted`);
    const cpuMicros = cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / opts.total;
    return { db: target.kind, path: 'HTTP', n: opts.total, seconds, cpuMicros };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function post(base: string, token: string, body: string): Promise<{ status: string }[]> {
  const res = await fetch(`${base}/api/v1/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { results: { status: string }[] }).results;
}

/** The same rows, prepared beforehand, inserted straight through the driver: the ceiling for the HTTP path. */
async function rawRun(target: Target, opts: Required<IngestBenchOptions>): Promise<Measure> {
  const db = target.open();
  await migrate(db);
  const w = await seedWorld(db);
  const forms = new Map(builtinForms.map((f) => [`${f.id}@${f.version}`, f]));
  const scope = { check: () => null, timeZoneOf: () => 'Asia/Ho_Chi_Minh' };
  const received = new Date().toISOString();
  const rows = makeResponses(w, opts.total).map((r) => {
    const p = prepareItem(r, scope, forms, received);
    if (!p.ok) throw new Error(`fixture invalid: ${p.verdict.reason}`);
    return p.row;
  });
  const batches = chunks(rows, opts.batch);
  let started: number;
  const cpuBefore = process.cpuUsage();
  if (db.kind === 'sqlite') {
    const insert = db.sqlite.prepare(SQLITE_INSERT_SQL);
    const insertBatch = db.sqlite.transaction((batch: StoredResponseRow[]) => {
      for (const r of batch) insert.run(...RESPONSE_COLUMNS.map((c) => r[c]));
    });
    started = performance.now();
    for (const b of batches) insertBatch(b);
  } else {
    const client = await db.pool.connect();
    started = performance.now();
    // One statement per batch is one transaction.
    for (const b of batches) await client.query({ name: 'raw_insert', text: PG_INSERT_JSON_SQL, values: [toJsonRows(b)] });
    client.release();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await db.close();
  // For PostgreSQL the work is in the database server, not here: no CPU figure.
  const cpuMicros = db.kind === 'sqlite' ? (cpu.user + cpu.system) / opts.total : null;
  return { db: target.kind, path: 'raw insert', n: opts.total, seconds, cpuMicros };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export async function run(options: IngestBenchOptions = {}): Promise<Measure[]> {
  const opts: Required<IngestBenchOptions> = { total: 20_000, batch: 100, concurrency: 4, ...options };
  const cpu = cpus();
  console.log(`Ingest: ${fmt(opts.total)} responses in batches of ${opts.batch}, ${opts.concurrency} in flight; ${new Date().toISOString()}`);
  console.log(`Machine: ${cpu[0]?.model ?? 'cpu'} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log('SQLite: WAL, synchronous=NORMAL. PostgreSQL: embedded, default (durable) settings. HTTP: src/server/main.ts in its own process.\n');

  const measures: Measure[] = [];
  const sqliteHttp = await sqliteTarget();
  const sqliteRaw = await sqliteTarget();
  try {
    measures.push(await httpRun(sqliteHttp, opts));
    measures.push(await rawRun(sqliteRaw, opts));
  } finally {
    await sqliteHttp.cleanup();
    await sqliteRaw.cleanup();
  }

  const pgServer = await startEmbeddedPostgres({ portFrom: 18160, portTo: 18199, durable: true });
  try {
    measures.push(await httpRun(await postgresTarget(pgServer.url, 'bench_http'), opts));
    measures.push(await rawRun(await postgresTarget(pgServer.url, 'bench_raw'), opts));
  } finally {
    await pgServer.stop();
  }

  const rate = (m: Measure) => m.n / m.seconds;
  const rows = measures.map((m) => {
    const raw = measures.find((x) => x.db === m.db && x.path === 'raw insert')!;
    const ratio = m.path === 'HTTP' ? rate(m) / rate(raw) : 1;
    const budget = m.path !== 'HTTP' ? '' : m.db === 'sqlite' ? '≥ 10,000/s and ≥ 0.50 of raw' : '≥ 5,000/s';
    const ok = m.path !== 'HTTP' ? '' : m.db === 'sqlite' ? (rate(m) >= 10_000 && ratio >= 0.5 ? 'pass' : 'FAIL') : rate(m) >= 5_000 ? 'pass' : 'FAIL';
    return [m.db, m.path, fmt(m.n), fmt(m.seconds, 2), fmt(rate(m)), m.path === 'HTTP' ? fmt(ratio, 2) : '', m.cpuMicros === null ? '' : fmt(m.cpuMicros, 1), budget, ok];
  });
  const header = ['database', 'path', 'responses', 'seconds', 'responses/s', 'HTTP ÷ raw', 'CPU µs/response', 'budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('\nCPU µs/response is the working process\'s CPU time (HTTP: the server; raw: the inserting loop), steadier than wall time\non a shared machine: 1,000,000 ÷ it is what one free core would sustain.');
  console.log(`Load average while running: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (other work on the machine slows every figure).\n`);
  return measures;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
