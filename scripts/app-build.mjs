// Building the PWA into a folder when it is missing or older than its sources: one rule for `npm start`, `npm test`
// (which builds the browser tests' copies while the unit tests run), the e2e release build and the benches.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const APP_SOURCES = ['src/app', 'src/core', 'public', 'index.html', 'vite.config.ts', 'scripts/build-precompress.mjs', 'scripts/build-first-load.mjs', 'scripts/build-shells.mjs', 'package.json'];

/** The newest modification time under a file or folder (0 when it does not exist). */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

/** Whether `distDir` holds no build, or one older than a source of the app. */
export function appIsStale(distDir) {
  const built = join(distDir, 'index.html');
  return !existsSync(built) || statSync(built).mtimeMs < Math.max(...APP_SOURCES.map(newest));
}

/**
 * Builds the app into `distDir`; `buildId` replaces the build's timestamp (a release's id). Resolves with the exit
 * status and what vite printed (nothing kept when `inherit` passes its output straight through).
 */
export function buildApp(distDir, { buildId, logLevel = 'warn', inherit = false } = {}) {
  const env = buildId ? { ...process.env, HAILONG_BUILD_ID: buildId } : process.env;
  const args = ['vite', 'build', '--logLevel', logLevel, '--outDir', distDir, '--emptyOutDir'];
  return new Promise((resolve) => {
    const child = spawn('npx', args, { env, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

/** The browser tests' folders for one E2E_PORT (two runs on one machine, on two ports, never share one). */
export function e2eFolders(port = process.env.E2E_PORT ?? 18080) {
  const dist = `.tmp/dist-${port}`;
  return { dist, data: `.tmp/e2e-data-${port}`, release: `${dist}-release`, releaseId: `${dist}-release.build-id` };
}

/**
 * The release the update specs deploy (e2e/support/deploy.ts): the current sources built again under another build
 * id, beside the run's build; kept while it is fresher than the sources. Resolves with its build id.
 */
export async function ensureRelease({ release, releaseId }) {
  if (existsSync(releaseId) && !appIsStale(release)) return readFileSync(releaseId, 'utf8').trim();
  const buildId = `e2e-release-${Date.now()}`;
  rmSync(releaseId, { force: true });
  const r = await buildApp(release, { buildId, logLevel: 'error' });
  if (r.status !== 0) throw new Error(`the release build failed (exit ${r.status}):\n${r.output}`);
  writeFileSync(releaseId, buildId);
  return buildId;
}
