// The JavaScript each route loads (gzip), read from the Vite build manifest: entry + route chunk + static imports.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
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
];

function form(id: string): string {
  return `src/core/forms/builtin/${id}.ts`;
}

/** Dynamic imports main.tsx makes at start on every route: service-worker registration and the uploader. */
const AT_START = [/workbox-window/, /^src\/app\/sync\/start\.ts$/];

const SOURCES = ['src/app', 'src/core', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

/** Builds the app into its own folder when missing or older than its sources (the same rule as `npm start`). */
export function ensureBuild(dist = process.env.BUNDLE_SIZE_DIST ?? '.tmp/dist-bench'): string {
  const manifest = path.join(dist, '.vite/manifest.json');
  if (!existsSync(manifest) || statSync(manifest).mtimeMs < Math.max(...SOURCES.map(newest))) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  }
  return dist;
}

export interface RouteSize {
  route: string;
  files: string[];
  jsBytes: number;
  jsGzip: number;
  cssGzip: number;
}

export function routeSizes(dist: string): RouteSize[] {
  const file = path.join(dist, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build with build.manifest = true (vite.config.ts)`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  const atStart = (manifest[entry].dynamicImports ?? []).filter((k) => AT_START.some((re) => re.test(k)));

  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const visit = (k: string) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    roots.forEach(visit);
    return seen;
  };
  const gz = (f: string) => gzipSync(readFileSync(path.join(dist, f))).length;
  const raw = (f: string) => statSync(path.join(dist, f)).size;

  return ROUTES.map(({ route, screen, also, namespaces }) => {
    if (!manifest[screen]) throw new Error(`${screen} is not a chunk of its own: is the ${route} route still lazy?`);
    const lazy = [...also, ...namespaces.map((ns) => `src/app/i18n/locales/vi/${ns}.json`)].filter((k) => manifest[k]);
    const keys = closure([entry, ...atStart, screen, ...lazy]);
    const js = [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
    const css = [...new Set([...keys].flatMap((k) => manifest[k].css ?? []))];
    return {
      route,
      files: js,
      jsBytes: js.reduce((s, f) => s + raw(f), 0),
      jsGzip: js.reduce((s, f) => s + gz(f), 0),
      cssGzip: css.reduce((s, f) => s + gz(f), 0),
    };
  });
}

const kb = (n: number) => Number((n / 1024).toFixed(1));

export async function run(): Promise<RouteSize[]> {
  const dist = ensureBuild();
  const sizes = routeSizes(dist);
  const cpu = cpus();
  console.log(
    `App JS per route, in Vietnamese: entry + start-up imports + the route's screen, form and locale chunks with their static imports (gzip, from the Vite manifest) — ${new Date().toISOString()} — ${cpu[0]?.model ?? 'cpu'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.table(
    sizes.map((s) => ({
      route: s.route,
      'JS files': s.files.length,
      'JS raw (KB)': kb(s.jsBytes),
      'JS gzip (KB)': kb(s.jsGzip),
      'CSS gzip (KB)': kb(s.cssGzip),
    })),
  );
  console.log('');
  return sizes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
