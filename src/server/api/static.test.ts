// The one port also serves the PWA (SPA fallback, caching) and the OpenAPI description.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { testDatabases, type FreshDb } from '../test/databases';

describe('PWA and docs', () => {
  let fresh: FreshDb;
  let app: App;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'hailong-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Hài Lòng</title>');
    writeFileSync(path.join(dist, 'home.html'), '<!doctype html><title>Hài Lòng</title><h1 id="home-title">Khảo sát mức độ hài lòng</h1>');
    writeFileSync(path.join(dist, 'kiosk.html'), '<!doctype html><title>Hài Lòng</title><main class="attract-screen"></main>');
    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    mkdirSync(path.join(dist, '.vite'));
    writeFileSync(
      path.join(dist, '.vite', 'first-load.json'),
      JSON.stringify({
        entry: ['assets/index-abc123.js'],
        routes: [
          { path: '^/kiosk', files: ['assets/KioskScreen-k1.js'], afterPaint: true },
          { path: '^/interview/', files: ['assets/InterviewScreen-i1.js', 'assets/screens-s1.css'] },
          { path: '^/$', files: ['assets/Home-h1.js'], afterPaint: true },
        ],
      }),
    );
    fresh = await testDatabases()[0].create();
    app = await buildApp({ db: fresh.db, distDir: dist });
  });
  afterAll(async () => {
    await app?.close();
    await fresh?.destroy();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the shell for app routes, never cached', async () => {
    for (const url of ['/', '/interview/0197-abc', '/kiosk']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>Hài Lòng</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it("opens / and /kiosk with their own shells (home's title, the kiosk's attract card in the HTML), never cached", async () => {
    for (const [url, shell] of [
      ['/kiosk', '<main class="attract-screen">'],
      ['/kiosk?x=1', '<main class="attract-screen">'],
      ['/', '<h1 id="home-title">'],
      ['/?from=settings', '<h1 id="home-title">'],
    ]) {
      for (const encoding of [undefined, 'br, gzip']) {
        const res = await app.inject({ method: 'GET', url, headers: { 'sec-fetch-dest': 'document', ...(encoding ? { 'accept-encoding': encoding } : {}) } });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain(shell);
        expect(res.headers['cache-control'], url).toBe('no-cache');
      }
    }
    for (const url of ['/kiosk/other', '/interview/0197-abc', '/settings']) {
      const body = (await app.inject({ method: 'GET', url })).body;
      expect(body, url).not.toContain('attract-screen');
      expect(body, url).not.toContain('home-title');
    }
  });

  it("sends the shell with preload headers for the opened route's first screen, only to a page being opened", async () => {
    const interview = await app.inject({ method: 'GET', url: '/interview/0197-abc', headers: { 'sec-fetch-dest': 'document' } });
    expect(interview.headers.link).toBe(
      '</assets/index-abc123.js>; rel=modulepreload; crossorigin, </assets/InterviewScreen-i1.js>; rel=modulepreload; crossorigin, </assets/screens-s1.css>; rel=preload; as=style; crossorigin',
    );
    // The service worker fetching its precache copy of the shell gets no preloads.
    const precache = await app.inject({ method: 'GET', url: '/index.html', headers: { 'sec-fetch-dest': 'empty' } });
    expect(precache.statusCode).toBe(200);
    expect(precache.headers.link).toBeUndefined();
  });

  it('sends no preload headers where the shell paints the first screen itself: the page fetches its chunks after that paint', async () => {
    for (const url of ['/', '/kiosk']) expect((await app.inject({ method: 'GET', url, headers: { 'sec-fetch-dest': 'document' } })).headers.link, url).toBeUndefined();
  });

  it('serves the service worker uncached and hashed assets for a year', async () => {
    expect((await app.inject({ method: 'GET', url: '/sw.js' })).headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("sends a chunk with nosniff only: the policy and framing rules are a document's, and are not sent again with every chunk", async () => {
    const chunk = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(chunk.headers['x-content-type-options']).toBe('nosniff');
    for (const h of ['content-security-policy', 'x-frame-options', 'cross-origin-opener-policy', 'referrer-policy']) expect(chunk.headers[h], h).toBeUndefined();
    // The shell and the service worker keep them all (a worker's policy is its script's own).
    for (const url of ['/', '/settings', '/sw.js']) expect((await app.inject({ method: 'GET', url })).headers['content-security-policy'], url).toContain("script-src 'self'");
  });

  it('answers a missing asset with 404, and unknown API paths with problem+json', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/gone-999.js' })).statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/v2/anything' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('describes the API as OpenAPI at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/submissions', '/api/v1/imports', '/api/v1/forms', '/api/v1/devices', '/api/v1/enrolment-codes', '/api/v1/sessions', '/api/health'])
      expect(Object.keys(doc.paths)).toContain(p);
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('titles problems in Vietnamese when the client asks for it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' } });
    expect(res.json()).toMatchObject({ code: 401.1, title: 'Cần đăng nhập hoặc mã thiết bị hợp lệ' });
  });
});
