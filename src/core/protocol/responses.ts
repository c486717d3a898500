// The responses list and a supervisor's exclusions (issue 11) as /api/v1 writes them: every response in scope, paged.
import type { QualityFlag } from '../scoring/quality';
import type { Period } from './period';
import type { ScopeQuery } from './scores';

/** Filters of the list beside the quality flags: 'excluded' = left out of the scores, 'included' = counted. */
export const RESPONSE_LIST_FLAGS = ['straight-lining', 'kiosk-misuse', 'excluded', 'included'] as const;
export type ResponseListFlag = (typeof RESPONSE_LIST_FLAGS)[number];

/** Rows per page of the list unless `limit` says otherwise (at most RESPONSES_PAGE_MAX). */
export const RESPONSES_PAGE_DEFAULT = 50;
export const RESPONSES_PAGE_MAX = 200;

/** The longest reason a supervisor may type for an exclusion. */
export const EXCLUSION_REASON_MAX = 500;

/** GET /api/v1/responses */
export interface ResponsesQuery extends ScopeQuery {
  flag?: ResponseListFlag;
  /** An enumerator's user id. */
  enumerator?: string;
  /** A procedure (TTHC) code. */
  procedure?: string;
  /** The `nextCursor` of the page before; none = the newest responses. */
  cursor?: string;
  limit?: number;
}

/** Why and by whom a response is left out of the scores. */
export interface Exclusion {
  /** 'supervisor' (a person's judgement, restorable) or a server rule such as 'implausible-time'. */
  reason: string;
  /** The words the supervisor typed. */
  note: string | null;
  by: { id: string; name: string | null } | null;
  at: string | null;
}

export interface ResponseListItem {
  id: string;
  siteId: string;
  localDay: string;
  mode: string;
  enumerator: { id: string; name: string | null } | null;
  procedure: { code: string; name: string } | null;
  startedAt: string;
  completedAt: string;
  durationMs: number;
  /** Flags known without the period's medians (too-fast shows on the quality panel and in the response). */
  flags: QualityFlag[];
  excluded: Exclusion | null;
}

export interface ResponsesAnswer {
  form: { id: string; version: number };
  period: Period;
  items: ResponseListItem[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** POST /api/v1/responses/:id/exclusion */
export interface ExclusionBody {
  reason: string;
}

/** What an exclusion or a restoration answers: the response's state now. */
export interface ExclusionAnswer {
  id: string;
  excluded: Exclusion | null;
}
