// Time to save one answer in Chromium (its IndexedDB transaction, as the app does it), against the real server.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/env';
import { SAVE_ANSWER_MEASURE } from '../src/app/store/measures';

export const BUDGET_MEDIAN_MS = 5;

export interface AnswerSaveResult {
  samples: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** `npm start` on its own port, data and build folders; resolves once /api/health answers. */
async function startServer(port: number): Promise<{ url: string; proc: ChildProcess; dataDir: string }> {
  const dataDir = `.tmp/bench-data-${port}`;
  const proc = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: '.tmp/dist-bench', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`server exited (${code})`))));
  const deadline = Date.now() + 240_000;
  for (;;) {
    const up = await Promise.race([
      fetch(`${url}/api/health`).then((r) => r.ok, () => false),
      exited,
    ]);
    if (up) return { url, proc, dataDir };
    if (Date.now() > deadline) throw new Error('server did not start in 240 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

function percentile(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
}

export async function run(opts: { samples?: number; warmup?: number; port?: number } = {}): Promise<AnswerSaveResult> {
  const samples = opts.samples ?? 500;
  const warmup = opts.warmup ?? 50;
  const port = opts.port ?? (process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort());
  const server = await startServer(port);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ baseURL: server.url });
    // The app marks each saveAnswer transaction with a User Timing measure; collect them as they come.
    await page.addInitScript((name) => {
      const w = window as unknown as { __saves: number[] };
      w.__saves = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntriesByName(name)) w.__saves.push(e.duration);
      }).observe({ type: 'measure' });
    }, SAVE_ANSWER_MEASURE);

    await page.goto('/settings');
    await page.locator('input[name="siteName"]').fill('Bench site');
    await page.locator('input[name="enumeratorName"]').fill('Bench enumerator');
    await page.locator('input[name="enumeratorName"]').press('Enter');
    await page.locator('span[role="status"].ok-text').waitFor();
    await page.goto('/');
    await page.locator('button[data-form-id="sipas-2017"]').click();
    await page.locator('input[name="procedureCode"]').fill('1.000001');
    await page.locator('input[name="procedureCode"]').press('Enter');
    for (const k of ['adult', 'receivedResult', 'agreed']) await page.locator(`[data-consent="${k}"] input`).first().check();
    await page.locator('.step-nav .btn-primary').click();
    await page.locator('.question[data-item-id="E1.1"]').waitFor();

    // Tap the scale of one question over and over, each tap a real change event and a real save, one at a time.
    const durations = await page.evaluate(
      async ({ total }) => {
        const w = window as unknown as { __saves: number[] };
        const radios = [...document.querySelectorAll<HTMLInputElement>('.question[data-item-id="E1.1"] input[type="radio"]')].slice(0, 5);
        for (let i = 0; i < total; i++) {
          const before = w.__saves.length;
          radios[i % radios.length].click();
          while (w.__saves.length === before) await new Promise((r) => setTimeout(r, 0));
        }
        return w.__saves.slice(-total);
      },
      { total: warmup + samples },
    );
    const measured = durations.slice(warmup).sort((a, b) => a - b);
    const result: AnswerSaveResult = {
      samples: measured.length,
      medianMs: percentile(measured, 0.5),
      p95Ms: percentile(measured, 0.95),
      meanMs: measured.reduce((s, x) => s + x, 0) / measured.length,
      minMs: measured[0],
      maxMs: measured[measured.length - 1],
    };
    const cpu = cpus();
    const ms = (x: number) => Number(x.toFixed(2));
    console.log(
      `Save one answer (Dexie transaction in Chromium ${browser.version()}) — ${new Date().toISOString()} — ${cpu[0]?.model ?? 'cpu'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    console.table([
      {
        samples: result.samples,
        'median (ms)': ms(result.medianMs),
        'p95 (ms)': ms(result.p95Ms),
        'mean (ms)': ms(result.meanMs),
        'min (ms)': ms(result.minMs),
        'max (ms)': ms(result.maxMs),
        budget: `median ≤ ${BUDGET_MEDIAN_MS} ms`,
        verdict: result.medianMs <= BUDGET_MEDIAN_MS ? 'within budget' : 'OVER BUDGET',
      },
    ]);
    console.log('');
    return result;
  } finally {
    await browser.close();
    server.proc.kill('SIGTERM');
    await new Promise((r) => server.proc.once('exit', r));
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
