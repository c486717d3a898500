// Small request helpers for the server tests: submit as a device, sign in as a person, or go over real HTTP.
import type { LightMyRequestResponse } from 'fastify';
import type { Verdict } from '../../core/protocol/verdicts';
import type { App } from '../app';
import { SESSION_COOKIE } from '../auth/guards';

export function submit(app: App, token: string | null, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/submissions',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify(body),
  });
}

export function results(res: LightMyRequestResponse): Verdict[] {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body}`);
  return (res.json() as { results: Verdict[] }).results;
}

/** Signs in and returns the session cookie's value (throws on failure). */
export async function login(app: App, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
}

export function asUser(session: string) {
  return { cookies: { [SESSION_COOKIE]: session } };
}

export function isProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, code: number): boolean {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) return false;
  const body = JSON.parse(res.body) as { code?: number; status?: number };
  return body.code === code && body.status === Math.floor(code) && res.statusCode === Math.floor(code);
}

/** Listens on a free port (0) for tests that need real sockets; returns the base URL. */
/** The app on a real socket (a free port); a second call answers the same address. */
export async function listen(app: App): Promise<string> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return `http://127.0.0.1:${addr.port}`;
}
