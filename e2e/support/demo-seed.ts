// The demo data, seeded once per e2e server run however many spec files ask at the same time (two workers): seeding
// twice at once would race on the sites it checks for and could store the demo's responses twice.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { openDb, type Db } from '../../src/server/db/index';
import { seedDemo } from '../../src/server/demo/seed';
import { E2E_DATA_DIR } from './env';
import { underRunLock } from './run-once';

export async function seedDemoOnce(db: Db): Promise<void> {
  const done = path.join(E2E_DATA_DIR, 'e2e-demo-seed.done');
  await underRunLock('e2e-demo-seed', async () => {
    if (existsSync(done)) return;
    await seedDemo(db);
    writeFileSync(done, new Date().toISOString());
  });
}

/**
 * For a spec file that works on the demo data: opens the e2e server's database before its tests, seeds the demo
 * once, and closes the database after them. Returns the database, for specs that set something up in it.
 */
export function useDemoData(): () => Db {
  let db: Db | undefined;
  test.beforeAll(async () => {
    db = openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: E2E_DATA_DIR });
    await seedDemoOnce(db);
  });
  test.afterAll(async () => {
    await db?.close();
  });
  return () => db!;
}
