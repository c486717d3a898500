// Types for build-first-load.mjs (plain JavaScript, so vite.config.ts imports it with its extension).
import type { Plugin } from 'vite';

export interface RoutePreload {
  /** A regular expression the pathname must match (the first route that matches wins). */
  path: string;
  /** Source files of the lazy chunks the route's first screen imports (its screen, its form). */
  modules: string[];
  /** i18n namespaces the first screen reads (src/app/i18n/locales/<lang>/<ns>.json). */
  locales?: string[];
  /** The route's own shell inlines its first screen's stylesheet (kiosk.html), so it is not preloaded. */
  inlinedCss?: boolean;
  /** The language the route always opens in (else Vietnamese, the default). */
  lang?: 'vi' | 'en';
  /** The route's own shell paints its largest content: its chunks are fetched after that paint, not sent with the shell. */
  afterPaint?: boolean;
}

export const FIRST_LOAD_FILE: string;
/** boot: source files the entry imports dynamically at start, on every route. */
export function firstLoad(routes: RoutePreload[], options?: { boot?: string[] }): Plugin;
/** Takes the manifest's link out of index.html; the app adds it once the first screen is up. */
export function deferManifestLink(): Plugin;
