// Security headers on API answers and pages: CSP with frame-ancestors 'none', nosniff, referrer policy; HSTS only over https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './app';
import { testDatabases, type FreshDb } from './test/databases';
import { startApp, stopApp } from './test/test-app';

describe.each(testDatabases())('security headers on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;

  beforeAll(async () => {
    ({ fresh, app } = await startApp(create, { trustProxy: true }));
  });
  afterAll(() => stopApp({ app, fresh }));

  it('every answer, problems included, carries the CSP, nosniff and a referrer policy; no HSTS over plain http', async () => {
    for (const url of ['/api/health', '/api/v1/no-such-thing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS when the request came over https through the trusted proxy', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });
});
