// Serves the built PWA from one port with the API: hashed assets cached for a year, the shell and service worker never;
// each file as the brotli or gzip copy the build made beside it when the browser accepts one (Vary: Accept-Encoding);
// the shell with Link preload headers for the chunks the opened route's first screen needs; / and /kiosk their own
// shells, home.html and kiosk.html, with their first screen already in the HTML (scripts/build-shells.mjs), whose
// chunks the page fetches itself once that has painted (src/app/first-load.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NotFoundFallback } from './error-handler';

const SHELLS = new Set(['index.html', 'home.html', 'kiosk.html']);
const NO_CACHE = new Set([...SHELLS, 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

/** Written by scripts/build-first-load.mjs: the entry's chunks, and per route (first match wins) its first screen's. */
interface FirstLoad {
  entry: string[];
  /** afterPaint: the route's shell paints its largest content itself; its chunks are fetched after that, not sent with it. */
  routes: { path: string; files: string[]; afterPaint?: boolean }[];
}

const linkTo = (file: string) => `</${file}>; rel=${file.endsWith('.css') ? 'preload; as=style' : 'modulepreload'}; crossorigin`;

/** The Link header for each path, or nothing when the build has no table (an older or a hand-made build). */
function firstLoadLinks(app: FastifyInstance, root: string): (pathname: string) => string | undefined {
  const file = path.join(root, '.vite', 'first-load.json');
  if (!existsSync(file)) return () => undefined;
  try {
    const table = JSON.parse(readFileSync(file, 'utf8')) as FirstLoad;
    const routes = table.routes.map((r) => ({ re: new RegExp(r.path), header: r.afterPaint ? undefined : [...table.entry, ...r.files].map(linkTo).join(', ') }));
    return (pathname) => routes.find((r) => r.re.test(pathname))?.header;
  } catch (err) {
    app.log.warn({ err }, `${file} is unreadable: the shell goes out without preload headers`);
    return () => undefined;
  }
}

/** Registers the static files when dist/index.html exists; returns the SPA fallback for unknown non-API GETs. */
export async function registerPwa(app: FastifyInstance, distDir: string | null): Promise<NotFoundFallback | undefined> {
  const root = distDir ? path.resolve(distDir) : null;
  if (!root || !existsSync(path.join(root, 'index.html'))) {
    if (root) app.log.warn(`no built app at ${root}; run "npx vite build" (npm start does it) to serve the PWA`);
    return undefined;
  }
  const links = firstLoadLinks(app, root);
  // A build from before home.html or kiosk.html opens / or /kiosk with the plain shell.
  const shellFor = (file: string) => (existsSync(path.join(root, file)) ? file : 'index.html');
  const routeShells = new Map([
    ['/', shellFor('home.html')],
    ['/kiosk', shellFor('kiosk.html')],
  ]);
  await app.register(fastifyStatic, {
    root,
    // `/` is the home route's own shell, sent by the fallback below like every other route's (not index.html).
    index: false,
    allowedPath: (pathname) => pathname !== '/',
    cacheControl: false,
    // scripts/build-precompress.mjs writes x.br and x.gz beside x; without them (or for images) x goes out as it is.
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      const rel = path.relative(root, filePath).split(path.sep).join('/').replace(/\.(?:br|gz)$/, '');
      if (SHELLS.has(rel)) {
        // Only a page being opened uses them; the service worker fetching its precache copy would ignore them.
        const dest = reply.request.headers['sec-fetch-dest'];
        const header = !dest || dest === 'document' ? links(reply.request.url.split('?')[0]) : undefined;
        if (header) reply.header('link', header);
      }
      if (NO_CACHE.has(rel)) reply.header('cache-control', 'no-cache');
      else if (rel.startsWith('assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'public, max-age=3600');
    },
  });
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const last = request.url.split('?')[0].split('/').pop() ?? '';
    // A missing script or image is a 404, not the HTML shell (which would only confuse the service worker).
    if (/\.[A-Za-z0-9]{1,8}$/.test(last) && !last.endsWith('.html')) return undefined;
    const pathname = request.url.split('?')[0];
    return reply.header('cache-control', 'no-cache').sendFile(routeShells.get(pathname) ?? 'index.html');
  };
}
