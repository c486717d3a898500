// Fuzzing POST /api/v1/submissions with ≥ 2,000 broken requests (bodies, dates, durations, content types and HTTP framing):
// always a 4xx problem (or every item rejected), never a 5xx or a row.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { countResponses } from '../db/queries/responses';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, type World } from '../test/fixtures';
import { listen } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

/** mulberry32: a seeded generator, so a failing case can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

interface Case {
  name: string;
  contentType: string | null;
  body: Buffer;
  token: boolean;
}

const SECTIONS_OF_UUID4 = '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f';

/** Ways to break one valid response so that it can never be accepted. */
function breakResponse(r: Record<string, unknown>, g: Rng, otherSite: string, otherDevice: string): unknown {
  const out: Record<string, unknown> = structuredClone(r);
  const answers = out.answers as Record<string, unknown>;
  const mutations: (() => unknown)[] = [
    () => ({ ...out, id: g.pick([42, '', 'not-a-uuid', String(out.id).toUpperCase(), SECTIONS_OF_UUID4, null, ['x']]) }),
    () => ({ ...out, formId: g.pick([42, '', 'x'.repeat(65), [], 'sipas-2099']) }),
    () => ({ ...out, formVersion: g.pick(['1', 1.5, 0, -1, null, 1e300, '1e0', true]) }),
    () => ({ ...out, mode: g.pick(['Interview', 1, null, 'kiosk ']) }),
    () => ({ ...out, siteId: g.pick([42, '', otherSite, 'x'.repeat(65)]) }),
    () => ({ ...out, deviceId: g.pick([42, '', otherDevice, {}]) }),
    () => ({ ...out, enumeratorId: g.pick([42, '', null, [], 'x'.repeat(65)]) }),
    () => ({ ...out, procedure: g.pick(['1.0001', { code: 5 }, { code: '' }, { name: 'x' }, 7, { code: 'a', name: 5 }]) }),
    () => ({ ...out, locale: g.pick(['fr', 1, 'VI', null]) }),
    () => ({ ...out, startedAt: g.pick(['2026-11-26', 'yesterday', 0, '2026-11-26T10:00:00', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00+07:00']) }),
    () => ({ ...out, completedAt: '2020-01-01T00:00:00+07:00' }),
    // Times outside what a tablet can have recorded (issue 12, finding 1): each is refused with the field named.
    () => ({ ...out, completedAt: g.pick(['9999-12-31T23:59:59.999-23:59', '0000-01-01T00:00:00Z', '2100-01-01T00:00:00+07:00', '2014-12-31T23:59:59Z', '+010000-01-01T00:00:00Z', '2026-11-26T10:00:00+14:30', '2026-11-26T10:00:00-15:00', '2026-11-26T24:00:01Z', '2026-11-26T10:00:60Z']) }),
    () => ({ ...out, startedAt: g.pick(['2026-11-18T00:00:00+07:00', '2015-01-01T00:00:00Z', '2026-11-27T10:00:00+07:00', '0001-01-01T00:00:00Z']) }),
    () => ({ ...out, startedAt: '2027-01-01T00:00:00Z', completedAt: '2027-01-01T00:10:00Z' }),
    // Durations past a day per section, or not a safe integer.
    () => ({ ...out, durationMs: Object.fromEntries(Object.keys((out.durationMs as object) ?? {}).map((k) => [k, g.pick([2 ** 54, 86_400_001, -1, 1e308, Number.MAX_SAFE_INTEGER + 2])])) }),
    () => ({ ...out, durationMs: g.pick([2 ** 54, '30000', true]) }),
    () => ({ ...out, answers: g.pick([null, [], 'x', 5]) }),
    () => ({ ...out, answers: { ...answers, 'E1.1': g.pick(['4', 6, 4.5, 0, [4], {}, true, 'NA', -1]) } }),
    () => ({ ...out, answers: { ...answers, 'no-such-item': 1 } }),
    () => ({ ...out, answers: { 'E1.1': 4 } }),
    () => ({ ...out, durationMs: g.pick([{ a: -1 }, { a: '1000' }, { a: 1.5 }, [], 'x', { a: null }]) }),
    () => ({ ...out, flags: g.pick([['nope'], 'kiosk-misuse', [1], {}]) }),
    () => ({ ...out, appVersion: g.pick(['', 1, null, 'x'.repeat(65)]) }),
    () => ({ ...out, [g.pick(['extra', 'Id', 'site_id', 'answer'])]: 1 }),
    () => {
      const copy = { ...out };
      delete copy[g.pick(['formId', 'formVersion', 'mode', 'siteId', 'deviceId', 'locale', 'startedAt', 'completedAt', 'answers', 'appVersion'])];
      return copy;
    },
    () => g.pick([1, 'response', null, true, [], [out], 1.5]),
    () => ({ ...out, procedure: { code: `a${g.pick(['\u0000', '\ud800', '\udfff'])}b`, name: '' } }),
  ];
  return g.pick(mutations)();
}

function json(v: unknown): Buffer {
  return Buffer.from(JSON.stringify(v), 'utf8');
}

function makeCases(seed: number, valid: () => Record<string, unknown>, otherSite: string, otherDevice: string, n: number): Case[] {
  const g = rng(seed);
  const batchOf = (k: number) => ({ responses: Array.from({ length: k }, () => breakResponse(valid(), g, otherSite, otherDevice)) });
  const jsonCase = (name: string, body: Buffer): Case => ({ name, contentType: 'application/json', body, token: true });
  const kinds: (() => Case)[] = [
    // A valid envelope of broken items: 200, every verdict rejected.
    () => jsonCase('broken items', json(batchOf(1 + g.int(30)))),
    () => jsonCase('broken items', json(batchOf(1 + g.int(5)))),
    // Wrong content types.
    () => ({
      name: 'content type',
      contentType: g.pick([
        'text/plain',
        'text/plain; charset=utf-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'text/json',
        'application/jsonp',
        'application/json-patch+json',
        'application/octet-stream',
        'text/csv',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'image/png',
        '*/*',
        'application',
        ';',
        null,
      ]),
      body: json(batchOf(2)),
      token: true,
    }),
    // Truncated JSON.
    () => {
      const full = json(batchOf(1 + g.int(3)));
      return jsonCase('truncated', full.subarray(0, g.int(full.length - 1)));
    },
    // Invalid UTF-8 spliced into otherwise valid JSON.
    () => {
      const full = json(batchOf(1));
      const at = 1 + g.int(full.length - 2);
      const bad = Buffer.from(g.pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x80]]));
      return jsonCase('invalid utf-8', Buffer.concat([full.subarray(0, at), bad, full.subarray(at)]));
    },
    // Not a batch at all.
    () => jsonCase('wrong envelope', json(g.pick([[], 'responses', 123, null, true, {}, { responses: 'x' }, { responses: {} }, { responses: null }, { Responses: [] }, { responses: 5 }, { responses: '[]' }]))),
    // Too many items.
    () => jsonCase('501+ items', json({ responses: Array.from({ length: 501 + g.int(1500) }, () => g.pick([0, null, {}, 'x'])) })),
    // Deep nesting, as items and as objects the prototype-poisoning guard walks.
    () => {
      const depth = g.pick([100, 1_000, 10_000, 100_000]);
      return g.next() < 0.5
        ? jsonCase('deep arrays', Buffer.from(`{"responses":${'['.repeat(depth)}${']'.repeat(depth)}}`))
        : jsonCase('deep objects', Buffer.from(`{"responses":[${'{"a":'.repeat(depth)}{"__proto__":1}${'}'.repeat(depth)}]}`));
    },
    // Prototype pollution attempts.
    () => jsonCase('proto', Buffer.from(g.pick(['{"responses":[],"__proto__":{"x":1}}', '{"responses":[{"constructor":{"prototype":{"x":1}}}]}']))),
    // Garbage bytes, an empty body, a BOM, trailing junk.
    () => jsonCase('garbage', Buffer.from(Array.from({ length: g.int(200) }, () => g.int(256)))),
    () => jsonCase('empty', Buffer.alloc(0)),
    () => jsonCase('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json(batchOf(1))])),
    () => jsonCase('trailing', Buffer.concat([json(batchOf(1)), Buffer.from(g.pick(['x', '}', ',{}', ' 1']))])),
    // Numbers as strings and strings as numbers in the whole item.
    () => jsonCase('stringly', json({ responses: [JSON.stringify(valid())] })),
    // No token at all, with a bad body (whichever check comes first, it is a 4xx).
    () => ({ name: 'no token', contentType: 'application/json', body: json(batchOf(1)), token: false }),
  ];
  const cases = Array.from({ length: n }, () => g.pick(kinds)());
  // A few oversized bodies (5 MB limit): costly, so only three.
  const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x20);
  big.write('{"responses":[', 0);
  for (let i = 0; i < 3; i++) cases.push(jsonCase('oversized', big));
  return cases;
}

function expectSafeAnswer(c: Case, status: number, contentType: string, text: string) {
  const label = `${c.name}: ${status} ${text.slice(0, 200)}`;
  expect(status, label).toBeLessThan(500);
  if (status === 200) {
    // A leading BOM is accepted (files saved by Windows tools carry one), as TextDecoder reads it.
    const sent = JSON.parse(new TextDecoder().decode(c.body)) as { responses: unknown[] };
    const { results } = JSON.parse(text) as { results: { status: string }[] };
    expect(results.length, label).toBe(sent.responses.length);
    expect(results.every((r) => r.status === 'rejected'), label).toBe(true);
    return;
  }
  expect(status, label).toBeGreaterThanOrEqual(400);
  expect(contentType, label).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { status: number; code: number; title: string; type: string };
  expect(problem.status, label).toBe(status);
  expect(Math.floor(problem.code), label).toBe(status);
  expect(problem.title, label).toBeTruthy();
}

describe.each(testDatabases())('fuzzing submissions on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
  });
  afterAll(() => stopApp({ app, fresh }));

  it('answers 1,900 broken requests with 4xx problems or all-rejected verdicts, writes nothing, and stays healthy', async () => {
    const valid = () => makeResponse({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id }) as unknown as Record<string, unknown>;
    const cases = makeCases(20261126, valid, w.siteB.id, w.deviceB.id, 1_900);
    const seen = new Map<number, number>();
    for (const c of cases) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/submissions',
        headers: { ...(c.contentType ? { 'content-type': c.contentType } : {}), ...(c.token ? { authorization: `Bearer ${w.deviceA.token}` } : {}) },
        payload: c.body,
      });
      seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
      expectSafeAnswer(c, res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
    }
    // The generator reached every kind of answer it is meant to provoke.
    for (const status of [200, 400, 401, 413, 415]) expect(seen.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect(await countResponses(fresh.db)).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('gives the same answers over a real socket', async () => {
    const base = await listen(app);
    const valid = () => makeResponse({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id }) as unknown as Record<string, unknown>;
    for (const c of makeCases(7, valid, w.siteB.id, w.deviceB.id, 120)) {
      const res = await fetch(`${base}/api/v1/submissions`, {
        method: 'POST',
        headers: { ...(c.contentType ? { 'content-type': c.contentType } : {}), ...(c.token ? { authorization: `Bearer ${w.deviceA.token}` } : {}) },
        body: new Uint8Array(c.body),
      }).catch((e: Error) => e);
      // An oversized body may be cut off by the server before the client finishes sending: that is a refusal too.
      if (res instanceof Error) {
        expect(c.name, res.message).toBe('oversized');
        continue;
      }
      expectSafeAnswer(c, res.status, res.headers.get('content-type') ?? '', await res.text());
    }
    expect(await countResponses(fresh.db)).toBe(0);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('answers broken HTTP framing on a raw socket with a 4xx problem or a closed connection, never a 5xx', async () => {
    const base = new URL(await listen(app));
    const body = JSON.stringify({ responses: [makeResponse({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id })] });
    const auth = `Authorization: Bearer ${w.deviceA.token}\r\n`;
    const head = (extra: string) => `POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\n${extra}`;
    const framings: string[] = [
      head(`Transfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`),
      head(`Transfer-Encoding: chunked\r\nContent-Length: ${body.length}\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`),
      head(`Content-Length: ${body.length}\r\nContent-Length: ${body.length + 1}\r\n\r\n${body}`),
      head(`Content-Length: -1\r\n\r\n${body}`),
      head(`Content-Length: abc\r\n\r\n${body}`),
      head(`Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n`),
      head(`Transfer-Encoding: chunked\r\n\r\n${(body.length + 100).toString(16)}\r\n${body}\r\n0\r\n\r\n`),
      head(`Content-Length: ${body.length + 50}\r\n\r\n${body}`),
      head(`X-Bad\u0001Header: 1\r\nContent-Length: ${body.length}\r\n\r\n${body}`),
      head(`Content-Encoding: gzip\r\nContent-Length: ${body.length}\r\n\r\n${body}`),
      `POST /api/v1/submissions%zz HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 2\r\n\r\n{}`,
      `POST /api/v1/%E0%A4%A HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`,
      `POST /api/v1/submissions HTTP/9.9\r\nHost: x\r\n\r\n`,
      `GARBAGE /api/v1/submissions HTTP/1.1\r\nHost: x\r\n\r\n`,
      `POST /api/v1/submissions HTTP/1.1\r\n${'X-Long: ' + 'a'.repeat(20_000)}\r\n\r\n`,
      `\u0000\u0001\u0002 not http at all\r\n\r\n`,
    ];
    let answered = 0;
    for (const raw of framings) {
      const reply = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(base.port), base.hostname);
        let got = '';
        socket.on('data', (d) => (got += d.toString('latin1')));
        socket.on('error', () => resolve(got));
        socket.on('close', () => resolve(got));
        socket.setTimeout(3_000, () => socket.destroy());
        // Half-close after sending, so a body shorter than announced ends instead of waiting forever.
        socket.end(raw, 'latin1');
      });
      if (!reply) continue;
      answered++;
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1]);
      expect(status, `${JSON.stringify(raw.slice(0, 80))} → ${reply.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(status, reply.slice(0, 200)).toBeLessThan(500);
      expect(reply.toLowerCase(), reply.slice(0, 300)).toContain('application/problem+json');
    }
    expect(answered).toBeGreaterThan(framings.length / 2);
    expect(await countResponses(fresh.db)).toBe(0);
    expect((await fetch(`${base.origin}/api/health`)).status).toBe(200);
  });
});
