// Time to save one answer in Chromium (its IndexedDB transaction, as the app does it), against the real server.
import { SAVE_ANSWER_MEASURE } from '../src/app/store/measures';
import { fmt, header, launchChromium, runIfMain, startAppServer, table } from './harness';

export const BUDGET_MEDIAN_MS = 5;

export interface AnswerSaveResult {
  samples: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
}

export async function run(opts: { samples?: number; warmup?: number; port?: number } = {}): Promise<AnswerSaveResult> {
  const samples = opts.samples ?? 500;
  const warmup = opts.warmup ?? 50;
  const port = opts.port ?? (process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined);
  const server = await startAppServer({ port });
  const browser = await launchChromium();
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
    // The free-text set-up is the offline trial, folded away behind its own option.
    await page.getByTestId('offline-trial').locator('summary').click();
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
    const ms = (x: number) => fmt(x, 2);
    header(`Save one answer (Dexie transaction in Chromium ${browser.version()})`);
    table(
      ['samples', 'median (ms)', 'p95 (ms)', 'mean (ms)', 'min (ms)', 'max (ms)', 'budget', ''],
      [[result.samples, ms(result.medianMs), ms(result.p95Ms), ms(result.meanMs), ms(result.minMs), ms(result.maxMs), `median ≤ ${BUDGET_MEDIAN_MS} ms`, result.medianMs <= BUDGET_MEDIAN_MS ? 'within budget' : 'OVER BUDGET']],
      ['right', 'right', 'right', 'right', 'right', 'right'],
    );
    console.log('');
    return result;
  } finally {
    await browser.close();
    await server.stop();
  }
}

runIfMain(import.meta.url, run);
