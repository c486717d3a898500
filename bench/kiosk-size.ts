// The JavaScript the /kiosk route loads, chunk by chunk (gzip), against its 150 KB budget; run by `npm run bench`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkRow {
  file: string;
  source: string;
  rawBytes: number;
  gzipBytes: number;
  how: 'static' | 'loaded';
}

const KIOSK_ROUTE = 'src/app/kiosk/KioskScreen.tsx';

/** Builds the app into its own folder (never touching dist/), unless KIOSK_SIZE_DIST names an existing build. */
async function buildApp(): Promise<string> {
  const given = process.env.KIOSK_SIZE_DIST;
  if (given) return given;
  const outDir = path.resolve('.tmp/bench-kiosk-dist');
  const { build } = await import('vite');
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

function readManifest(dist: string): Manifest {
  const file = path.join(dist, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build with build.manifest = true (vite.config.ts)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** What loads before the kiosk draws, by the manifest alone: the entry and the kiosk route with their static imports. */
function staticClosure(manifest: Manifest): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const i of manifest[key].imports ?? []) visit(i);
  };
  for (const [key, c] of Object.entries(manifest)) if (c.isEntry) visit(key);
  if (!manifest[KIOSK_ROUTE]) throw new Error(`${KIOSK_ROUTE} is not a chunk of its own: is the kiosk route still lazy?`);
  visit(KIOSK_ROUTE);
  return seen;
}

function serve(dist: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(503).end();
      return;
    }
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dist, 'index.html');
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const port = Number(process.env.KIOSK_SIZE_PORT ?? 18390);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${port}` }));
  });
}

/** A tablet already in kiosk mode (set up, PIN set), as the kiosk runs day after day. */
async function seedKioskTablet(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hailong');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          const store = tx.objectStore('settings');
          store.put({ key: 'device', value: { deviceId: 'bench-device', siteId: 'bench-site', siteName: 'Bench', enumeratorId: '', enumeratorName: '' } });
          store.put({ key: 'kioskMode', value: true });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * The scripts a real Chromium fetches in kiosk mode while one person rates (attract, a sad face, the follow-up),
 * and what the staff's PIN pad adds; null without Chromium.
 */
async function loadedInBrowser(dist: string): Promise<{ person: Set<string>; staff: Set<string> } | null> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const { chromium } = await import('@playwright/test');
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    // No service worker: its precache would fetch every chunk of every route and hide what the kiosk itself asks for.
    const setup = await browser.newContext({ serviceWorkers: 'block' });
    const first = await setup.newPage();
    await first.goto(`${url}/kiosk`);
    await first.locator('.kiosk-root > *').first().waitFor({ timeout: 30_000 });
    await seedKioskTablet(first);
    const storageState = await setup.storageState({ indexedDB: true });
    await setup.close();

    // A fresh context (empty HTTP cache) on the seeded tablet.
    const context = await browser.newContext({ serviceWorkers: 'block', storageState });
    const page = await context.newPage();
    let files = new Set<string>();
    page.on('request', (r) => {
      const p = new URL(r.url()).pathname;
      if (r.resourceType() === 'script' || p.endsWith('.js')) files.add(p.replace(/^\//, ''));
    });
    await page.goto(`${url}/kiosk`);
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="kiosk-start"]').click();
    await page.locator('[data-screen="rating"] button[data-level="1"]').click();
    await page.locator('[data-screen="followup"]').waitFor();
    await page.waitForLoadState('networkidle');
    const person = files;
    files = new Set<string>();
    await page.locator('[data-screen="followup"] [data-testid="followup-send"]').click();
    await page.locator('[data-screen="thanks"] button').click();
    await page.locator('[data-testid="kiosk-staff"]').click();
    await page.locator('[data-screen="pin"]').waitFor();
    await page.waitForLoadState('networkidle');
    const staff = new Set([...files].filter((f) => !person.has(f)));
    await context.close();
    return { person, staff };
  } finally {
    await browser.close();
    server.close();
  }
}

function row(dist: string, byFile: Map<string, { key: string; c: ManifestChunk }>, closure: Set<string>, file: string): ChunkRow {
  const bytes = readFileSync(path.join(dist, file));
  const m = byFile.get(file);
  return {
    file,
    source: m ? (m.c.src ?? m.c.name ?? m.key) : '(not in manifest)',
    rawBytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    how: m && closure.has(m.key) ? 'static' : 'loaded',
  };
}

export async function measure(): Promise<{ rows: ChunkRow[]; total: number; staff: ChunkRow[]; browser: boolean }> {
  const dist = await buildApp();
  const manifest = readManifest(dist);
  const byFile = new Map(Object.entries(manifest).map(([key, c]) => [c.file, { key, c }]));
  const closure = staticClosure(manifest);
  const loaded = await loadedInBrowser(dist);
  const files = new Set([...closure].map((k) => manifest[k].file));
  for (const f of loaded?.person ?? []) files.add(f);
  const js = (f: string) => f.endsWith('.js') && existsSync(path.join(dist, f));
  const rows = [...files].filter(js).map((f) => row(dist, byFile, closure, f)).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const staff = [...(loaded?.staff ?? [])].filter((f) => js(f) && !files.has(f)).map((f) => row(dist, byFile, closure, f));
  return { rows, total: rows.reduce((s, r) => s + r.gzipBytes, 0), staff, browser: loaded !== null };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function run(): Promise<void> {
  const { rows, total, staff, browser } = await measure();
  const w = Math.max(...rows.map((r) => r.file.length), 10);
  const s = Math.max(...rows.map((r) => r.source.length), 10);
  console.log(`Machine: ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB · ${new Date().toISOString()}`);
  console.log(
    `Chunks the /kiosk route loads for one person's rating with follow-up (${browser ? 'seen by Chromium, kiosk mode on' : 'from the build manifest only: no Chromium'}), gzip -9:\n`,
  );
  console.log(`${'chunk'.padEnd(w)}  ${'source'.padEnd(s)}  ${'how'.padEnd(6)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}`);
  for (const r of rows) console.log(`${r.file.padEnd(w)}  ${r.source.padEnd(s)}  ${r.how.padEnd(6)}  ${kb(r.rawBytes).padStart(9)}  ${kb(r.gzipBytes).padStart(9)}`);
  const verdict = total <= BUDGET_BYTES ? 'within budget' : 'OVER BUDGET';
  console.log(`\nTotal ${kb(total)} gzip of ${kb(BUDGET_BYTES)} budget (${((100 * total) / BUDGET_BYTES).toFixed(1)}%): ${verdict}`);
  if (staff.length) console.log(`Staff only, on "leave kiosk": ${staff.map((r) => `${r.file} ${kb(r.gzipBytes)}`).join(', ')}`);
  console.log('');
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
