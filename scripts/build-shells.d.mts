// Types for build-shells.mjs (plain JavaScript, so vite.config.ts imports it with its extension).
import type { Plugin } from 'vite';

export interface Shell {
  /** The shell's file name in the build (kiosk.html). */
  file: string;
  /** The module exporting prerender(), the first screen's static HTML. */
  prerender: string;
  /** root: inside #root, replaced by React's first render; beside: next to an empty #root, removed by the screen's code. */
  place: 'root' | 'beside';
  /** The lazy screen whose stylesheet is inlined. */
  screen?: string;
}

export function prerenderedShells(shells: Shell[]): Plugin;
