// Draft lifecycle: start, save each answer in its own transaction, move, complete into the outbox, discard.
import { newResponseId, Response, toIsoWithOffset, type AnswerValue, type ResponseInput } from '../../core';
import { db } from './db';
import { guardedWrite } from './errors';
import { SAVE_ANSWER_MEASURE } from './measures';
import type { Draft, DraftStage, OutboxEntry } from './types';

declare const __APP_VERSION__: string;

/** A kiosk rating starts its draft with the rating in it: one write, never a draft without its answer. */
export type NewDraft = Pick<Draft, 'mode' | 'siteId' | 'deviceId' | 'enumeratorId' | 'locale'> & { formId: string; formVersion: number } &
  Partial<Pick<Draft, 'procedure' | 'stage' | 'answers' | 'durationMs' | 'flags' | 'itemId'>>;

export async function startDraft(init: NewDraft): Promise<Draft> {
  const now = toIsoWithOffset();
  const draft: Draft = {
    procedure: null,
    stage: 'procedure',
    answers: {},
    durationMs: {},
    flags: [],
    consent: null,
    sectionIndex: 0,
    itemId: null,
    ...init,
    id: newResponseId(),
    startedAt: now,
    updatedAt: now,
  };
  await guardedWrite(() => db.drafts.add(draft));
  return draft;
}

export function getDraft(id: string): Promise<Draft | undefined> {
  return db.drafts.get(id);
}

/** Whether the draft lost its form on this tablet (restore.ts): kept and shown, never resumed or completed. */
export function hasLostForm(d: Draft): boolean {
  return d.formId === null || d.formVersion === null;
}

/**
 * The home screen's list, newest first: interviews to resume, and any draft that lost its form (a kiosk one too),
 * so nothing kept is out of sight. Read without an index, since a damaged record may lack the indexed fields.
 */
export async function unfinishedDrafts(): Promise<Draft[]> {
  const all = await db.drafts.toArray();
  return all.filter((d) => d.mode === 'interview' || hasLostForm(d)).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/**
 * One answer, one transaction, written the moment it is given. `drop` names answers that this one hides
 * (showIf), removed in the same transaction so a hidden answer never outlives the answer that hid it.
 */
export async function saveAnswer(id: string, itemId: string, value: AnswerValue | undefined, drop: readonly string[] = []): Promise<number> {
  const start = performance.now();
  const n = await guardedWrite(() =>
    db.drafts.update(id, (d) => {
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0) || value === '') delete d.answers[itemId];
      else d.answers[itemId] = value;
      for (const hidden of drop) delete d.answers[hidden];
      d.itemId = itemId;
      d.updatedAt = toIsoWithOffset();
    }),
  );
  // Observable by a PerformanceObserver; cleared at once so a tablet open for days keeps no growing buffer.
  performance.measure(SAVE_ANSWER_MEASURE, { start });
  performance.clearMeasures(SAVE_ANSWER_MEASURE);
  return n;
}

export function updateDraft(id: string, patch: Partial<Omit<Draft, 'id' | 'answers'>>): Promise<number> {
  return guardedWrite(() => db.drafts.update(id, { ...patch, updatedAt: toIsoWithOffset() }));
}

export function moveTo(id: string, stage: DraftStage, sectionIndex = 0, itemId: string | null = null, returnToReview = false): Promise<number> {
  return updateDraft(id, { stage, sectionIndex, itemId, returnToReview });
}

/** Adds time spent on a section; kept per section so supervisors can spot rushed interviews. */
export function addSectionTime(id: string, sectionId: string, ms: number): Promise<number> {
  return guardedWrite(() =>
    db.drafts.update(id, (d) => {
      d.durationMs[sectionId] = (d.durationMs[sectionId] ?? 0) + Math.max(0, Math.round(ms));
    }),
  );
}

export function discardDraft(id: string): Promise<void> {
  return guardedWrite(() => db.drafts.delete(id));
}

export function draftToResponse(d: Draft, completedAt = toIsoWithOffset()): Response {
  const { formId, formVersion } = d;
  // Kept so a person can see it; never sent under a guessed form.
  if (formId === null || formVersion === null) throw new Error(`draft ${d.id} has lost its form and cannot be completed`);
  const input: ResponseInput = {
    id: d.id,
    formId,
    formVersion,
    mode: d.mode,
    siteId: d.siteId,
    deviceId: d.deviceId,
    enumeratorId: d.enumeratorId,
    procedure: d.procedure,
    locale: d.locale,
    startedAt: d.startedAt,
    completedAt,
    answers: d.answers,
    durationMs: d.durationMs,
    flags: d.flags,
    appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
  };
  return Response.parse(input);
}

/** Moves a finished draft into the outbox atomically: it is in exactly one of the two tables. */
export function completeDraft(id: string): Promise<OutboxEntry> {
  return guardedWrite(() =>
    db.transaction('rw', db.drafts, db.outbox, async () => {
      const d = await db.drafts.get(id);
      if (!d) {
        const already = await db.outbox.get(id);
        if (already) return already;
        throw new Error(`draft ${id} not found`);
      }
      const entry: OutboxEntry = { id, response: draftToResponse(d), state: 'queued', queuedAt: new Date().toISOString(), attempts: 0 };
      await db.outbox.put(entry);
      await db.drafts.delete(id);
      return entry;
    }),
  );
}
