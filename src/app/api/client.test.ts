// The app's one HTTP client against a fetch of our own: what it sends, how each way of failing comes back, the
// timeout that covers the body too, and the notice when a session ends.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiFailure } from './api-error';
import { createClient } from './client';

interface Seen {
  url: string;
  init: RequestInit;
}

/** A fetch that records the request and answers with `answer` (a Response, or a function making one). */
function fakeFetch(answer: Response | ((init: RequestInit) => Response | Promise<Response>)) {
  const seen: Seen[] = [];
  const fetch = async (url: string | URL | Request, init: RequestInit = {}) => {
    seen.push({ url: String(url), init });
    return typeof answer === 'function' ? answer(init) : answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

async function failureOfCall(p: Promise<unknown>): Promise<ApiFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e.failure;
    throw e;
  }
  throw new Error('the call did not fail');
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('requests', () => {
  it('sends the body as JSON with the bearer token, no cookie, and never from the HTTP cache', async () => {
    const { fetch, seen } = fakeFetch(json({ results: [] }));
    const api = createClient({ fetch, credentials: 'omit' });
    const answer = await api.call('POST /api/v1/submissions', { token: 'tok-123', body: { responses: [] }, timeoutMs: 1_000 });
    expect(answer).toEqual({ results: [] });
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe('/api/v1/submissions');
    expect(seen[0].init.method).toBe('POST');
    expect(seen[0].init.body).toBe('{"responses":[]}');
    expect(seen[0].init.credentials).toBe('omit');
    expect(seen[0].init.cache).toBe('no-store');
    expect(seen[0].init.headers).toMatchObject({ authorization: 'Bearer tok-123', 'content-type': 'application/json' });
  });

  it('puts path parameters and the query into the URL, leaving out what is unset', async () => {
    const { fetch, seen } = fakeFetch(() => json({}));
    const api = createClient({ fetch, credentials: 'same-origin' });
    await api.call('GET /api/v1/responses/:id', { params: { id: 'a/b c' } });
    await api.call('GET /api/v1/scores', { query: { form: 'sipas-2017', sites: undefined, period: 'week', from: '2026-11-26', breakdown: 'site' } });
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/responses/a%2Fb%20c', '/api/v1/scores?form=sipas-2017&period=week&from=2026-11-26&breakdown=site']);
    expect(seen[0].init.credentials).toBe('same-origin');
    expect(api.urlOf('GET /api/v1/exports/responses.csv', { query: { form: 'f', to: '', lang: 'en' } })).toBe('/api/v1/exports/responses.csv?form=f&lang=en');
  });

  it('sends a file as its own bytes with the type given, not as JSON', async () => {
    const { fetch, seen } = fakeFetch(json({ applied: false, rows: [], counts: { create: 0, update: 0, unchanged: 0, error: 0 } }));
    const api = createClient({ fetch, credentials: 'same-origin' });
    const bytes = new TextEncoder().encode('sheet,code\nsites,HP-LC\n').buffer;
    await api.call('POST /api/v1/imports/people', { body: bytes, contentType: 'text/csv', query: { apply: '1' } });
    expect(seen[0].url).toBe('/api/v1/imports/people?apply=1');
    expect(seen[0].init.body).toBe(bytes);
    expect(seen[0].init.headers).toMatchObject({ 'content-type': 'text/csv' });
  });

  it('answers a 204 with nothing', async () => {
    const { fetch } = fakeFetch(new Response(null, { status: 204 }));
    const api = createClient({ fetch, credentials: 'same-origin' });
    expect(await api.call('DELETE /api/v1/sessions/current', { anonymous: true })).toBeUndefined();
  });
});

describe('failures', () => {
  it('reads a problem+json answer: status, the code as text, and the detail', async () => {
    const { fetch } = fakeFetch(json({ code: 401.2, detail: 'device "A" was revoked' }, 401, 'application/problem+json'));
    const api = createClient({ fetch, credentials: 'omit' });
    expect(await failureOfCall(api.call('GET /api/v1/device', { token: 'x' }))).toEqual({ kind: 'problem', status: 401, code: '401.2', detail: 'device "A" was revoked' });
  });

  it('keeps the fields a 400 names, so a form can show each error next to its field', async () => {
    const body = { code: 400.1, detail: 'code: invalid', errors: [{ path: 'code', message: 'invalid' }, { path: 7, message: 'not a path' }] };
    const { fetch } = fakeFetch(json(body, 400, 'application/problem+json'));
    const api = createClient({ fetch, credentials: 'same-origin' });
    expect(await failureOfCall(api.call('POST /api/v1/sites', { body: { code: '?', name: 'x', kind: 'xa-phuong' } }))).toEqual({
      kind: 'problem',
      status: 400,
      code: '400.1',
      detail: 'code: invalid',
      errors: [{ path: 'code', message: 'invalid' }],
    });
  });

  it('keeps the status of an answer that is not a problem (a proxy page), with no code', async () => {
    const { fetch } = fakeFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    const api = createClient({ fetch, credentials: 'omit' });
    expect(await failureOfCall(api.call('GET /api/v1/forms'))).toEqual({ kind: 'problem', status: 502, code: null });
  });

  it('calls a 2xx that is not JSON a bad answer, and an unreachable server a network failure', async () => {
    const api = createClient({ fetch: fakeFetch(new Response('ok', { status: 200 })).fetch, credentials: 'omit' });
    expect(await failureOfCall(api.call('GET /api/v1/forms'))).toEqual({ kind: 'bad-answer', status: 200 });
    const down = createClient({ fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch, credentials: 'omit' });
    expect(await failureOfCall(down.call('GET /api/v1/forms'))).toEqual({ kind: 'network' });
  });

  it('times out a server that sends its headers and then never finishes the body', async () => {
    vi.useFakeTimers();
    // Headers now, body never: only the abort signal ends the read.
    const { fetch } = fakeFetch(
      (init) =>
        new Response(
          new ReadableStream({
            start(controller) {
              init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
            },
          }),
          { status: 200 },
        ),
    );
    const api = createClient({ fetch, credentials: 'omit' });
    const pending = failureOfCall(api.call('GET /api/v1/forms', { timeoutMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await pending).toEqual({ kind: 'timeout' });
  });
});

describe('a session that ends', () => {
  it('is told of a 401 on a request that needed the session, not of a refused sign-in', async () => {
    const { fetch } = fakeFetch(() => json({ code: 401.1, detail: 'sign in first' }, 401, 'application/problem+json'));
    let ended = 0;
    const api = createClient({ fetch, credentials: 'same-origin', onUnauthorized: () => ended++ });
    await failureOfCall(api.call('GET /api/v1/scores/forms'));
    expect(ended).toBe(1);
    await failureOfCall(api.call('POST /api/v1/sessions', { body: { username: 'lan', password: 'x' }, anonymous: true }));
    expect(ended).toBe(1);
  });

  it('reaches every staff screen listening, until it stops listening', async () => {
    vi.stubGlobal('fetch', fakeFetch(() => json({ code: 401.1, detail: 'sign in first' }, 401, 'application/problem+json')).fetch);
    const { onSessionEnded, staffApi } = await import('./staff');
    let ended = 0;
    const stop = onSessionEnded(() => ended++);
    await failureOfCall(staffApi.call('GET /api/v1/me'));
    expect(ended).toBe(1);
    stop();
    await failureOfCall(staffApi.call('GET /api/v1/me'));
    expect(ended).toBe(1);
  });
});
