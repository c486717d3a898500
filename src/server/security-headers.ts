// Security headers on every answer: the PWA runs under a strict CSP, cannot be framed, and is pinned to https once reached over it.
import type { FastifyInstance } from 'fastify';

/**
 * Scripts only from this origin (the build has no inline script, injectRegister is off); inline styles are allowed
 * for the first paint's <style> and React's style attributes. No upgrade-insecure-requests: many offices serve the
 * endpoint over plain http on their LAN, and upgrading would break every request there.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API documentation is @fastify/swagger-ui's own page, which sets up its scripts its own way. */
const OWN_CSP_PREFIX = '/api/docs';

// The build's hashed scripts and stylesheets are never a document: the policy, framing and opener rules do nothing
// there, and their 0.5 KB would go out again with each of the fifteen or so chunks of a first load on a slow link.
const CHUNK = /^\/assets\/[^/?]+\.(?:js|css)(?:\?|$)/;

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    // request.protocol follows TRUST_PROXY, so behind a TLS-terminating proxy this is the client's scheme.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (CHUNK.test(request.url)) return;
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!request.url.startsWith(OWN_CSP_PREFIX)) reply.header('content-security-policy', CSP);
  });
}
