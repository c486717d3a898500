// Types for build-kiosk-shell.mjs (plain JavaScript, so vite.config.ts imports it with its extension).
import type { Plugin } from 'vite';

/** prerender: the module exporting prerenderAttract(); screen: the kiosk's lazy screen, whose stylesheet is inlined. */
export function kioskShell(options: { prerender: string; screen: string }): Plugin;
