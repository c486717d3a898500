// What every bench shares, so their tables read alike: the header (what, when, on which machine), tables and
// numbers, the app build, Chromium, and the real server started as `npm start` does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/env';
import { waitForHealth } from '../e2e/support/server-health';

export { waitForHealth };

// ---- header and numbers

/** "Intel Xeon … × 2 cores, 24 GiB, Node v20.20.2". */
export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'cpu'} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** The 1, 5 and 15 minute load averages: the machine is shared, and other work slows every figure. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
}

/** The first line of every bench's output: what it measures, when, on which machine, how busy the machine was. */
export function header(title: string): void {
  console.log(`${title} — ${new Date().toISOString()} — ${machine()}; load average ${loadAverage()}`);
}

/** 25774.3 → "25,774"; with digits, that many decimals. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Bytes as "148.8 KB" (KiB, one decimal). */
export function kb(bytes: number): string {
  return `${fmt(bytes / 1024, 1)} KB`;
}

/** Size after gzip at its best level, as a build would precompress it. */
export function gzipBytes(data: Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

/** A Markdown table (pastes into the README as it is); `align: 'right'` columns are padded on the left. */
export function table(head: string[], rows: (string | number)[][], align: ('left' | 'right')[] = []): void {
  const cells = rows.map((r) => head.map((_, i) => String(r[i] ?? '')));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const pad = (c: string, i: number) => (align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i]));
  const line = (r: string[]) => `| ${r.map(pad).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const r of cells) console.log(line(r));
}

// ---- the app build

const APP_SOURCES = ['src/app', 'src/core', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** Where the benches build the app (never dist/); BENCH_DIST names another folder, e.g. an existing build. */
export const BENCH_DIST = process.env.BENCH_DIST ?? '.tmp/dist-bench';

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

/** Builds the app into `dist` when it is missing or older than its sources (the rule `npm start` follows); returns the folder. */
export function ensureBuild(dist = BENCH_DIST): string {
  const manifest = path.join(dist, '.vite/manifest.json');
  if (!existsSync(manifest) || statSync(manifest).mtimeMs < Math.max(...APP_SOURCES.map(newest))) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  }
  return dist;
}

// ---- Chromium (Debian's, never a downloaded one)

/** The Chromium the benches and the browser tests use (CHROMIUM_PATH, else /usr/bin/chromium), with the tests' flags. */
export const CHROMIUM = { path: chromiumPath(), args: CHROMIUM_ARGS };

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM.path);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`no Chromium at ${CHROMIUM.path} (install Debian's chromium or set CHROMIUM_PATH)`);
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath: CHROMIUM.path, args: CHROMIUM.args });
}

// ---- the real server

/** A port nobody listens on now (the system picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * `npm start` (scripts/start.mjs) on its own port and a fresh data folder, serving the bench build (built first
 * when stale); resolves once /api/health answers.
 */
export async function startAppServer(opts: { port?: number; env?: Record<string, string> } = {}): Promise<AppServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = `.tmp/bench-data-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: BENCH_DIST, LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, process: child, stop };
}

// ---- running one bench alone

/** `tsx bench/x.ts` runs that bench's run(); imported by bench/index.ts, it does nothing. */
export function runIfMain(moduleUrl: string, run: () => Promise<unknown>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
