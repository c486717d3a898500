// Node side of the test hook: bundles sync-page-hook.ts (the app's store API) and adds it to a page; nothing ships in the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { RecordOptions, SyncTestHook } from './sync-page-hook';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = fileURLToPath(new URL('./sync-page-hook.ts', import.meta.url));
let source: Promise<string> | undefined;

/** The hook as one classic script (IIFE), built once per worker with Vite (no app config, no service worker). */
function hookSource(): Promise<string> {
  source ??= (async () => {
    const { build } = await import('vite');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const out = await build({
      configFile: false,
      root,
      logLevel: 'warn',
      // Library mode leaves process.env.NODE_ENV alone; the page has no `process`.
      define: { __APP_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        write: false,
        minify: false,
        target: 'es2022',
        lib: { entry, formats: ['iife'], name: 'hailongSyncTestHook', fileName: 'sync-hook' },
      },
    });
    const result = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (!chunk?.code) throw new Error('the test hook did not bundle');
    return chunk.code;
  })();
  return source;
}

/** The store API inside one page; the page must already show the app (same origin, same IndexedDB). */
export class SyncHook {
  private constructor(readonly page: Page) {}

  static async install(page: Page): Promise<SyncHook> {
    const errors: string[] = [];
    const onError = (e: Error) => errors.push(e.message);
    page.on('pageerror', onError);
    // Evaluated through the DevTools protocol, not as an inline <script>, which the server's CSP (script-src 'self') blocks.
    await page.evaluate(await hookSource());
    page.off('pageerror', onError);
    const installed = await page.evaluate(() => '__hailongSyncTest' in window);
    if (!installed) throw new Error(`the sync test hook did not install: ${errors.join('; ') || 'no error reported'}`);
    return new SyncHook(page);
  }

  record(n: number, o: RecordOptions = {}): Promise<string[]> {
    return this.page.evaluate(([n, o]) => (window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest.recordResponses(n, o), [n, o] as const);
  }

  /** Refusals recorded as the consent step records them (sipas-2017); their ids. */
  recordRefusals(n: number, o: Pick<RecordOptions, 'formVersion'> = {}): Promise<string[]> {
    return this.page.evaluate(([n, o]) => (window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest.recordRefusals(n, o), [n, o] as const);
  }

  queue(n: number, o: RecordOptions = {}): Promise<number> {
    return this.page.evaluate(([n, o]) => (window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest.queueResponses(n, o), [n, o] as const);
  }

  tune(t: { timeoutMs?: number; batchSize?: number; backoffBaseMs?: number; maxBackoffMs?: number; pollMs?: number }): Promise<void> {
    return this.page.evaluate((t) => (window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest.setSyncTuning(t as Record<string, number>), t);
  }

  /** How many entries of the responses' outbox (or of the refusals' queue) are in each state. */
  states(queue: 'outbox' | 'refusals' = 'outbox'): Promise<Record<string, number>> {
    return this.page.evaluate((queue) => (window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest.outboxStates(queue), queue);
  }

  armDrainTimer(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest.armDrainTimer());
  }

  /** Milliseconds from the `online` event to an outbox with nothing queued. */
  drainTime(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest.drainTime());
  }

  setPin(pin: string): Promise<void> {
    return this.page.evaluate((pin) => (window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest.setPin(pin), pin);
  }
}
