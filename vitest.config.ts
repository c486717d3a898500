// Unit (core, app) and integration (server) tests; Playwright specs under e2e/ are not vitest's.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most server tests wait on a database or a child process, not the CPU: four files at a time on two cores take
    // 104 s where one per core took 157 s (measured 2026-12-02).
    maxWorkers: 4,
    // Two projects so the throwaway PostgreSQL starts only when server tests are in the run.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, 'src/server/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/server/**/*.test.ts'],
          globalSetup: ['src/server/test/global-setup.ts'],
        },
      },
    ],
  },
});
