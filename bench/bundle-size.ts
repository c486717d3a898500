// The JavaScript each route loads (gzip -9), from the Vite build manifest; the kiosk's, against its 150 KB budget,
// also as a real Chromium fetches it while one person rates.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumAvailable, ensureBuild, gzipBytes, header, kb, launchChromium, runIfMain, table } from './harness';

export const KIOSK_BUDGET_BYTES = 150 * 1024;

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * What each route loads, as manifest keys: its lazy screen (required), the built-in form it shows and the
 * Vietnamese locale namespaces it reads (both lazy chunks; skipped if a later layout bundles them).
 */
export const ROUTES: { route: string; screen: string; also: string[]; namespaces: string[] }[] = [
  { route: 'home', screen: 'src/app/home/Home.tsx', also: [form('sipas-2017'), form('sipas-2023')], namespaces: ['sync', 'problems'] },
  { route: 'interview', screen: 'src/app/interview/InterviewScreen.tsx', also: [form('sipas-2017')], namespaces: ['sync', 'problems', 'interview'] },
  { route: 'kiosk', screen: 'src/app/kiosk/KioskScreen.tsx', also: [form('desk-rating')], namespaces: ['kiosk'] },
  { route: 'supervisor', screen: 'src/app/supervisor/SupervisorApp.tsx', also: [], namespaces: ['sync', 'problems', 'supervisor'] },
  { route: 'admin', screen: 'src/app/admin/AdminApp.tsx', also: [], namespaces: ['sync', 'problems', 'supervisor', 'admin'] },
];

function form(id: string): string {
  return `src/core/forms/builtin/${id}.ts`;
}

/** Dynamic imports main.tsx and boot.tsx make at start on every route: the boot steps, service-worker registration, the uploader. */
const AT_START = [
  /workbox-window/,
  /^src\/app\/sync\/start\.ts$/,
  /^src\/app\/(boot\.tsx|App\.tsx|i18n\/index\.ts|store\/db\.ts)$/,
];

export interface ChunkRow {
  file: string;
  source: string;
  rawBytes: number;
  gzipBytes: number;
  /** static: the manifest says the route loads it; loaded: only Chromium's requests show it. */
  how: 'static' | 'loaded';
}

export interface RouteSize {
  route: string;
  chunks: ChunkRow[];
  jsBytes: number;
  jsGzip: number;
  cssGzip: number;
  /** Whether Chromium's requests were added to what the manifest predicts (the kiosk, when Chromium is here). */
  seenByChromium: boolean;
}

function readManifest(dist: string): Manifest {
  const file = path.join(dist, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build with build.manifest = true (vite.config.ts)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Manifest keys a route loads: the entry and its start-up imports, the route's screen, form and locale chunks, with their static imports. */
function routeKeys(manifest: Manifest, { route, screen, also, namespaces }: (typeof ROUTES)[number]): Set<string> {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  if (!manifest[screen]) throw new Error(`${screen} is not a chunk of its own: is the ${route} route still lazy?`);
  const atStart = (manifest[entry].dynamicImports ?? []).filter((k) => AT_START.some((re) => re.test(k)));
  const lazy = [...also, ...namespaces.map((ns) => `src/app/i18n/locales/vi/${ns}.json`)].filter((k) => manifest[k]);
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    for (const i of manifest[k].imports ?? []) visit(i);
  };
  [entry, ...atStart, screen, ...lazy].forEach(visit);
  return seen;
}

/** Sizes of what each route loads; for the kiosk, `loaded` adds the scripts Chromium fetched beyond the manifest's prediction. */
export function routeSizes(dist: string, kioskLoaded?: Set<string>): RouteSize[] {
  const manifest = readManifest(dist);
  const byFile = new Map(Object.entries(manifest).map(([key, c]) => [c.file, { key, c }]));
  const gz = (f: string) => gzipBytes(readFileSync(path.join(dist, f)));
  return ROUTES.map((r) => {
    const keys = routeKeys(manifest, r);
    const files = new Set([...keys].map((k) => manifest[k].file));
    const extra = r.route === 'kiosk' ? (kioskLoaded ?? new Set<string>()) : new Set<string>();
    for (const f of extra) files.add(f);
    const chunks = [...files]
      .filter((f) => f.endsWith('.js') && existsSync(path.join(dist, f)))
      .map((file): ChunkRow => {
        const m = byFile.get(file);
        return {
          file,
          source: m ? (m.c.src ?? m.c.name ?? m.key) : '(not in manifest)',
          rawBytes: statSync(path.join(dist, file)).size,
          gzipBytes: gz(file),
          how: m && keys.has(m.key) ? 'static' : 'loaded',
        };
      })
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    const css = [...new Set([...keys].flatMap((k) => manifest[k].css ?? []))];
    return {
      route: r.route,
      chunks,
      jsBytes: chunks.reduce((s, c) => s + c.rawBytes, 0),
      jsGzip: chunks.reduce((s, c) => s + c.gzipBytes, 0),
      cssGzip: css.reduce((s, f) => s + gz(f), 0),
      seenByChromium: r.route === 'kiosk' && kioskLoaded !== undefined,
    };
  });
}

// ---- the kiosk in Chromium

function serve(dist: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const root = path.resolve(dist);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(503).end();
      return;
    }
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
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
async function seedKioskTablet(page: Page): Promise<void> {
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
async function kioskInChromium(dist: string): Promise<{ person: Set<string>; staff: Set<string> } | null> {
  if (!chromiumAvailable()) return null;
  const { server, url } = await serve(dist);
  const browser = await launchChromium();
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

export interface BundleSizes {
  routes: RouteSize[];
  kiosk: RouteSize;
  /** Scripts only "leave kiosk" (the staff's PIN pad) adds, not counted in the kiosk's figure. */
  kioskStaffOnly: { file: string; gzipBytes: number }[];
}

export async function measure(dist = ensureBuild()): Promise<BundleSizes> {
  const seen = await kioskInChromium(dist);
  const routes = routeSizes(dist, seen?.person);
  const kiosk = routes.find((r) => r.route === 'kiosk')!;
  const counted = new Set(kiosk.chunks.map((c) => c.file));
  const kioskStaffOnly = [...(seen?.staff ?? [])]
    .filter((f) => f.endsWith('.js') && !counted.has(f) && existsSync(path.join(dist, f)))
    .map((file) => ({ file, gzipBytes: gzipBytes(readFileSync(path.join(dist, file))) }));
  return { routes, kiosk, kioskStaffOnly };
}

export async function run(): Promise<BundleSizes> {
  const sizes = await measure();
  const { routes, kiosk, kioskStaffOnly } = sizes;
  header('App JS per route, in Vietnamese (gzip -9)');
  console.log(
    "Entry + start-up imports + the route's screen, form and locale chunks with their static imports, from the Vite manifest;\n" +
      `the kiosk ${kiosk.seenByChromium ? 'also as Chromium fetched it in kiosk mode for one rating with follow-up' : 'from the manifest only (no Chromium here)'}.\n`,
  );
  table(
    ['route', 'JS files', 'JS raw', 'JS gzip', 'CSS gzip'],
    routes.map((s) => [s.route, s.chunks.length, kb(s.jsBytes), kb(s.jsGzip), kb(s.cssGzip)]),
    ['left', 'right', 'right', 'right', 'right'],
  );

  console.log('\nThe kiosk route, chunk by chunk:\n');
  table(
    ['chunk', 'source', 'how', 'raw', 'gzip'],
    kiosk.chunks.map((c) => [c.file, c.source, c.how, kb(c.rawBytes), kb(c.gzipBytes)]),
    ['left', 'left', 'left', 'right', 'right'],
  );
  const verdict = kiosk.jsGzip <= KIOSK_BUDGET_BYTES ? 'within budget' : 'OVER BUDGET';
  console.log(`\nKiosk: ${kb(kiosk.jsGzip)} gzip of ${kb(KIOSK_BUDGET_BYTES)} budget (${((100 * kiosk.jsGzip) / KIOSK_BUDGET_BYTES).toFixed(1)}%): ${verdict}`);
  if (kioskStaffOnly.length) console.log(`Staff only, on "leave kiosk": ${kioskStaffOnly.map((r) => `${r.file} ${kb(r.gzipBytes)}`).join(', ')}`);
  console.log('');
  return sizes;
}

runIfMain(import.meta.url, run);
