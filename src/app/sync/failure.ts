// The tablet's last failed exchange with the endpoint, kept in settings as text so it survives a reload.
import { codeText } from '../../core/protocol/problems';
import type { ApiFailure } from '../api/api-error';

/** A revoked or unknown device token: sending stops until the tablet is enrolled again. */
export function isAuthFailure(f: ApiFailure | null | undefined): boolean {
  return f?.kind === 'problem' && f.status === 401;
}

export function encodeFailure(f: ApiFailure): string {
  return JSON.stringify(f);
}

/** Reads back what encodeFailure stored; anything unreadable is treated as "no error". */
export function decodeFailure(text: string | null | undefined): ApiFailure | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<ApiFailure> & Record<string, unknown>;
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
