// Outbox drain: how long a tablet (real Chromium, the built app) takes to send 10,000 queued responses to the local server.
import { SyncHook } from '../e2e/support/sync-hook';
import { SyncServer, uniqueTag } from '../e2e/support/sync-server';
import { BENCH_DIST, fmt, header, launchChromium, loadAverage, runIfMain, table } from './harness';

export interface DrainResult {
  responses: number;
  batchSize: number;
  seconds: number;
  perSecond: number;
  stored: number;
}

const BUDGET_SECONDS = 10;

export async function run(opts: { responses?: number; port?: number } = {}): Promise<DrainResult> {
  const n = opts.responses ?? 10_000;
  const port = opts.port ?? Number(process.env.DRAIN_PORT ?? 18490);
  const server = await SyncServer.start(port, { DIST_DIR: BENCH_DIST });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();

    // A real enrolment through the settings card, as a supervisor's code would be typed on the tablet.
    const site = await server.createSite(uniqueTag());
    await page.goto('/settings');
    await page.getByTestId('enrol-form').locator('input[name="enrolmentCode"]').fill(await server.enrolmentCode(site.code));
    await page.getByTestId('enrol-form').locator('input[name="deviceName"]').fill('Máy đo tốc độ');
    await page.getByTestId('enrol-form').locator('button[type="submit"]').click();
    await page.getByTestId('enrolled-site').waitFor();
    await page.goto('/');
    await page.getByTestId('send-now').waitFor();

    const hook = await SyncHook.install(page);
    await context.setOffline(true);
    await hook.queue(n);
    const before = await hook.states();
    if (before.queued !== n) throw new Error(`expected ${n} queued, found ${JSON.stringify(before)}`);

    await hook.armDrainTimer();
    await context.setOffline(false);
    const ms = await hook.drainTime();
    const after = await hook.states();
    const stored = server.storedIds(site.id).length;
    if (after.sent !== n || stored !== n) throw new Error(`drain incomplete: tablet ${JSON.stringify(after)}, server ${stored}`);

    const result: DrainResult = { responses: n, batchSize: 500, seconds: ms / 1000, perSecond: n / (ms / 1000), stored };
    header(`Outbox drain (Chromium ${browser.version()}, SQLite)`);
    table(
      ['responses', 'batch size', 'time (s)', 'responses/s', 'stored once', 'budget', ''],
      [[fmt(n), 500, fmt(result.seconds, 2), fmt(result.perSecond), fmt(stored), `≤ ${BUDGET_SECONDS} s`, result.seconds <= BUDGET_SECONDS ? 'within budget' : 'OVER BUDGET']],
      ['right', 'right', 'right', 'right', 'right'],
    );
    console.log(`Timed in the page from the 'online' event to an outbox with nothing queued. Load average at the end: ${loadAverage()}.\n`);
    return result;
  } finally {
    await browser.close();
    await server.stop();
  }
}

runIfMain(import.meta.url, run);
