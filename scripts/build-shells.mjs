// Vite plugin: a route's own shell (kiosk.html for /kiosk, home.html for /), which the server sends for it: index.html
// with the route's first screen pre-rendered into it (through React at build time) and, when that screen has its own
// stylesheet, that inlined too, so the screen paints from the HTML alone, no script and no round trip for CSS. The
// app takes over as on any route.
import { runnerImport } from 'vite';

// index.html's placeholder, which each shell replaces.
const ROOT = '<div id="root"><p class="boot">Hài Lòng</p></div>';

/**
 * @typedef {object} Shell
 * @property {string} file  the shell's file name in the build
 * @property {string} prerender  the module exporting `prerender(): string`, the first screen's static HTML
 * @property {'root' | 'beside'} place  root: inside #root, which React's first render replaces; beside: next to an
 *   empty #root, over the app until the screen's own code removes it (the kiosk's card, src/app/kiosk/prerendered.ts)
 * @property {string} [screen]  the lazy screen whose stylesheet is inlined (the entry's is inlined in index.html already)
 */

// On a slow tablet the parser yields before it has read all of a long card, and the browser paints what it has:
// half a card, which then jumps as the rest comes in. Rendering waits until the end of the card is parsed.
const END_ID = 'shell-end';
const RENDER_AFTER_CARD = `<link rel="expect" href="#${END_ID}" blocking="render">`;

/** @param {string} html @param {string} markup @param {Shell['place']} place */
function placed(html, markup, place) {
  const end = `<div id="${END_ID}" hidden></div>`;
  return html
    .replace(ROOT, () => (place === 'root' ? `<div id="root">${markup}</div>${end}` : `<div id="root"></div>\n${markup}${end}`))
    .replace('</head>', () => `${RENDER_AFTER_CARD}\n</head>`);
}

/**
 * @param {Shell[]} shells
 * @returns {import('vite').Plugin}
 */
export function prerenderedShells(shells) {
  /** @type {import('vite').ResolvedConfig} */
  let config;
  /** @type {Map<string, string>} */
  const markup = new Map();
  return {
    name: 'hailong:shells',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async buildStart() {
      // Its own small Vite (no config file): React's server renderer runs in Node, never in the app's bundle.
      for (const shell of shells) {
        const { module } = await runnerImport(`/${shell.prerender}`, { root: config.root, configFile: false, logLevel: 'error' });
        markup.set(shell.file, /** @type {{ prerender: () => string }} */ (module).prerender());
      }
    },
    generateBundle: {
      // After Vite has written index.html (and the first-load plugin has inlined the entry's stylesheet into it).
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') throw new Error('shells: index.html is not in the bundle');
        const html = String(index.source);
        if (!html.includes(ROOT)) throw new Error(`shells: index.html no longer has ${ROOT}`);
        const root = config.root.replace(/\\/g, '/');
        for (const shell of shells) {
          let out = placed(html, markup.get(shell.file) ?? '', shell.place);
          if (shell.screen) {
            const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId === `${root}/${shell.screen}`);
            if (chunk?.type !== 'chunk') throw new Error(`shells: ${shell.screen} is not a chunk of the build (renamed?)`);
            const css = [...(chunk.viteMetadata?.importedCss ?? [])].map((f) => {
              const asset = bundle[f];
              if (asset?.type !== 'asset') throw new Error(`shells: the stylesheet ${f} is not in the bundle`);
              return String(asset.source).trim();
            });
            if (!css.length) throw new Error(`shells: ${shell.screen} has no stylesheet to inline`);
            out = out.replace('</head>', () => `<style>${css.join('\n')}</style>\n</head>`);
          }
          this.emitFile({ type: 'asset', fileName: shell.file, source: out });
        }
      },
    },
  };
}
