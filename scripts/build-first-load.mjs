// Vite plugin for the first load on a slow link: (1) the entry's small stylesheet is inlined into index.html, so the
// page paints as soon as the HTML is in, without one more round trip for CSS; (2) .vite/first-load.json lists, per
// route, the chunks its first screen needs (entry, lazy screen, form, words, CSS). The server sends them as Link
// preload headers with the shell (src/server/static.ts), so they download in parallel with the entry instead of one
// round trip after it has arrived and run. The table is data for the server, never precached (.vite/ is not); the
// routes whose shell paints their largest content get their list inside the HTML instead (<script id="first-load">).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} RoutePreload
 * @property {string} path  a regular expression the pathname must match (the first route that matches wins)
 * @property {string[]} modules  source files of the lazy chunks the route's first screen imports (e.g. its screen)
 * @property {string[]} [locales]  i18n namespaces the first screen reads (src/app/i18n/locales/<lang>/<ns>.json)
 * @property {boolean} [inlinedCss]  the route's own shell inlines its first screen's stylesheet (kiosk.html): not preloaded
 * @property {'vi' | 'en'} [lang]  the language the route always opens in (else Vietnamese, the default; the server
 *   cannot see a tablet's saved choice, and an English tablet only waits one round trip more for its words)
 * @property {boolean} [afterPaint]  the route's shell already paints its largest content (home.html, kiosk.html): its
 *   chunks are fetched once that is on screen (main.tsx, from the list in the HTML), not with the shell, so the
 *   first paint shares the link with nothing
 */

export const FIRST_LOAD_FILE = '.vite/first-load.json';
/** The id of the HTML's data block listing the after-paint routes' chunks (read by src/app/first-load.ts). */
const AFTER_PAINT_ID = 'first-load';

/** @param {import('vite').Rollup.OutputBundle} bundle */
function chunksBySource(bundle) {
  /** @type {Map<string, import('vite').Rollup.OutputChunk>} */
  const map = new Map();
  for (const out of Object.values(bundle)) {
    if (out.type !== 'chunk') continue;
    for (const id of [out.facadeModuleId, ...out.moduleIds]) if (id && !map.has(id)) map.set(id, out);
  }
  return map;
}

/** @param {import('vite').Rollup.OutputChunk | import('vite').Rollup.OutputAsset | undefined} c */
const cssOf = (c) => (c?.type === 'chunk' ? [...(c.viteMetadata?.importedCss ?? [])] : []);

/**
 * @param {RoutePreload[]} routes
 * @param {{ boot?: string[] }} [options]  boot: source files the entry imports dynamically at start on every route
 * @returns {import('vite').Plugin}
 */
export function firstLoad(routes, options = {}) {
  /** @type {import('vite').ResolvedConfig} */
  let config;
  /** @type {{ entry: string[], routes: { path: string, files: string[] }[] } | undefined} */
  let table;
  /** The entry's stylesheets, taken out of the bundle to be inlined: file name → CSS. */
  /** @type {Map<string, string>} */
  const inlined = new Map();
  return {
    name: 'hailong:first-load',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    generateBundle: {
      // Before Vite writes the HTML's <link> and the lazy chunks' preload lists: once the entry no longer lists its
      // CSS, neither links it (it is inlined below), and no lazy import waits to load a stylesheet already applied.
      order: 'pre',
      handler(_options, bundle) {
        for (const out of Object.values(bundle)) {
          if (out.type !== 'chunk' || !out.isEntry) continue;
          for (const file of out.viteMetadata?.importedCss ?? []) {
            const asset = bundle[file];
            if (asset?.type !== 'asset') throw new Error(`first-load: the entry's stylesheet ${file} is not in the bundle`);
            inlined.set(file, String(asset.source).trim());
            delete bundle[file];
          }
          out.viteMetadata?.importedCss.clear();
        }
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle || !ctx.chunk) return;
        const bySource = chunksBySource(bundle);
        const root = config.root.replace(/\\/g, '/');
        const find = (/** @type {string} */ src) => {
          const chunk = bySource.get(`${root}/${src}`);
          if (!chunk) throw new Error(`first-load: ${src} is not in the build (renamed? see vite.config.ts)`);
          return chunk;
        };
        const addStatic = (/** @type {import('vite').Rollup.OutputChunk} */ c, /** @type {Set<string>} */ into) => {
          if (into.has(c.fileName)) return;
          into.add(c.fileName);
          for (const f of c.imports) {
            const dep = bundle[f];
            if (dep?.type === 'chunk') addStatic(dep, into);
          }
        };
        // Everything every route loads at start: the entry, its static imports, and what it imports at boot.
        /** @type {Set<string>} */
        const entryFiles = new Set();
        addStatic(ctx.chunk, entryFiles);
        for (const src of options.boot ?? []) addStatic(find(src), entryFiles);
        const entryCss = new Set([...entryFiles].flatMap((f) => cssOf(bundle[f])).concat([...inlined.keys()]));
        const filesOf = (/** @type {string[]} */ sources, /** @type {boolean} */ withCss) => {
          /** @type {Set<string>} */
          const js = new Set();
          for (const src of sources) addStatic(find(src), js);
          const css = withCss ? [...js].flatMap((f) => cssOf(bundle[f])).filter((f) => !entryCss.has(f)) : [];
          return [...new Set([...[...js].filter((f) => !entryFiles.has(f)), ...css])];
        };
        table = {
          entry: [...entryFiles],
          routes: routes.map((r) => {
            // Vietnamese common words ship inside the entry (resources.ts); every other namespace is its own chunk.
            const lang = r.lang ?? 'vi';
            const words = (r.locales ?? []).concat(lang === 'en' ? ['common'] : []).map((n) => `src/app/i18n/locales/${lang}/${n}.json`);
            return { path: r.path, files: filesOf([...r.modules, ...words], !r.inlinedCss), ...(r.afterPaint ? { afterPaint: true } : {}) };
          }),
        };
        if (!html.includes('</head>')) throw new Error('first-load: index.html has no </head>');
        // Data, not a script (the policy allows no inline script): what main.tsx fetches once the shell has painted.
        const later = table.routes.filter((r) => r.afterPaint).map((r) => ({ path: r.path, files: [...table.entry, ...r.files] }));
        const data = later.length ? `<script type="application/json" id="${AFTER_PAINT_ID}">${JSON.stringify(later)}</script>\n` : '';
        // The entry's stylesheet, inlined where Vite would have linked it (the end of <head>).
        const css = [...inlined.values()].join('\n');
        return html.replace('</head>', () => `${css ? `<style>${css}</style>\n` : ''}${data}</head>`);
      },
    },
    writeBundle() {
      if (!table) throw new Error('first-load: index.html was not built');
      const file = path.resolve(config.root, config.build.outDir, FIRST_LOAD_FILE);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(table, null, 1)}\n`);
    },
  };
}

/** The manifest's link as vite-plugin-pwa writes it into index.html (src/app/boot.tsx adds it back, by this href). */
const MANIFEST_LINK = '<link rel="manifest" href="/manifest.webmanifest">';

/**
 * Takes the manifest's link out of index.html: the browser would fetch the manifest and its icon at once, two of the
 * six connections a slow link gets, while the first screen's chunks wait. The app links it once that screen is up.
 * Before the shells are made from index.html (listed before them in vite.config.ts).
 * @returns {import('vite').Plugin}
 */
export function deferManifestLink() {
  return {
    name: 'hailong:defer-manifest-link',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') throw new Error('defer-manifest-link: index.html is not in the bundle');
        const html = String(index.source);
        if (!html.includes(MANIFEST_LINK)) throw new Error(`defer-manifest-link: index.html has no ${MANIFEST_LINK} (vite-plugin-pwa changed?)`);
        index.source = html.replace(MANIFEST_LINK, '');
      },
    },
  };
}
