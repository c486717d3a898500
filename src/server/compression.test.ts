// Over real sockets: static files go out as the build's brotli/gzip copies by Accept-Encoding, API JSON over 1 KB is
// compressed on the fly, and exports keep streaming as they are.
import { exportFileHeader } from './exports/rows';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/build-precompress.mjs';
import { getBuiltinForm } from '../core/forms/builtin';
import type { FormDefinition } from '../core/forms/schema';
import type { App } from './app';
import { SESSION_COOKIE } from './auth/guards';
import { testDatabases, type FreshDb } from './test/databases';
import { PASSWORD, type World } from './test/fixtures';
import { listen, login } from './test/http';
import { startSeededApp, stopApp } from './test/test-app';

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain GET that sends exactly the headers given (fetch would add its own Accept-Encoding and decode). */
function get(url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const vary = (g: Got) => String(g.headers.vary ?? '').toLowerCase().split(/\s*,\s*/);

/** A build's worth of script: varied enough that compression is real, large enough to be worth it. */
function someScript(): string {
  const lines = Array.from({ length: 400 }, (_, i) => `export const q${i} = { id: "E${i % 9}.${i}", vi: "Câu hỏi số ${i}: mức độ hài lòng", w: ${(i * 7919) % 1000} };`);
  return `${lines.join('\n')}\n`;
}

describe.each(testDatabases())('compression on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let base: string;
  let dist: string;
  const script = Buffer.from(someScript());
  const shell = Buffer.from(`<!doctype html><html lang="vi"><head><title>Hài Lòng</title></head><body>${'<div id="root"></div>'.repeat(60)}</body></html>`);

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'hailong-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), shell);
    writeFileSync(path.join(dist, 'assets', 'KioskScreen-abc123.js'), script);
    writeFileSync(path.join(dist, 'assets', 'tiny-abc123.js'), 'export {};\n');
    precompressDir(dist);
    ({ fresh, app, w } = await startSeededApp(create, { distDir: dist }));
    base = await listen(app);
  });
  afterAll(async () => {
    await stopApp({ app, fresh });
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a script as brotli to a browser that accepts it, the same bytes once decoded, cached for a year', async () => {
    const r = await get(`${base}/assets/KioskScreen-abc123.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(vary(r)).toContain('accept-encoding');
    expect(r.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.body.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(r.body).equals(script)).toBe(true);
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await get(`${base}/assets/KioskScreen-abc123.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(vary(gz)).toContain('accept-encoding');
    expect(gunzipSync(gz.body).equals(script)).toBe(true);

    const plain = await get(`${base}/assets/KioskScreen-abc123.js`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(vary(plain)).toContain('accept-encoding');
    expect(plain.body.equals(script)).toBe(true);

    // A file too small to be worth a copy goes out as it is, whatever is accepted.
    const tiny = await get(`${base}/assets/tiny-abc123.js`, { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export {};\n');
  });

  it('sends the app shell compressed on every app route, still never cached', async () => {
    for (const url of ['/', '/kiosk', '/interview/0197-abc']) {
      const r = await get(`${base}${url}`, { 'accept-encoding': 'br' });
      expect(r.status, url).toBe(200);
      expect(r.headers['content-encoding'], url).toBe('br');
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(r.body).equals(shell), url).toBe(true);
    }
  });

  it('compresses API JSON over 1 KB and leaves small answers alone', async () => {
    const forms = await get(`${base}/api/v1/forms`, { authorization: `Bearer ${w.deviceA.token}`, 'accept-encoding': 'br, gzip' });
    expect(forms.status).toBe(200);
    expect(forms.headers['content-encoding']).toBe('br');
    expect(vary(forms)).toContain('accept-encoding');
    const json = JSON.parse(brotliDecompressSync(forms.body).toString('utf8')) as { forms: { id: string }[] };
    expect(json.forms.map((f) => f.id)).toContain('sipas-2017');

    const asGzip = await get(`${base}/api/v1/forms`, { authorization: `Bearer ${w.deviceA.token}`, 'accept-encoding': 'gzip' });
    expect(asGzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(asGzip.body).toString('utf8'))).toEqual(json);

    const none = await get(`${base}/api/v1/forms`, { authorization: `Bearer ${w.deviceA.token}` });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(none.body.toString('utf8'))).toEqual(json);

    const health = await get(`${base}/api/health`, { 'accept-encoding': 'br, gzip' });
    expect(health.status).toBe(200);
    expect(health.body.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('streams a CSV export as it is, uncompressed, even to a client that accepts brotli', async () => {
    const session = await login(app, 'lan', PASSWORD);
    const day = new Date().toISOString().slice(0, 10);
    const r = await get(`${base}/api/v1/exports/responses.csv?form=sipas-2017&sites=${w.siteA.id}&from=${day}&lang=vi`, {
      cookie: `${SESSION_COOKIE}=${session}`,
      'accept-encoding': 'br, gzip',
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['transfer-encoding']).toBe('chunked');
    const sipas = getBuiltinForm('sipas-2017') as FormDefinition;
    expect((parse(r.body, { bom: true }) as string[][])[0]).toEqual(exportFileHeader(sipas, 'vi'));
  });
});

// The build step itself: what it leaves beside each file, and what it must never touch.
describe('precompressDir', () => {
  it('writes .br and .gz copies that decode to the file, and skips images and the build manifest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hailong-precompress-'));
    try {
      mkdirSync(path.join(dir, '.vite'));
      const js = Buffer.from(someScript());
      writeFileSync(path.join(dir, 'a.js'), js);
      writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify({ x: someScript() }));
      writeFileSync(path.join(dir, 'icon.png'), js);
      precompressDir(dir);
      expect(brotliDecompressSync(readFileSync(path.join(dir, 'a.js.br'))).equals(js)).toBe(true);
      expect(gunzipSync(readFileSync(path.join(dir, 'a.js.gz'))).equals(js)).toBe(true);
      expect(() => readFileSync(path.join(dir, 'icon.png.br'))).toThrow();
      expect(() => readFileSync(path.join(dir, '.vite', 'manifest.json.br'))).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
