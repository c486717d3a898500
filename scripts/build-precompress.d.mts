// Types for build-precompress.mjs (plain JavaScript, so vite.config.ts imports it with its extension).
import type { Plugin } from 'vite';

export function precompressDir(outDir: string): { files: number; rawBytes: number; brBytes: number };
export function precompress(): Plugin;
