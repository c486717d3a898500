// Compresses API JSON over 1 KB for tablets on slow links; static files come precompressed from the build instead.
import compress from '@fastify/compress';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Which routes compress on the fly: the API's, but not the exports (CSV and XLSX stream as they are, at the memory
 * and time the export budgets were measured with) and not the static files (the build made their .br and .gz, and
 * static.ts picks one by Accept-Encoding). A route may still say `compress` for itself.
 */
function compressesOnTheFly(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/v1/exports/');
}

/**
 * Must be registered before the routes: the plugin hooks the routes added after it. Request bodies are never
 * inflated here, so the body limit and the submissions parser see the bytes the client sent. Brotli stays at the
 * plugin's quality 4 (11 costs many times the CPU for a few per cent).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Runs before the plugin's own onRoute hook, which reads `compress` off the route.
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.compress === undefined && !compressesOnTheFly(route.url)) route.compress = false;
  });
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
  });
}
