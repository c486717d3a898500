// Reads back whatever IndexedDB holds: typed steps from each older record shape to the next (run once, by the schema
// version bump in db.ts), then on every read a repair of damaged fields that never drops a record or invents a form.
import { Response } from '../../core';
import { VERDICT_STATUSES } from '../../core/protocol/verdicts';
import type { Consent, Draft, DraftStage, OutboxEntry, OutboxState, Verdict } from './types';

// Older shapes, and the step from each to the next. A step is written against the shape it upgrades; the caller
// (db.ts) leaves a record the step cannot read as it was, for the repair below.

/** Consent as the first builds stored it: eligibility only, before the separate agreement question. */
interface ConsentV1 {
  adult: boolean;
  receivedResult: boolean;
}

/** A draft of schema version 1: the form always set, consent in the first builds' shape or today's. */
export type DraftV1 = Omit<Draft, 'formId' | 'formVersion' | 'consent'> & { formId: string; formVersion: number; consent: ConsentV1 | Consent | null };

/** Version 1 → 2: consent is three answers, each null until asked; an agreement never recorded is asked again, never assumed. */
export function draftV1toV2(d: DraftV1): Draft {
  const c = d.consent;
  return { ...d, consent: c === null ? null : { adult: c.adult, receivedResult: c.receivedResult, agreed: 'agreed' in c ? c.agreed : null } };
}

// The repair on read: any stored value in, a record every screen can use out.

const STAGES: readonly DraftStage[] = ['procedure', 'consent', 'questions', 'review'];
const STATES: readonly OutboxState[] = ['queued', 'sent', 'conflict', 'rejected'];
const VERDICTS: readonly string[] = VERDICT_STATUSES;

/** The reason a queued response that no longer parses is set aside for a supervisor. */
export const DAMAGED_REASON = 'damaged on this device';

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const yesNo = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const count = (v: unknown): number | null => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : null);

/**
 * A draft whatever was stored: a field that cannot be read gets a harmless default (no answers, the first screen of
 * its stage). The form is never guessed: an unreadable form id or version is null, and the draft is kept and listed
 * but cannot be resumed (hasLostForm in drafts.ts).
 */
export function restoreDraft(raw: unknown): Draft {
  const r: Fields = isObject(raw) ? raw : {};
  const now = new Date().toISOString();
  return {
    ...r,
    id: String(r.id),
    formId: text(r.formId)?.trim() ? (r.formId as string) : null,
    formVersion: Number.isInteger(r.formVersion) && (r.formVersion as number) > 0 ? (r.formVersion as number) : null,
    mode: r.mode === 'kiosk' ? 'kiosk' : 'interview',
    siteId: text(r.siteId) ?? '',
    deviceId: text(r.deviceId) ?? '',
    enumeratorId: text(r.enumeratorId),
    procedure: isObject(r.procedure) && typeof r.procedure.code === 'string' ? (r.procedure as unknown as Draft['procedure']) : null,
    locale: r.locale === 'en' ? 'en' : 'vi',
    startedAt: text(r.startedAt) ?? now,
    updatedAt: text(r.updatedAt) ?? now,
    answers: isObject(r.answers) ? (r.answers as Draft['answers']) : {},
    durationMs: isObject(r.durationMs) ? (r.durationMs as Draft['durationMs']) : {},
    flags: Array.isArray(r.flags) ? (r.flags.filter((f) => typeof f === 'string') as Draft['flags']) : [],
    consent: isObject(r.consent) ? restoreConsent(r.consent) : null,
    stage: STAGES.includes(r.stage as DraftStage) ? (r.stage as DraftStage) : 'questions',
    sectionIndex: count(r.sectionIndex) ?? 0,
    itemId: text(r.itemId),
    ...(r.returnToReview === undefined ? {} : { returnToReview: r.returnToReview === true }),
  };
}

function restoreConsent(c: Fields): Consent {
  return { adult: yesNo(c.adult), receivedResult: yesNo(c.receivedResult), agreed: yesNo(c.agreed) };
}

/**
 * An outbox entry whatever was stored. It is never dropped and never changes its response: a queued response that
 * no longer parses is set aside for a supervisor instead of being sent; one of a form this tablet does not know is
 * sent as it is (the server decides).
 */
export function restoreOutboxEntry(raw: unknown): OutboxEntry {
  const r: Fields = isObject(raw) ? raw : {};
  const verdict = isObject(r.verdict) && VERDICTS.includes(r.verdict.status as Verdict['status']) ? (r.verdict as unknown as Verdict) : undefined;
  const entry: OutboxEntry = {
    ...r,
    id: String(r.id),
    response: r.response as Response,
    state: STATES.includes(r.state as OutboxState) ? (r.state as OutboxState) : 'queued',
    queuedAt: text(r.queuedAt) ?? new Date().toISOString(),
    attempts: count(r.attempts) ?? 0,
    lastAttemptAt: text(r.lastAttemptAt) ?? undefined,
    sentAt: text(r.sentAt) ?? undefined,
    verdict,
  };
  if (entry.state === 'queued' && !Response.safeParse(entry.response).success) {
    return { ...entry, state: 'rejected', verdict: { status: 'rejected', reason: DAMAGED_REASON } };
  }
  return entry;
}
