// Builds the PWA: React, a precached service worker (prompt to update, never mid-interview) and the manifest.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { precompress } from './scripts/build-precompress.mjs';
import { deferManifestLink, firstLoad } from './scripts/build-first-load.mjs';
import { prerenderedShells } from './scripts/build-shells.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// A build id lets a tablet tell two deployments of the same version apart (the update prompt relies on it).
const form = (id: string) => `src/core/forms/builtin/${id}.ts`;

// What each route's first screen loads lazily (App.tsx picks the screen; resources.ts the words): the server sends
// them as preload headers with the shell, so they download with the entry. The build fails if a file is renamed.
const bar = 'src/app/shell/StatusBar.tsx';
const firstScreens = [
  { path: '^/kiosk', modules: ['src/app/kiosk/KioskScreen.tsx', form('desk-rating')], locales: ['kiosk'], lang: 'vi' as const, inlinedCss: true, afterPaint: true },
  // Not the built-in forms: a draft's form is the one kept from the server (a tablet that never synced loads its own).
  { path: '^/interview/', modules: [bar, 'src/app/interview/InterviewScreen.tsx'], locales: ['tablet', 'sync', 'problems', 'interview'] },
  { path: '^/supervisor(/|$)', modules: [bar, 'src/app/supervisor/SupervisorApp.tsx'], locales: ['tablet', 'sync', 'problems', 'supervisor'] },
  { path: '^/settings$', modules: [bar, 'src/app/settings/SettingsScreen.tsx'], locales: ['tablet', 'sync', 'problems', 'kioskSettings'] },
  { path: '^/attention$', modules: [bar, 'src/app/sync/AttentionScreen.tsx'], locales: ['tablet', 'sync', 'problems'] },
  { path: '^/$', modules: [bar, 'src/app/home/Home.tsx', form('sipas-2017'), form('sipas-2023')], locales: ['tablet', 'sync', 'problems'], afterPaint: true },
];

// Module ids of the chunk layers (see build.rolldownOptions.output.codeSplitting).
const REACT = /node_modules[\\/](react|react-dom|scheduler)[\\/]/;
const PRELOAD_HELPER = /vite[\\/]preload-helper/;
const BOOT = /src[\\/]app[\\/]boot\.tsx$/;
// What the entry runs before the first paint besides: it must not be taken into a later layer with the modules that
// import it too (a group takes its modules' imports along), or the entry would wait for that layer.
const ENTRY_OWN = /src[\\/]app[\\/](first-load|i18n[\\/]languages)\.ts$/;
const I18N = /node_modules[\\/](i18next|react-i18next)[\\/]|src[\\/]app[\\/]i18n[\\/](index|resources)\.ts$|locales[\\/]vi[\\/]common\.json$/;
const STORE = /node_modules[\\/](dexie|dexie-react-hooks|zod)[\\/]|src[\\/]app[\\/]store[\\/](db|restore|settings|errors)\.ts$|src[\\/]core[\\/]response[\\/]/;
const SHARED = /src[\\/](app|core)[\\/]/;
// Not in the shared layer: the entry's own imports (they must not pull the later layers into the entry), the lazy
// built-in forms, and what only the staff's screens use (PIN, PIN pad, hand-carry export), which the kiosk must not carry.
const NOT_SHARED =
  /src[\\/]app[\\/](store[\\/]storage\.ts|shell[\\/]update-context\.tsx|security[\\/]pin\.ts|kiosk[\\/](PinPad\.tsx|kiosk\.css)|sync[\\/](ExportUnsentCard|SupervisorPinGate|EnumeratorPinDialog|export-file)\.tsx?)$|src[\\/]core[\\/]forms[\\/]builtin[\\/]/;

// What the kiosk loads before its first rating: main.tsx's boot steps, its screen and form, and the sync it starts.
// The app code screens share splits in two by it: what the kiosk needs ('shared'), and what only the staff's
// screens use ('screens': the interview's fields, the staff login, their CSS), which the kiosk never downloads.
/** What main.tsx and boot.tsx import one step at a time at start, on every route. */
const STARTUP_ROOTS = ['src/app/boot.tsx', 'src/app/i18n/index.ts', 'src/app/store/db.ts', 'src/app/App.tsx'];
const KIOSK_ROOTS = [
  'src/app/main.tsx',
  ...STARTUP_ROOTS,
  'src/app/kiosk/KioskScreen.tsx',
  form('desk-rating'),
  'src/app/i18n/locales/vi/kiosk.json',
  'src/app/sync/start.ts',
];
/** The module ids the kiosk reaches from KIOSK_ROOTS by static imports, known once the module graph is complete. */
const kioskModules = new Set<string>();
/**
 * Of those, what goes in the one 'shared' chunk: what the start-up after the first paint runs on every route (the
 * boot steps, App), and what two or more of the build's entries (the page's, and each lazy import's) use.
 */
const sharedModules = new Set<string>();
/** The staff's screens' common code ('screens'): what two entries use that the kiosk does not, and the status bar. */
const screensModules = new Set<string>();
const kioskReach: Plugin = {
  name: 'hailong:kiosk-reach',
  apply: 'build',
  buildEnd() {
    const reach = (roots: string[]) => {
      const seen = new Set<string>();
      const visit = (id: string) => {
        if (seen.has(id)) return;
        seen.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
      };
      for (const root of roots) {
        if (!this.getModuleInfo(root)) this.error(`${root} is not in the build (renamed? see KIOSK_ROOTS in vite.config.ts)`);
        visit(root);
      }
      return seen;
    };
    const entries = [...this.getModuleIds()].filter((id) => {
      const info = this.getModuleInfo(id);
      return info?.isEntry || (info?.dynamicImporters.length ?? 0) > 0;
    });
    const uses = new Map<string, number>();
    for (const entry of entries) for (const id of reach([entry])) uses.set(id, (uses.get(id) ?? 0) + 1);
    const startup = reach(STARTUP_ROOTS.map((r) => path.resolve(r)));
    kioskModules.clear();
    sharedModules.clear();
    screensModules.clear();
    for (const id of reach(KIOSK_ROOTS.map((r) => path.resolve(r)))) {
      kioskModules.add(id);
      if (startup.has(id) || (uses.get(id) ?? 0) >= 2) sharedModules.add(id);
    }
    const statusBar = reach([path.resolve(bar)]);
    for (const [id, count] of uses) if (!kioskModules.has(id) && (count >= 2 || statusBar.has(id))) screensModules.add(id);
  },
};

const SIPAS = /forms[\\/]builtin[\\/](sipas-20\d\d|satisfaction-scale)\.ts$/;
// The interview's words too: one request less on the interview's first load, 1.7 KB gzip more on the others' (not
// the kiosk's).
const SHELL_WORDS_VI = /locales[\\/]vi[\\/](tablet|sync|problems|interview)\.json$/;
const SHELL_WORDS_EN = /locales[\\/]en[\\/](common|tablet|sync|problems)\.json$/;

const buildId = process.env.HAILONG_BUILD_ID ?? new Date().toISOString();

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __BUILD_ID__: JSON.stringify(buildId),
  },
  // Dexie's default entry wraps its ES5 build; the modern build is the same API, 1.3 KB gzip smaller (kiosk budget).
  // react-i18next's use-sync-external-store shim is React's own hook since React 18 (src/app/i18n/use-sync-external-store.ts).
  resolve: {
    alias: [
      { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
      { find: /^use-sync-external-store\/shim$/, replacement: path.resolve('src/app/i18n/use-sync-external-store.ts') },
    ],
  },
  // The manifest lets bench/bundle-size.ts follow each route's chunks.
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    manifest: true,
    // Every browser the app targets (es2022) has <link rel=modulepreload>: the polyfill is 0.5 KB on every route for nothing.
    modulePreload: { polyfill: false },
    // src/core is pure by rule (no import-time effects), so whatever a route does not use is dropped from it:
    // the kiosk then carries desk-rating only, not the two long SIPAS questionnaires.
    rolldownOptions: {
      treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]core[\\/]/, sideEffects: false }] },
      output: {
        // Few requests for a first load over HTTP/1.1 on 4G (each costs a round trip; there were ~20 small chunks),
        // in the layers main.tsx loads one task at a time: the entry (React), words (i18next), storage (Dexie, zod),
        // then one chunk of the app code screens share. Each screen, and each language's words, stays its own.
        codeSplitting: {
          groups: [
            // Vite's preload helper, which every layer's lazy imports use, on its own (with the entry's own start-up
            // code): the entry imports it and must not carry React with it (main.tsx starts the app after the first paint).
            { name: 'preload', priority: 5, test: (id: string) => PRELOAD_HELPER.test(id) || ENTRY_OWN.test(id) },
            { name: 'react', priority: 4, test: (id: string) => REACT.test(id) || BOOT.test(id) },
            { name: 'i18n', priority: 3, test: (id: string) => I18N.test(id) },
            { name: 'store', priority: 3, test: (id: string) => STORE.test(id) },
            // Every route's start-up (App and what it imports) with the app code the kiosk shares with the staff's
            // screens: one chunk, one request. The kiosk's own code stays in its screen's chunk.
            { name: 'shared', priority: 2.5, test: (id: string) => SHARED.test(id) && !NOT_SHARED.test(id) && sharedModules.has(id) },
            { name: 'screens', priority: 2, test: (id: string) => SHARED.test(id) && !NOT_SHARED.test(id) && screensModules.has(id) },
            // Loaded together on a first screen: both SIPAS forms (home lists them), and the status bar's words.
            { name: 'sipas', priority: 1, test: (id: string) => SIPAS.test(id) },
            { name: 'words-vi', priority: 1, test: (id: string) => SHELL_WORDS_VI.test(id) },
            { name: 'words-en', priority: 1, test: (id: string) => SHELL_WORDS_EN.test(id) },
          ],
        },
      },
    },
  },
  plugins: [
    kioskReach,
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png'],
      manifest: {
        id: '/',
        name: 'Hài Lòng: khảo sát mức độ hài lòng',
        short_name: 'Hài Lòng',
        description: 'Khảo sát mức độ hài lòng của người dân tại Bộ phận Một cửa, hoạt động cả khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b6e4f',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,json,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        // The SW never touches the API: submissions and forms always go to the network.
        runtimeCaching: [],
      },
    }),
    // main.tsx and boot.tsx import these one step at a time at start; they preload with the entry on every route.
    firstLoad(firstScreens, { boot: STARTUP_ROOTS }),
    deferManifestLink(),
    // / and /kiosk have their own shells, their first screen pre-rendered into the HTML, so it paints before any
    // script has run: home's title, the kiosk's attract card.
    prerenderedShells([
      { file: 'home.html', prerender: 'src/app/home/home-prerender.tsx', place: 'root' },
      { file: 'kiosk.html', prerender: 'src/app/kiosk/attract-prerender.tsx', place: 'beside', screen: 'src/app/kiosk/KioskScreen.tsx' },
    ]),
    // Last: it compresses what the build and the service-worker generator wrote.
    precompress(),
  ],
});
