// Bundles the endpoint (src/server + src/core) into plain JavaScript under build/server, so production runs on
// node alone: no TypeScript loader in memory (it costs ~50 MB of RSS, which the export budget cannot spare).
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { newest } from './app-build.mjs';
import { join } from 'node:path';

export const SERVER_OUT = 'build/server';
export const SERVER_ENTRY = join(SERVER_OUT, 'main.mjs');

/**
 * V8 sizes its heap from the machine's memory and lets garbage pile up to match; a server gets a budget instead.
 * Small young-generation spaces keep a streamed export's resident memory flat (measured: peak RSS of a 132,229-row
 * export 243 → 180 MiB) at no cost in speed. HAILONG_HEAP_MB raises the old-generation budget for big imports.
 */
export function serverNodeFlags(env = process.env) {
  return [`--max-old-space-size=${Number(env.HAILONG_HEAP_MB) || 384}`, '--max-semi-space-size=2', '--enable-source-maps'];
}

export function serverIsStale() {
  return !existsSync(SERVER_ENTRY) || statSync(SERVER_ENTRY).mtimeMs < Math.max(newest('src/server'), newest('src/core'), newest('package.json'));
}

export async function buildServer() {
  await build({
    // The ingest worker is its own entry: the pool loads it from beside main.mjs.
    entryPoints: { main: 'src/server/main.ts', 'prepare-worker': 'src/server/ingest/prepare-worker.ts' },
    outdir: SERVER_OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
