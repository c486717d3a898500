// The supervisor screens' link to the server: JSON in, problem codes out, and one place that notices an expired session.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** Decimal problem code (401.3, 403.1, …) when the server sent one. */
    readonly code: number | null,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** No answer at all: the network is down or the server unreachable. */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when a request that needed a session got 401: the session ended (expired, or signed out elsewhere). */
export function onSessionExpired(l: Listener): () => void {
  expiredListeners.add(l);
  return () => expiredListeners.delete(l);
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown; anonymous?: boolean } = {}): Promise<T> {
  const { json, anonymous, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      credentials: 'same-origin',
      ...rest,
      headers: { accept: 'application/json', ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new NetworkError();
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const p = (body ?? {}) as { code?: number; detail?: string };
    const err = new ApiError(res.status, typeof p.code === 'number' ? p.code : null, p.detail ?? res.statusText);
    if (res.status === 401 && !anonymous) for (const l of expiredListeners) l();
    throw err;
  }
  return body as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return q.toString();
}
