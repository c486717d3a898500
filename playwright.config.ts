// Browser tests in Debian's Chromium (never a downloaded browser) against the real server from `npm start`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, E2E_PORT } from './e2e/support/env';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_JSON ? [['list'], ['json', { outputFile: process.env.PW_JSON }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // A fresh server database every run, so counts in tests mean what they say.
    command: `rm -rf .tmp/e2e-data-${E2E_PORT} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    // Per-port data and build folders, so two runs on one machine never share a database or a dist/.
    env: { PORT: String(E2E_PORT), HOST: '127.0.0.1', DATA_DIR: `.tmp/e2e-data-${E2E_PORT}`, DIST_DIR: `.tmp/dist-${E2E_PORT}`, },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
