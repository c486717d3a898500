// Browser tests in Debian's Chromium (never a downloaded browser) against the real server from `npm start`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, E2E_DATA_DIR, E2E_DIST_DIR, E2E_PORT } from './e2e/support/env';

const ALONE = ['**/first-paint.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two spec files at a time: most of a browser test is waiting (page clocks, sync backoff, a server answering), so two
  // overlap well on two cores. Specs share the e2e server but each enrols its own site, so their data never meet.
  workers: 2,
  retries: 0,
  reporter: process.env.PW_JSON ? [['list'], ['json', { outputFile: process.env.PW_JSON }]] : [['list']],
  projects: [
    // The first paint on a throttled CPU runs alone after the rest: a busy neighbour would skew it. (The specs that
    // deploy a release deploy it on a server of their own, e2e/support/deploy.ts, so they run with the rest.)
    { name: 'shared', testIgnore: ALONE },
    { name: 'alone', testMatch: ALONE, dependencies: ['shared'], workers: 1 },
  ],
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
    command: `rm -rf ${E2E_DATA_DIR} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    // Per-port data and build folders, so two runs on one machine never share a database or a dist/.
    env: { PORT: String(E2E_PORT), HOST: '127.0.0.1', DATA_DIR: E2E_DATA_DIR, DIST_DIR: E2E_DIST_DIR },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
