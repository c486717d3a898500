// Vite plugin: brotli and gzip copies of every text file of the build, made once at build time so the server never
// compresses a static file per request. It runs after vite-plugin-pwa has written sw.js, so the worker is covered
// too, and it never changes a file the precache manifest lists (x.br and x.gz sit beside x; workbox globs skip them).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
// Below this a compressed copy saves less than a packet.
const MIN_BYTES = 512;

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Writes x.br (quality 11) and x.gz (level 9) beside each text file x of outDir, when they are smaller than x.
 * @param {string} outDir
 * @returns {{ files: number, rawBytes: number, brBytes: number }}
 */
export function precompressDir(outDir) {
  let files = 0;
  let rawBytes = 0;
  let brBytes = 0;
  for (const file of walk(outDir)) {
    if (!TEXT.test(file) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
    const raw = readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
    files++;
    rawBytes += raw.length;
    brBytes += Math.min(br.length, raw.length);
  }
  return { files, rawBytes, brBytes };
}

/** @returns {import('vite').Plugin} */
export function precompress() {
  /** @type {import('vite').ResolvedConfig} */
  let config;
  return {
    name: 'hailong:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      config = c;
    },
    closeBundle: {
      // After every other plugin's closeBundle, vite-plugin-pwa's service worker included.
      order: 'post',
      sequential: true,
      handler() {
        if (config.build.ssr || config.build.write === false) return;
        const outDir = path.resolve(config.root, config.build.outDir);
        const { files, rawBytes, brBytes } = precompressDir(outDir);
        config.logger.info(`precompressed ${files} files: ${(rawBytes / 1024).toFixed(1)} KiB → ${(brBytes / 1024).toFixed(1)} KiB brotli`);
      },
    },
  };
}
