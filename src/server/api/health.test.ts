// The server answers /api/health on both databases, and unknown API paths are problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { testDatabases, type FreshDb } from '../test/databases';
import { startApp, stopApp } from '../test/test-app';

describe.each(testDatabases())('health on $kind', ({ kind, create }) => {
  let fresh: FreshDb;
  let app: App;
  beforeAll(async () => {
    ({ fresh, app } = await startApp(create));
  });
  afterAll(() => stopApp({ app, fresh }));

  it('says ok and names the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: kind });
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 404.1 });
  });
});
