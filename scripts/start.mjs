// `npm start`: builds the PWA when it is missing or older than its sources, then runs the endpoint, which
// serves the app and the API on one port (PORT, default 8080; SQLite in ./data unless DATABASE_URL is set).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appIsStale, buildApp } from './app-build.mjs';
import { buildServer, serverIsStale, serverNodeFlags, SERVER_ENTRY } from './build-server.mjs';

const distDir = process.env.DIST_DIR ?? 'dist';

if (!existsSync('vite.config.ts')) {
  console.warn('No vite.config.ts yet: not building the app (the API still runs).');
} else if (appIsStale(distDir)) {
  console.log(`Building the app into ${distDir}/ …`);
  const r = await buildApp(distDir, { inherit: true });
  if (r.status !== 0) {
    console.error(`The app build failed (exit ${r.status}); not starting the server.`);
    process.exit(r.status);
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
