// Builds a second copy of the app with another build id and deploys it over the served folder, as a release would.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT } from './env';

const SERVED_DIR = `.tmp/dist-${E2E_PORT}`;

/** Builds the current sources into a separate folder with the given build id. */
export function buildRelease(buildId: string): string {
  const out = `.tmp/dist-${E2E_PORT}-next`;
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'], {
    env: { ...process.env, HAILONG_BUILD_ID: buildId },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`second build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

/** Copies a release over the served folder; returns a function that puts the original build back. */
export function deploy(releaseDir: string): () => void {
  const backup = `.tmp/dist-${E2E_PORT}-backup`;
  rmSync(backup, { recursive: true, force: true });
  cpSync(SERVED_DIR, backup, { recursive: true });
  cpSync(releaseDir, SERVED_DIR, { recursive: true, force: true });
  return () => {
    for (const name of readdirSync(SERVED_DIR)) rmSync(join(SERVED_DIR, name), { recursive: true, force: true });
    mkdirSync(SERVED_DIR, { recursive: true });
    cpSync(backup, SERVED_DIR, { recursive: true });
    rmSync(backup, { recursive: true, force: true });
    rmSync(releaseDir, { recursive: true, force: true });
  };
}
