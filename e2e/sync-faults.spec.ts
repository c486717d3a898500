// (b) A bad network, simulated by the server's fault switch: 30% of submissions fail (500, dropped connection, hang).
import { expect, test } from '@playwright/test';
import { E2E_PORT } from './support/env';
import { SyncServer } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';

// Beside the run's own port, so two runs on one machine (each with its E2E_PORT) never share this server.
const PORT = E2E_PORT + 401;
let server: SyncServer;

test.beforeAll(async () => {
  // A hang lasts past the tablet's timeout (shortened below), so the tablet gives up on requests the server may still store.
  server = await SyncServer.start(PORT, { HAILONG_FAULT_RATE: '0.3', HAILONG_FAULT_HANG_MS: '4000' });
});

test.afterAll(async () => {
  await server?.stop();
});

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test('(b) with 30% of requests failing, every response still arrives exactly once', async ({ page, context }) => {
  test.setTimeout(180_000);
  const tablet = await enrolTablet(page, server);
  const { hook, status } = tablet;
  // Small batches make many requests, so failures before and after the server's write are both met.
  await hook.tune({ timeoutMs: 1_500, batchSize: 10, backoffBaseMs: 200, maxBackoffMs: 2_000 });
  const outcomes = { ok: 0, failed: 0, duplicates: 0 };
  page.on('requestfinished', async (r) => {
    if (new URL(r.url()).pathname !== '/api/v1/submissions') return;
    const response = await r.response();
    if (!response?.ok()) {
      outcomes.failed++;
      return;
    }
    outcomes.ok++;
    const body = (await response.json().catch(() => ({ results: [] }))) as { results: { status: string }[] };
    outcomes.duplicates += body.results.filter((v) => v.status === 'duplicate').length;
  });
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/submissions') outcomes.failed++;
  });

  await context.setOffline(true);
  await expect(status.online).toHaveText(/Không có mạng/);
  const ids = await hook.record(200);
  await status.expectWaiting(200);
  await context.setOffline(false);
  await status.expectWaiting(0, 150_000);

  expect(server.storedIds(tablet.site.id)).toEqual([...ids].sort());
  expect(await hook.states()).toEqual({ sent: 200 });
  // The run really met faults: at least one request failed or was abandoned.
  expect(outcomes.failed).toBeGreaterThan(0);
  expect(outcomes.ok).toBeGreaterThanOrEqual(20);
  test.info().annotations.push({
    type: 'requests',
    description: `${outcomes.ok} answered, ${outcomes.failed} failed or abandoned, ${outcomes.duplicates} items answered "duplicate" (stored by a request the tablet saw fail)`,
  });
});
