// The tablet's HTTP client for the endpoint: bearer token, a hard timeout, and failures sorted into SyncFailure.
import { codeText, SyncError, type SyncFailure } from './failure';

export interface ApiOptions {
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  /** The whole exchange (headers and body) must finish within this, or it is aborted. */
  timeoutMs: number;
}

/** Calls the endpoint and returns its JSON body; throws SyncError for anything else. */
export async function apiJson<T>(path: string, o: ApiOptions): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  const fail = (f: SyncFailure) => new SyncError(f);
  try {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let res: globalThis.Response;
    let text: string;
    try {
      res = await fetch(path, {
        method: o.method ?? (o.body === undefined ? 'GET' : 'POST'),
        headers,
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
      });
      // The body is read under the same timeout: a server that sends headers and then hangs is a timeout too.
      text = await res.text();
    } catch {
      throw fail(timedOut ? { kind: 'timeout' } : { kind: 'network' });
    }
    if (!res.ok) throw fail(problemOf(res.status, text));
    try {
      return JSON.parse(text) as T;
    } catch {
      throw fail({ kind: 'bad-answer', status: res.status });
    }
  } finally {
    clearTimeout(timer);
  }
}

function problemOf(status: number, text: string): SyncFailure {
  try {
    const p = JSON.parse(text) as { code?: unknown; detail?: unknown };
    return { kind: 'problem', status, code: codeText(p.code), ...(typeof p.detail === 'string' ? { detail: p.detail.slice(0, 300) } : {}) };
  } catch {
    // A proxy or a dropped upstream answers with HTML: keep the status, there is no code.
    return { kind: 'problem', status, code: null };
  }
}
