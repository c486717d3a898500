// Vite plugin: kiosk.html, the shell the server sends for /kiosk (and the service worker serves for it offline):
// index.html with the attract card pre-rendered into it (src/app/kiosk/attract-prerender.tsx, through React at build
// time) and the kiosk's stylesheet inlined, so the card paints from the HTML alone, no script and no round trip for
// CSS. The app takes over as on any route; the kiosk's first screen removes the copy (src/app/kiosk/prerendered.ts).
import { runnerImport } from 'vite';

const KIOSK_SHELL = 'kiosk.html';
// index.html's placeholder, replaced by an empty root and the card beside it (React then renders into the root).
const ROOT = '<div id="root"><p class="boot">Hài Lòng</p></div>';

/**
 * @param {{ prerender: string, screen: string }} options  prerender: the module exporting prerenderAttract();
 *   screen: the kiosk's lazy screen, whose stylesheet is inlined
 * @returns {import('vite').Plugin}
 */
export function kioskShell({ prerender, screen }) {
  /** @type {import('vite').ResolvedConfig} */
  let config;
  /** @type {string} */
  let card = '';
  return {
    name: 'hailong:kiosk-shell',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async buildStart() {
      // Its own small Vite (no config file): React's server renderer runs in Node, never in the app's bundle.
      const { module } = await runnerImport(`/${prerender}`, { root: config.root, configFile: false, logLevel: 'error' });
      card = /** @type {{ prerenderAttract: () => string }} */ (module).prerenderAttract();
    },
    generateBundle: {
      // After Vite has written index.html (and the first-load plugin has inlined the entry's stylesheet into it).
      order: 'post',
      handler(_options, bundle) {
        const index = bundle['index.html'];
        if (index?.type !== 'asset') throw new Error('kiosk-shell: index.html is not in the bundle');
        const root = config.root.replace(/\\/g, '/');
        const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId === `${root}/${screen}`);
        if (chunk?.type !== 'chunk') throw new Error(`kiosk-shell: ${screen} is not a chunk of the build (renamed?)`);
        const css = [...(chunk.viteMetadata?.importedCss ?? [])].map((f) => {
          const asset = bundle[f];
          if (asset?.type !== 'asset') throw new Error(`kiosk-shell: the stylesheet ${f} is not in the bundle`);
          return String(asset.source).trim();
        });
        if (!css.length) throw new Error(`kiosk-shell: ${screen} has no stylesheet to inline`);
        const html = String(index.source);
        if (!html.includes(ROOT)) throw new Error(`kiosk-shell: index.html no longer has ${ROOT}`);
        const kiosk = html.replace(ROOT, () => `<div id="root"></div>\n${card}`).replace('</head>', () => `<style>${css.join('\n')}</style>\n</head>`);
        this.emitFile({ type: 'asset', fileName: KIOSK_SHELL, source: kiosk });
      },
    },
  };
}
