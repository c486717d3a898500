// Everything the server answers in error is problem+json with a catalogue code: bad URLs, wrong content types, broken HTTP framing.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './app';
import { getStoredResponse } from './db/queries/responses';
import { testDatabases, type FreshDb } from './test/databases';
import { makeResponse, type World } from './test/fixtures';
import { isProblem, listen } from './test/http';
import { startSeededApp, stopApp } from './test/test-app';

/** Sends raw bytes and reads the whole answer, as a client that speaks broken HTTP would. */
function rawRequest(base: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe.each(testDatabases())('error answers on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
  });
  afterAll(() => stopApp({ app, fresh }));

  it('a URL that does not decode gets a problem (404.1: no such resource), not Fastify\'s own JSON', async () => {
    const res = await app.inject({ method: 'GET', url: '/%E0%A4%A' });
    expect(isProblem(res, 404.1), res.body).toBe(true);
  });

  it('a batch sent as text/plain is refused as the wrong content type (415), and nothing is stored', async () => {
    const r = makeResponse({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/submissions',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${w.deviceA.token}` },
      payload: JSON.stringify({ responses: [r] }),
    });
    expect(isProblem(res, 415.1), res.body).toBe(true);
    expect(await getStoredResponse(fresh.db, r.id)).toBeUndefined();
  });

  it('a request line HTTP cannot parse is answered with a 400 problem on the socket', async () => {
    const base = await listen(app);
    const answer = await rawRequest(base, 'GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 400.1 });
  });
});
