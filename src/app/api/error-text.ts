// A caught error in plain words, as the staff screens show it: the client's failures by kind and code, anything else as
// unknown. Apart from api-error.ts so the tablet's sync path (and the kiosk's budget) does not carry it.
import { ApiError, type ApiFailure } from './api-error';
import { failureText, problemText, type Audience } from './problem-text';

/** What a caught error was, as an ApiFailure; null when it did not come from the client. */
export function failureOf(e: unknown): ApiFailure | null {
  return e instanceof ApiError ? e.failure : null;
}

/** Anything a request threw, said plainly: the client's failures by kind and code, anything else as unknown. */
export function errorText(e: unknown, locale: string, audience: Audience = 'tablet'): string {
  return e instanceof ApiError ? failureText(e.failure, locale, audience) : problemText(null, locale, { audience });
}
