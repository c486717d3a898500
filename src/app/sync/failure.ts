// What went wrong when the tablet talked to the endpoint, in a shape that survives a reload (kept in settings).

/** A failed exchange with the endpoint: no network, no answer in time, or a problem+json answer. */
export type SyncFailure =
  | { kind: 'network' }
  | { kind: 'timeout' }
  /** code is the catalogue's decimal code as text ("401.2"), or null when the answer was not a problem+json. */
  | { kind: 'problem'; status: number; code: string | null; detail?: string }
  /** The server answered 2xx but not with what the protocol promises. */
  | { kind: 'bad-answer'; status: number };

export class SyncError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(failure.kind === 'problem' ? `${failure.status} ${failure.code ?? ''} ${failure.detail ?? ''}`.trim() : failure.kind);
    this.name = 'SyncError';
  }
}

/** A revoked or unknown device token: sending stops until the tablet is enrolled again. */
export function isAuthFailure(f: SyncFailure | null | undefined): boolean {
  return f?.kind === 'problem' && f.status === 401;
}

/** The problem code as text; JSON numbers lose trailing zeros, which the catalogue never relies on. */
export function codeText(code: unknown): string | null {
  if (typeof code === 'string' && /^\d{3}(\.\d+)?$/.test(code)) return code;
  if (typeof code === 'number' && Number.isFinite(code)) return String(code);
  return null;
}

export function encodeFailure(f: SyncFailure): string {
  return JSON.stringify(f);
}

/** Reads back what encodeFailure stored; anything unreadable is treated as "no error". */
export function decodeFailure(text: string | null | undefined): SyncFailure | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<SyncFailure> & Record<string, unknown>;
    switch (v.kind) {
      case 'network':
      case 'timeout':
        return { kind: v.kind };
      case 'problem':
        return { kind: 'problem', status: Number(v.status) || 0, code: codeText(v.code), ...(typeof v.detail === 'string' ? { detail: v.detail } : {}) };
      case 'bad-answer':
        return { kind: 'bad-answer', status: Number(v.status) || 0 };
      default:
        return null;
    }
  } catch {
    return null;
  }
}
