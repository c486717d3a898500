// Ingest throughput: responses/s through HTTP (real server process, batches of 100) beside a raw insert of the same rows, on SQLite and PostgreSQL.
//
// Knobs (environment): BENCH_DB=sqlite|postgres (one database only), BENCH_REPEAT=n (best of n runs, default 3),
// BENCH_CONCURRENCY=n (batches in flight, default 4), BENCH_PORTS=lo-hi (ports of one's own), BENCH_THREADS=1 (the
// server's CPU by thread), BENCH_CPU_PROF=dir (V8 profile of the server's main thread); INGEST_WORKERS reaches the server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ResponseInput } from '../src/core/response/schema';
import { openDb, type Db } from '../src/server/db/index';
import { migrate } from '../src/server/db/migrate';
import { PG_INGEST_SQL, SQLITE_INGEST_SQL, toJsonRows, type StoredResponseRow } from '../src/server/db/queries/responses';
import { prepareItem } from '../src/server/ingest/prepare';
import { builtinForms } from '../src/core/forms/builtin';
import { freePort, startEmbeddedPostgres } from '../src/server/test/embedded-postgres';
import { makeResponse, seedWorld, type World } from '../src/server/test/fixtures';
import { fmt, header, loadAverage, runIfMain, table, waitForHealth } from './harness';

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
  /** HTTP only: the server's main thread alone (HTTP, the database transaction); the rest is its ingest workers. */
  mainCpuMicros?: number | null;
  /** HTTP only: this process sending the requests and reading the answers, on the same cores. */
  clientCpuMicros?: number;
}

/** utime + stime in ms of a process (all its threads), or of one thread with `tid`, from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number, tid?: number): number | null {
  try {
    const file = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`;
    const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

// BENCH_PORTS=lo-hi moves both servers into a range of one's own (a shared machine); default 18100–18199.
const PORTS = (() => {
  const m = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? '');
  const lo = m ? Number(m[1]) : 18100;
  const hi = m ? Number(m[2]) : 18199;
  const mid = Math.floor((lo + hi) / 2);
  return { httpFrom: lo, httpTo: mid, pgFrom: mid + 1, pgTo: hi };
})();

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

/** CPU ms of each thread of a process by "tid name" (BENCH_THREADS=1: where the server's CPU goes besides its main thread). */
function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    out.set(`${tid} ${name}`, processCpuMs(pid, Number(tid)) ?? 0);
  }
  return out;
}

function threadReport(pid: number, before: Map<string, number>, n: number): void {
  for (const [k, v] of threadCpu(pid)) {
    const us = ((v - (before.get(k) ?? 0)) * 1000) / n;
    if (us >= 0.1) console.log(`  thread ${k}: ${fmt(us, 1)} µs/response`);
  }
}

/** The real server (src/server/main.ts) in its own process, fed by this one, as tablets would. */
async function httpRun(target: Target, opts: Required<IngestBenchOptions>): Promise<Measure> {
  const db = target.open();
  await migrate(db);
  const w = await seedWorld(db);
  await db.close();
  const bodies = chunks(makeResponses(w, opts.total), opts.batch).map((b) => Buffer.from(JSON.stringify({ responses: b })));

  const port = await freePort(PORTS.httpFrom, PORTS.httpTo);
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server process there, to see where the time goes.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...target.env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: '/nonexistent', HAILONG_FAULT_RATE: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child);
    // Warm-up, not counted: JIT, prepared statements, caches, and the ingest workers' start (they load in the background).
    const warm = chunks(makeResponses(w, 20 * opts.batch), opts.batch);
    for (const b of warm) await post(base, w.deviceA.token, JSON.stringify({ responses: b }));
    await new Promise((r) => setTimeout(r, 1_000));

    let next = 0;
    let accepted = 0;
    const cpuBefore = processCpuMs(child.pid!);
    const mainBefore = processCpuMs(child.pid!, child.pid!);
    const clientBefore = process.cpuUsage();
    const threadsBefore = process.env.BENCH_THREADS ? threadCpu(child.pid!) : new Map<string, number>();
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
    const mainAfter = processCpuMs(child.pid!, child.pid!);
    if (process.env.BENCH_THREADS) threadReport(child.pid!, threadsBefore, opts.total);
    const client = process.cpuUsage(clientBefore);
    if (accepted !== opts.total) throw new Error(`only ${accepted} of ${opts.total} accepted`);
    const perResponse = (a: number | null, b: number | null) => (a === null || b === null ? null : ((b - a) * 1000) / opts.total);
    return { db: target.kind, path: 'HTTP', n: opts.total, seconds, cpuMicros: perResponse(cpuBefore, cpuAfter), mainCpuMicros: perResponse(mainBefore, mainAfter), clientCpuMicros: (client.user + client.system) / opts.total };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

// Tablets send bytes: bodies are encoded once, and sent over kept-alive connections with node:http, whose own CPU
// cost is small next to fetch's (this client runs on the same cores as the server it measures).
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function post(base: string, token: string, body: Buffer | string): Promise<{ status: string }[]> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const url = new URL('/api/v1/submissions', base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': bytes.length, authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${text}`));
          else resolve((JSON.parse(text) as { results: { status: string }[] }).results);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

/**
 * The same rows, prepared beforehand, inserted straight through the driver with the statement the ingest runs
 * (SQLite: one prepared INSERT … ON CONFLICT (id) DO NOTHING a row, arguments passed one by one; PostgreSQL: the
 * one JSON-fed INSERT … RETURNING id a batch), one transaction a batch, into a fresh database with the same
 * migrations, indexes and settings. It writes responses only: the score rollup the ingest keeps in the same
 * transaction is part of what the HTTP path is measured doing, not of the ceiling.
 */
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
    const insert = db.sqlite.prepare(SQLITE_INGEST_SQL);
    const insertBatch = db.sqlite.transaction((batch: StoredResponseRow[]) => {
      for (const r of batch) {
        insert.run(
          r.id, r.payload, r.payload_hash, r.form_id, r.form_version, r.site_id, r.device_id, r.enumerator_id,
          r.mode, r.started_at, r.completed_at, r.received_at, r.local_day, r.duration_ms, r.flags, r.procedure_code,
        );
      }
    });
    started = performance.now();
    // BEGIN IMMEDIATE, as the ingest's transactions.
    for (const b of batches) insertBatch.immediate(b);
  } else {
    const client = await db.pool.connect();
    started = performance.now();
    // One statement per batch is one transaction.
    for (const b of batches) await client.query({ name: 'raw_insert', text: PG_INGEST_SQL, values: [toJsonRows(b)] });
    client.release();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await db.close();
  // For PostgreSQL the work is in the database server, not here: no CPU figure.
  const cpuMicros = db.kind === 'sqlite' ? (cpu.user + cpu.system) / opts.total : null;
  return { db: target.kind, path: 'raw insert', n: opts.total, seconds, cpuMicros };
}

/** Each path `repeat` times, alternating, keeping the fastest run of each: the machine is shared, and other work only ever slows a run down. */
async function best(repeat: number, runs: (() => Promise<Measure>)[]): Promise<Measure[]> {
  const out: (Measure | undefined)[] = runs.map(() => undefined);
  for (let k = 0; k < repeat; k++) {
    for (const [i, r] of runs.entries()) {
      const m = await r();
      if (!out[i] || m.seconds < out[i]!.seconds) out[i] = m;
    }
  }
  return out as Measure[];
}

export async function run(options: IngestBenchOptions = {}): Promise<Measure[]> {
  const repeat = Math.max(1, Number(process.env.BENCH_REPEAT) || 3);
  const opts: Required<IngestBenchOptions> = { total: 20_000, batch: 100, concurrency: Number(process.env.BENCH_CONCURRENCY) || 4, ...options };
  header(`Ingest: ${fmt(opts.total)} responses in batches of ${opts.batch}, ${opts.concurrency} in flight; best of ${repeat} runs each`);
  const workers = process.env.INGEST_WORKERS?.trim() ? `INGEST_WORKERS=${process.env.INGEST_WORKERS.trim()}` : 'default ingest workers';
  console.log('SQLite: WAL, synchronous=NORMAL. PostgreSQL: embedded, default (durable) settings. HTTP: src/server/main.ts in its own process');
  console.log(`(${workers}), every batch accepted and its score rollup written in the same transaction. Raw: the same rows prepared`);
  console.log('beforehand, the same INSERT statement, BEGIN IMMEDIATE and one transaction a batch, same schema and settings, and no HTTP,');
  console.log('no validation and no rollup: HTTP ÷ raw includes the cost of the rollup.\n');

  const measures: Measure[] = [];
  // BENCH_DB=sqlite or postgres runs one database only (while working on one path).
  const only = process.env.BENCH_DB;
  if (only !== 'postgres') {
    const targets: Target[] = [];
    const fresh = async () => {
      const t = await sqliteTarget();
      targets.push(t);
      return t;
    };
    try {
      measures.push(...(await best(repeat, [async () => httpRun(await fresh(), opts), async () => rawRun(await fresh(), opts)])));
    } finally {
      for (const t of targets) await t.cleanup();
    }
  }

  if (only !== 'sqlite') {
    const pgServer = await startEmbeddedPostgres({ portFrom: PORTS.pgFrom, portTo: PORTS.pgTo, durable: true });
    try {
      let n = 0;
      measures.push(
        ...(await best(repeat, [
          async () => httpRun(await postgresTarget(pgServer.url, `bench_http_${n++}`), opts),
          async () => rawRun(await postgresTarget(pgServer.url, `bench_raw_${n++}`), opts),
        ])),
      );
    } finally {
      await pgServer.stop();
    }
  }

  const rate = (m: Measure) => m.n / m.seconds;
  const rows = measures.map((m) => {
    const raw = measures.find((x) => x.db === m.db && x.path === 'raw insert')!;
    const ratio = m.path === 'HTTP' ? rate(m) / rate(raw) : 1;
    const budget = m.path !== 'HTTP' ? '' : m.db === 'sqlite' ? '≥ 10,000/s and ≥ 0.50 of raw' : '≥ 5,000/s';
    const ok = m.path !== 'HTTP' ? '' : m.db === 'sqlite' ? (rate(m) >= 10_000 && ratio >= 0.5 ? 'pass' : 'FAIL') : rate(m) >= 5_000 ? 'pass' : 'FAIL';
    const parts = [m.mainCpuMicros != null ? `main ${fmt(m.mainCpuMicros, 1)}` : '', m.clientCpuMicros !== undefined ? `client ${fmt(m.clientCpuMicros, 1)}` : ''].filter(Boolean);
    const cpuText = (m.cpuMicros === null ? '' : fmt(m.cpuMicros, 1)) + (parts.length ? ` (${parts.join('; ')})` : '');
    return [m.db, m.path, fmt(m.n), fmt(m.seconds, 2), fmt(rate(m)), m.path === 'HTTP' ? fmt(ratio, 2) : '', cpuText, budget, ok];
  });
  table(['database', 'path', 'responses', 'seconds', 'responses/s', 'HTTP ÷ raw', 'CPU µs/response', 'budget', ''], rows);
  console.log('\nCPU µs/response is the working process\'s CPU time, steadier than wall time on a shared machine. HTTP: the whole server');
  console.log('(all threads), in brackets its main thread alone and the CPU this client spent sending; raw: the inserting loop.');
  console.log('For PostgreSQL most of the work is in the database server, which is not counted.');
  console.log(`Load average at the end: ${loadAverage()} (other work on the machine slows every figure).\n`);
  return measures;
}

runIfMain(import.meta.url, run);
