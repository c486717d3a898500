// The one way a request of the app fails: ApiError carrying an ApiFailure (what the tablet keeps as its last failure).

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
    super(failure.kind === 'problem' ? `${failure.status} ${failure.code}` : failure.kind);
    this.name = 'ApiError';
  }
}
