// Vite plugin for the first load on a slow link, in index.html: (1) the entry's small stylesheet inlined, so the page
// paints as soon as the HTML is in, without waiting one more round trip for CSS; (2) a few bytes of inline script
// that, by the path being opened, starts fetching that route's lazy chunks (screen, form, words, CSS) while the entry
// script still downloads. Without it they wait for the entry to arrive and run (one more round trip and transfer).

/**
 * @typedef {object} RoutePreload
 * @property {string} path  a regular expression the pathname must match (the first route that matches wins)
 * @property {string[]} modules  source files of the lazy chunks the route's first screen imports (e.g. its screen)
 * @property {string[]} [locales]  i18n namespaces the first screen reads (src/app/i18n/locales/<lang>/<ns>.json)
 * @property {'vi' | 'en'} [lang]  the language the route always opens in (else the saved one, hailong.lang)
 */

// A classic script waits for stylesheets above it, so index.html says where it goes: after the meta tags, before CSS.
const MARKER = '<!--route-preload-->';

const escapeRe = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

/**
 * @param {RoutePreload[]} routes
 * @returns {import('vite').Plugin}
 */
export function firstLoad(routes) {
  /** @type {import('vite').ResolvedConfig} */
  let config;
  return {
    name: 'hailong:first-load',
    apply: 'build',
    configResolved(c) {
      config = c;
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
        // What the entry already loads (Vite preloads it from the HTML) is not repeated.
        /** @type {Set<string>} */
        const entryFiles = new Set();
        const addStatic = (/** @type {import('vite').Rollup.OutputChunk} */ c, /** @type {Set<string>} */ into) => {
          if (into.has(c.fileName)) return;
          into.add(c.fileName);
          for (const f of c.imports) {
            const dep = bundle[f];
            if (dep?.type === 'chunk') addStatic(dep, into);
          }
        };
        addStatic(ctx.chunk, entryFiles);
        const entryCss = new Set([...entryFiles].flatMap((f) => {
          const c = bundle[f];
          return c?.type === 'chunk' ? [...(c.viteMetadata?.importedCss ?? [])] : [];
        }));
        const filesOf = (/** @type {string[]} */ sources, /** @type {Set<string>} */ skip = new Set()) => {
          /** @type {Set<string>} */
          const js = new Set();
          for (const src of sources) addStatic(find(src), js);
          const css = [...js].flatMap((f) => {
            const c = bundle[f];
            return c?.type === 'chunk' ? [...(c.viteMetadata?.importedCss ?? [])] : [];
          });
          return [...new Set([...js].filter((f) => !entryFiles.has(f)).concat(css.filter((f) => !entryCss.has(f))))].filter((f) => !skip.has(f));
        };
        // [path, fixed language or '', files in any language, Vietnamese words, English words]
        const table = routes.map((r) => {
          const shared = filesOf(r.modules);
          const words = (/** @type {'vi' | 'en'} */ lang) =>
            // Vietnamese common words ship inside the entry (resources.ts); every other namespace is its own chunk.
            filesOf((r.locales ?? []).concat(lang === 'en' ? ['common'] : []).map((n) => `src/app/i18n/locales/${lang}/${n}.json`), new Set(shared));
          return [r.path, r.lang ?? '', shared, words('vi'), words('en')];
        });
        const base = JSON.stringify(config.base);
        // Plain ES5, no dependency, never throws: at worst the chunks load the usual way.
        const code =
          `(function(){try{var t=${JSON.stringify(table)},p=location.pathname,s=localStorage.getItem('hailong.lang')==='en'?'en':'vi';` +
          `for(var i=0;i<t.length;i++){if(!new RegExp(t[i][0]).test(p))continue;var f=t[i][2].concat(t[i][(t[i][1]||s)==='en'?4:3]);` +
          `for(var j=0;j<f.length;j++){var l=document.createElement('link'),c=/\\.css$/.test(f[j]);` +
          `l.rel=c?'stylesheet':'modulepreload';l.crossOrigin='';l.href=${base}+f[j];document.head.appendChild(l)}break}}catch(e){}})();`;
        if (!html.includes(MARKER)) throw new Error(`first-load: index.html has no ${MARKER} (where the script goes: before any stylesheet)`);
        let out = html.replace(MARKER, `<script>${code}</script>`);
        for (const file of entryCss) {
          const asset = bundle[file];
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="${escapeRe(config.base + file)}"[^>]*>`);
          if (asset?.type !== 'asset' || !link.test(out)) throw new Error(`first-load: no stylesheet link for ${file} in index.html`);
          out = out.replace(link, () => `<style>${String(asset.source).trim()}</style>`);
        }
        return out;
      },
    },
  };
}
