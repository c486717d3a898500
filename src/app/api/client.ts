// The app's one HTTP client for /api/v1, typed by core's route map: one failure type, a hard timeout that covers the
// body too, and a notice when the server stops taking the caller's session or token. Sync, staff screens and tests share it.
import type { XlsFormIssue } from '../../core/protocol/forms';
import { codeText, type FieldError } from '../../core/protocol/problems';
import type { Body, Params, Query, Reply, RouteKey } from '../../core/protocol/routes';
import { ApiError, type ApiFailure } from './api-error';

export interface ClientConfig {
  /** The fetch to call; the global one unless injected (tests, the uploader). */
  fetch?: typeof globalThis.fetch;
  /** 'omit' on the tablet, whose bearer token is its identity; 'same-origin' for staff, who carry the session cookie. */
  credentials: RequestCredentials;
  /** Told whenever a request that needed the caller's session or token is answered 401 (not one marked anonymous). */
  onUnauthorized?: () => void;
}

type Needs<K extends RouteKey> = (Params<K> extends undefined ? { params?: undefined } : { params: Params<K> }) &
  (Body<K> extends undefined ? { body?: undefined } : { body: Body<K> }) &
  (Query<K> extends undefined ? { query?: undefined } : { query?: Query<K> });

type CallOptions<K extends RouteKey> = Needs<K> & {
  /** The device's bearer token. */
  token?: string;
  /** The whole exchange (headers and body) must finish within this, or it is aborted and fails as a timeout. */
  timeoutMs?: number;
  /** A 401 here is an answer (wrong password, no session yet), not the end of a session. */
  anonymous?: boolean;
  /** Sends a Blob or bytes body as is with this type (a file to import), instead of JSON. */
  contentType?: string;
};

type Args<K extends RouteKey> = object extends CallOptions<K> ? [options?: CallOptions<K>] : [options: CallOptions<K>];

export interface ApiClient {
  /** Calls a route and resolves with its JSON answer (undefined for 204); rejects with ApiError and nothing else. */
  call<K extends RouteKey>(route: K, ...args: Args<K>): Promise<Reply<K>>;
  /** The URL of a route with its parameters and query, e.g. for a download link. */
  urlOf<K extends RouteKey>(route: K, options?: { params?: Params<K>; query?: Query<K> }): string;
}

type QueryValue = string | number | boolean | null | undefined;

function queryString(query: object | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, QueryValue>)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function urlOf(route: RouteKey, o: { params?: object; query?: object } = {}): string {
  const params = (o.params ?? {}) as Record<string, string>;
  // Params<K> makes every parameter the path names required, so none is missing here.
  return route.slice(route.indexOf(' ') + 1).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name])) + queryString(o.query);
}

function problemOf(status: number, text: string): ApiFailure {
  try {
    const p = JSON.parse(text) as { code?: unknown; detail?: unknown; errors?: unknown; formErrors?: unknown } | null;
    const errors = Array.isArray(p?.errors)
      ? (p.errors as unknown[]).filter((e): e is FieldError => typeof (e as FieldError)?.path === 'string' && typeof (e as FieldError).message === 'string').slice(0, 50)
      : [];
    const formErrors = Array.isArray(p?.formErrors)
      ? (p.formErrors as unknown[]).filter((e): e is XlsFormIssue => typeof (e as XlsFormIssue)?.code === 'string' && typeof (e as XlsFormIssue).params === 'object').slice(0, 200)
      : [];
    return {
      kind: 'problem',
      status,
      code: codeText(p?.code),
      ...(typeof p?.detail === 'string' ? { detail: p.detail.slice(0, 300) } : {}),
      ...(errors.length ? { errors } : {}),
      ...(formErrors.length ? { formErrors } : {}),
    };
  } catch {
    // A proxy or a dropped upstream answers with HTML: keep the status, there is no code.
    return { kind: 'problem', status, code: null };
  }
}

/** CallOptions as the implementation sees them, whatever the route. */
interface RawOptions {
  params?: object;
  query?: object;
  body?: unknown;
  token?: string;
  timeoutMs?: number;
  anonymous?: boolean;
  contentType?: string;
}

export function createClient(config: ClientConfig): ApiClient {
  async function call(route: RouteKey, o: RawOptions = {}): Promise<unknown> {
    const fetchFn = config.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      o.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, o.timeoutMs);
    try {
      const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
      const raw = o.contentType !== undefined;
      if (o.body !== undefined) headers['content-type'] = o.contentType ?? 'application/json';
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let res: globalThis.Response;
      let text: string;
      try {
        res = await fetchFn(urlOf(route, o), {
          method: route.slice(0, route.indexOf(' ')),
          headers,
          body: o.body === undefined ? undefined : raw ? (o.body as BodyInit) : JSON.stringify(o.body),
          signal: controller.signal,
          cache: 'no-store',
          credentials: config.credentials,
        });
        // The body is read under the same timeout: a server that sends headers and then hangs is a timeout too.
        text = await res.text();
      } catch {
        throw new ApiError(timedOut ? { kind: 'timeout' } : { kind: 'network' });
      }
      if (!res.ok) {
        if (res.status === 401 && !o.anonymous) config.onUnauthorized?.();
        throw new ApiError(problemOf(res.status, text));
      }
      if (res.status === 204) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ApiError({ kind: 'bad-answer', status: res.status });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    call: call as unknown as ApiClient['call'],
    urlOf: urlOf as ApiClient['urlOf'],
  };
}
