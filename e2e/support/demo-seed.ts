// The demo data, seeded once per e2e server run however many spec files ask at the same time (two workers): the
// first takes a lock folder in the server's data folder and seeds, the others wait for its "done" mark. Seeding
// twice at once would race on the sites it checks for and could store the demo's responses twice.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/server/db/index';
import { seedDemo } from '../../src/server/demo/seed';

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
