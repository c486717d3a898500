// The demo data, seeded once per e2e server run however many spec files ask at the same time (two workers): seeding
// twice at once would race on the sites it checks for and could store the demo's responses twice.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/server/db/index';
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
