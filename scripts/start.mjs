// `npm start`: builds the PWA when it is missing or older than its sources, then runs the endpoint, which
// serves the app and the API on one port (PORT, default 8080; SQLite in ./data unless DATABASE_URL is set).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, serverIsStale, serverNodeFlags, SERVER_ENTRY } from './build-server.mjs';

const distDir = process.env.DIST_DIR ?? 'dist';
const sources = ['src/app', 'src/core', 'public', 'index.html', 'vite.config.ts', 'scripts/build-precompress.mjs', 'scripts/build-first-load.mjs', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

const built = join(distDir, 'index.html');
if (!existsSync('vite.config.ts')) {
  console.warn('No vite.config.ts yet: not building the app (the API still runs).');
} else if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newest))) {
  console.log(`Building the app into ${distDir}/ …`);
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', distDir, '--emptyOutDir'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`The app build failed (exit ${r.status ?? r.signal}); not starting the server.`);
    process.exit(r.status ?? 1);
  }
}

if (serverIsStale()) await buildServer();

const server = spawn(process.execPath, [...serverNodeFlags(), SERVER_ENTRY], {
  stdio: 'inherit',
  env: { ...process.env, DIST_DIR: distDir },
});
// Ctrl-C or a supervisor's SIGTERM reaches the server, which closes its database before exiting.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
