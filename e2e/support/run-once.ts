// Work that two spec files (two workers) may ask for at the same time but that must happen once per e2e run: the
// first takes a lock folder in the run's server data folder (emptied every run, so a killed run leaves no stale
// lock) and does it; the others wait for the lock and then find it done.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { E2E_DATA_DIR } from './env';

/** Runs `work` under the lock `name`; `work` checks for itself whether an earlier holder already did the job. */
export async function underRunLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(E2E_DATA_DIR, `${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another spec file holds it: wait for it.
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
