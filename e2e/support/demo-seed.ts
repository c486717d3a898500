// The demo data, seeded once per e2e server run however many spec files ask at the same time (two workers): the
// first takes a lock folder in the server's data folder and seeds, the others wait for its "done" mark. Seeding
// twice at once would race on the sites it checks for and could store the demo's responses twice.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { openDb, type Db } from '../../src/server/db/index';
import { seedDemo } from '../../src/server/demo/seed';
import { E2E_PORT } from './env';

/** The e2e server's data folder (playwright.config.ts gives each port its own). */
const E2E_DATA_DIR = `.tmp/e2e-data-${E2E_PORT}`;

export async function seedDemoOnce(db: Db, dataDir: string): Promise<void> {
  const lock = path.join(dataDir, 'e2e-demo-seed.lock');
  const done = path.join(dataDir, 'e2e-demo-seed.done');
  while (!existsSync(done)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another spec file is seeding: wait for it.
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      if (!existsSync(done)) {
        await seedDemo(db);
        writeFileSync(done, new Date().toISOString());
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * For a spec file that works on the demo data: opens the e2e server's database before its tests, seeds the demo
 * once, and closes the database after them. Returns the database, for specs that set something up in it.
 */
export function useDemoData(): () => Db {
  let db: Db | undefined;
  test.beforeAll(async () => {
    db = openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: E2E_DATA_DIR });
    await seedDemoOnce(db, E2E_DATA_DIR);
  });
  test.afterAll(async () => {
    await db?.close();
  });
  return () => db!;
}
