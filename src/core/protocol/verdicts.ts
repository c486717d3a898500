// What POST /api/v1/submissions and /api/v1/imports answer for each item: the verdict union, written once for tablet and server.
import type { Response } from '../response/schema';
import type { ProblemCode } from './problems';

/** accepted: stored now; duplicate: the same content was stored before (a success too); conflict: another content has this id; rejected: refused. */
export const VERDICT_STATUSES = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export interface Verdict {
  /** The item's id; null when the item was not an object with a string id. */
  id: string | null;
  status: VerdictStatus;
  /** The problem code as a JSON number (409.1, 400.3, 403.1, 404.2…) for conflict and rejected. */
  code?: number;
  reason?: string;
  /** Path of the field at fault, e.g. "siteId" or "answers.E1.1". */
  field?: string;
}

export type VerdictCounts = Record<VerdictStatus, number>;

/** Why an item is refused before any write (built by `rejection.*` in problems.ts). */
export interface Rejection {
  code: ProblemCode;
  field: string | null;
  reason: string;
}

/** The verdicts under which a response may leave the tablet's queue. */
export function isSettled(status: VerdictStatus): status is 'accepted' | 'duplicate' {
  return status === 'accepted' || status === 'duplicate';
}

export function rejected(id: string | null, r: Rejection): Verdict {
  return { id, status: 'rejected', code: Number(r.code), reason: r.reason, ...(r.field ? { field: r.field } : {}) };
}

/** The body of POST /api/v1/submissions. */
export interface SubmissionsBody {
  responses: Response[];
}

/** The answer of POST /api/v1/submissions and /api/v1/imports: one verdict per item, in order. */
export interface SubmissionsAnswer {
  results: Verdict[];
}
