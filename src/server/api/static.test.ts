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
    writeFileSync(path.join(dist, 'kiosk.html'), '<!doctype html><title>Hài Lòng</title><main class="attract-screen"></main>');
    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    mkdirSync(path.join(dist, '.vite'));
    writeFileSync(
      path.join(dist, '.vite', 'first-load.json'),
      JSON.stringify({
        entry: ['assets/index-abc123.js'],
        routes: [
          { path: '^/kiosk', files: ['assets/KioskScreen-k1.js', 'assets/KioskScreen-k1.css'] },
          { path: '', files: ['assets/Home-h1.js'] },
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

  it("opens /kiosk with the kiosk's own shell (its attract card in the HTML), with the kiosk's preloads, never cached", async () => {
    for (const url of ['/kiosk', '/kiosk?x=1']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'sec-fetch-dest': 'document' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<main class="attract-screen">');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.link, url).toContain('</assets/KioskScreen-k1.js>; rel=modulepreload');
    }
    for (const url of ['/', '/kiosk/other', '/interview/0197-abc']) expect((await app.inject({ method: 'GET', url })).body, url).not.toContain('attract-screen');
  });

  it("sends the shell with preload headers for the opened route's first screen, only to a page being opened", async () => {
    const kiosk = await app.inject({ method: 'GET', url: '/kiosk?x=1', headers: { 'sec-fetch-dest': 'document' } });
    expect(kiosk.headers.link).toBe(
      '</assets/index-abc123.js>; rel=modulepreload; crossorigin, </assets/KioskScreen-k1.js>; rel=modulepreload; crossorigin, </assets/KioskScreen-k1.css>; rel=preload; as=style; crossorigin',
    );
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.headers.link).toBe('</assets/index-abc123.js>; rel=modulepreload; crossorigin, </assets/Home-h1.js>; rel=modulepreload; crossorigin');
    // The service worker fetching its precache copy of the shell gets no preloads.
    const precache = await app.inject({ method: 'GET', url: '/index.html', headers: { 'sec-fetch-dest': 'empty' } });
    expect(precache.statusCode).toBe(200);
    expect(precache.headers.link).toBeUndefined();
  });

  it('serves the service worker uncached and hashed assets for a year', async () => {
    expect((await app.inject({ method: 'GET', url: '/sw.js' })).headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
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
