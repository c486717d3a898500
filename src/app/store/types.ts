// The shapes of what the tablet keeps in IndexedDB: drafts, the outbox, settings, caches.
import type { Answers, ClientFlag, Mode, Procedure, Response } from '../../core';
import type { Refusal } from '../../core/protocol/refusals';
import type { Verdict as ServerVerdict } from '../../core/protocol/verdicts';

export type DraftStage = 'procedure' | 'consent' | 'questions' | 'review';

export interface Consent {
  adult: boolean | null;
  receivedResult: boolean | null;
  agreed: boolean | null;
}

export interface Draft {
  id: string;
  /**
   * The questionnaire the answers belong to. null only when a stored draft lost it (repair on read, restore.ts):
   * such a draft is kept and listed, with its answers, but it cannot be resumed or sent, since guessing the form
   * would put answers under questions they were never given to.
   */
  formId: string | null;
  formVersion: number | null;
  mode: Mode;
  siteId: string;
  deviceId: string;
  enumeratorId: string | null;
  procedure: Procedure | null;
  locale: 'vi' | 'en';
  startedAt: string;
  updatedAt: string;
  answers: Answers;
  durationMs: Record<string, number>;
  flags: ClientFlag[];
  /** Eligibility and consent, each null until asked; an interview goes on only when all three are true. */
  consent: Consent | null;
  /** Where the interviewer was: the exact screen and question to resume at. */
  stage: DraftStage;
  sectionIndex: number;
  itemId: string | null;
  /** Opened from review to change one answer: the way on is back to review, also after a pause or a reload. */
  returnToReview?: boolean;
}

export type OutboxState = 'queued' | 'sent' | 'conflict' | 'rejected';

/** The server's verdict as the outbox keeps it with the response. */
export type Verdict = Omit<ServerVerdict, 'id'>;

/** What every queue on the tablet keeps of an item beside the item itself: its state and tries. */
export interface QueuedEntry {
  id: string;
  state: OutboxState;
  queuedAt: string;
  attempts: number;
  lastAttemptAt?: string;
  sentAt?: string;
  verdict?: Verdict;
}

export interface OutboxEntry extends QueuedEntry {
  response: Response;
}

/** A refusal (issue 11) waits in its own queue, sent to POST /api/v1/refusals with the same rules as responses. */
export interface RefusalEntry extends QueuedEntry {
  refusal: Refusal;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface RecentProcedure {
  code: string;
  name: string;
  usedAt: string;
  uses: number;
}

export interface CachedForm {
  key: string;
  id: string;
  version: number;
  /** Null for a built-in version the server no longer offers (the app's own copy still completes its drafts). */
  definition: unknown;
  fetchedAt: string;
  /**
   * False once the server stopped listing it (withdrawn, or no longer assigned to this site): kept so a draft started
   * on it can still be completed, never offered for a new interview. Absent (records from before) means offered.
   */
  offered?: boolean;
}
