// The one way a request of the app fails, ApiError carrying an ApiFailure, and how a caught error reads to a person.
// Kept apart from the client and from problem-text.ts: the status bar words failures without loading either.
import { failureText, problemText, type Audience } from './problem-text';

/** A failed exchange with the endpoint, in a shape that survives a reload (the tablet keeps its last one). */
export type ApiFailure =
  | { kind: 'network' }
  | { kind: 'timeout' }
  /** code is the catalogue's decimal code as text ("401.2"), or null when the answer was not a problem+json. */
  | { kind: 'problem'; status: number; code: string | null; detail?: string }
  /** The server answered 2xx but not with what the protocol promises. */
  | { kind: 'bad-answer'; status: number };

export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.kind === 'problem' ? `${failure.status} ${failure.code ?? ''} ${failure.detail ?? ''}`.trim() : failure.kind);
    this.name = 'ApiError';
  }
}

/** What a caught error was, as an ApiFailure; null when it did not come from the client. */
export function failureOf(e: unknown): ApiFailure | null {
  return e instanceof ApiError ? e.failure : null;
}

/** Anything a request threw, said plainly: the client's failures by kind and code, anything else as unknown. */
export function errorText(e: unknown, locale: string, audience: Audience = 'tablet'): string {
  return e instanceof ApiError ? failureText(e.failure, locale, audience) : problemText(null, locale, { audience });
}
