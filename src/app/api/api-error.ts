// The one way a request of the app fails: ApiError carrying an ApiFailure (what the tablet keeps as its last failure).
import type { XlsFormIssue } from '../../core/protocol/forms';
import type { FieldError } from '../../core/protocol/problems';

/** A failed exchange with the endpoint, in a shape that survives a reload (the tablet keeps its last one). */
export type ApiFailure =
  | { kind: 'network' }
  | { kind: 'timeout' }
  /** code is the catalogue's decimal code as text ("401.2"), or null when the answer was not a problem+json. */
  | { kind: 'problem'; status: number; code: string | null; detail?: string; /** The fields a 400 names (problem+json errors[]), for forms that show each next to its field. */ errors?: FieldError[]; /** A refused XLSForm's errors as data (400.6), so the console words each in the reader's language. */ formErrors?: XlsFormIssue[] }
  /** The server answered 2xx but not with what the protocol promises. */
  | { kind: 'bad-answer'; status: number };

export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.kind === 'problem' ? `${failure.status} ${failure.code}` : failure.kind);
    this.name = 'ApiError';
  }
}
