// Repairs whatever is read back from IndexedDB (older schema, partial writes): fill defaults, never drop.
import { Response } from '../../core';
import type { Consent, Draft, DraftStage, OutboxEntry } from './types';

const STAGES: DraftStage[] = ['procedure', 'consent', 'questions', 'review'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function restoreDraft(raw: Draft): Draft {
  const r = raw as unknown as Record<string, unknown>;
  const now = new Date().toISOString();
  return {
    ...raw,
    id: String(r.id),
    formId: typeof r.formId === 'string' ? r.formId : 'sipas-2017',
    formVersion: Number.isInteger(r.formVersion) ? (r.formVersion as number) : 1,
    mode: r.mode === 'kiosk' ? 'kiosk' : 'interview',
    siteId: typeof r.siteId === 'string' ? r.siteId : '',
    deviceId: typeof r.deviceId === 'string' ? r.deviceId : '',
    enumeratorId: typeof r.enumeratorId === 'string' ? r.enumeratorId : null,
    procedure: isObject(r.procedure) && typeof r.procedure.code === 'string' ? (r.procedure as Draft['procedure']) : null,
    locale: r.locale === 'en' ? 'en' : 'vi',
    startedAt: typeof r.startedAt === 'string' ? r.startedAt : now,
    updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : now,
    answers: isObject(r.answers) ? (r.answers as Draft['answers']) : {},
    durationMs: isObject(r.durationMs) ? (r.durationMs as Draft['durationMs']) : {},
    flags: Array.isArray(r.flags) ? (r.flags as Draft['flags']) : [],
    consent: isObject(r.consent) ? restoreConsent(r.consent) : null,
    stage: STAGES.includes(r.stage as DraftStage) ? (r.stage as DraftStage) : 'questions',
    sectionIndex: Number.isInteger(r.sectionIndex) && (r.sectionIndex as number) >= 0 ? (r.sectionIndex as number) : 0,
    itemId: typeof r.itemId === 'string' ? r.itemId : null,
  };
}

const yesNo = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

function restoreConsent(c: Record<string, unknown>): Consent {
  return { adult: yesNo(c.adult), receivedResult: yesNo(c.receivedResult), agreed: yesNo(c.agreed) };
}

export function restoreOutboxEntry(raw: OutboxEntry): OutboxEntry {
  const r = raw as unknown as Record<string, unknown>;
  const entry: OutboxEntry = {
    ...raw,
    state: ['queued', 'sent', 'conflict', 'rejected'].includes(r.state as string) ? raw.state : 'queued',
    queuedAt: typeof r.queuedAt === 'string' ? r.queuedAt : new Date().toISOString(),
    attempts: Number.isInteger(r.attempts) ? raw.attempts : 0,
  };
  // A response that no longer parses is kept, but set aside for a supervisor instead of being sent.
  if (entry.state === 'queued' && !Response.safeParse(entry.response).success) {
    return { ...entry, state: 'rejected', verdict: { status: 'rejected', reason: 'damaged on this device' } };
  }
  return entry;
}
