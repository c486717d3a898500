// What a kiosk session writes: the rating the moment it is pressed, the follow-up, and the completion into the outbox.
import { findItem, isVisible, toIsoWithOffset, type AnswerValue, type Answers, type ClientFlag, type FormDefinition } from '../../core';
import { db } from '../store/db';
import { completeDraft, hasLostForm, saveAnswer, startDraft } from '../store/drafts';
import { guardedWrite } from '../store/errors';
import type { DeviceSetup } from '../store/settings';
import type { Draft } from '../store/types';

export type KioskForm = Extract<FormDefinition, { kind: 'kiosk' }>;

export interface RatingInput {
  form: KioskForm;
  device: DeviceSetup;
  locale: 'vi' | 'en';
  level: number;
  misuse: boolean;
  /** Time from the rating screen appearing to the press. */
  ratingMs: number;
}

/** Creates the draft with the rating in it (one write), so a rating given is never lost whatever happens next. */
export function saveRating(input: RatingInput): Promise<Draft> {
  const { form, device } = input;
  const rating = form.kiosk.ratingItem;
  const flags: ClientFlag[] = input.misuse ? ['kiosk-misuse'] : [];
  return startDraft({
    formId: form.id,
    formVersion: form.version,
    mode: 'kiosk',
    siteId: device.siteId,
    deviceId: device.deviceId,
    enumeratorId: null,
    locale: input.locale,
    stage: 'questions',
    answers: { [rating]: input.level },
    itemId: rating,
    flags,
    durationMs: { [sectionOf(form, rating)]: Math.max(0, Math.round(input.ratingMs)) },
  });
}

/**
 * The person tapped another face before sending the follow-up: the same draft takes the new rating (never a second
 * response), and follow-up answers the new rating no longer asks for go, so the response stays valid.
 */
export async function changeRating(form: KioskForm, draftId: string, level: number, ratingMs: number): Promise<void> {
  const rating = form.kiosk.ratingItem;
  await guardedWrite(() =>
    db.drafts.update(draftId, (d) => {
      d.answers[rating] = level;
      for (const id of hiddenFollowUps(form, d.answers)) delete d.answers[id];
      const section = sectionOf(form, rating);
      d.durationMs[section] = (d.durationMs[section] ?? 0) + Math.max(0, Math.round(ratingMs));
      d.itemId = rating;
      d.updatedAt = toIsoWithOffset();
    }),
  );
}

/** Follow-up items the answers do not ask for (their showIf is false), whose answers must not be kept. */
export function hiddenFollowUps(form: KioskForm, answers: Answers): string[] {
  return form.kiosk.followUpItems.filter((id) => {
    const item = findItem(form, id);
    return !item || !isVisible(form, item, answers);
  });
}

export function saveFollowUpAnswer(draftId: string, itemId: string, value: AnswerValue | undefined): Promise<number> {
  return saveAnswer(draftId, itemId, value);
}

function sectionOf(form: KioskForm, itemId: string): string {
  return form.sections.find((s) => s.items.some((i) => i.id === itemId))?.id ?? itemId;
}

/** Whether this rating asks for the follow-up screen (rating at most followUpAtMost, and follow-up items exist). */
export function needsFollowUp(form: KioskForm, level: number): boolean {
  return level <= form.kiosk.followUpAtMost && form.kiosk.followUpItems.length > 0;
}

/** The person sent the follow-up: record its time, mark it unanswered if they chose nothing, complete. */
export async function finishWithFollowUp(form: KioskForm, draftId: string, followUpMs: number, answered: boolean): Promise<string> {
  await guardedWrite(() =>
    db.drafts.update(draftId, (d) => {
      const section = sectionOf(form, form.kiosk.followUpItems[0]);
      d.durationMs[section] = (d.durationMs[section] ?? 0) + Math.max(0, Math.round(followUpMs));
      if (!answered && !d.flags.includes('followup-unanswered')) d.flags.push('followup-unanswered');
    }),
  );
  return (await completeDraft(draftId)).response.completedAt;
}

/** A rating with no follow-up due: straight into the outbox. */
export async function finishRating(draftId: string): Promise<string> {
  return (await completeDraft(draftId)).response.completedAt;
}

/**
 * The person walked away (idle reset) or the browser died mid-rating: the rating is kept, and so is what they had
 * already chosen or written in the follow-up (each saved as it was given); the follow-up is marked unanswered, since
 * it was never sent. A draft without a rating holds nothing of value and is removed.
 */
export async function abandonDraft(form: KioskForm | undefined, draftId: string): Promise<string | null> {
  const d = await db.drafts.get(draftId);
  // One that lost its form is kept for a person to see on the home screen, never completed under a guess.
  if (!d || hasLostForm(d)) return null;
  const known = form?.id === d.formId ? form : undefined;
  const level = known ? d.answers[known.kiosk.ratingItem] : Object.values(d.answers).find((v) => typeof v === 'number');
  if (typeof level !== 'number') {
    await guardedWrite(() => db.drafts.delete(draftId));
    return null;
  }
  const due = known ? needsFollowUp(known, level) : true;
  await guardedWrite(() =>
    db.drafts.update(draftId, (draft) => {
      if (known) for (const id of hiddenFollowUps(known, draft.answers)) delete draft.answers[id];
      if (due && !draft.flags.includes('followup-unanswered')) draft.flags.push('followup-unanswered');
    }),
  );
  return (await completeDraft(draftId)).response.completedAt;
}

/** Kiosk drafts left by a killed browser: completed (or dropped when empty) before the next person comes. */
export async function recoverOrphans(form: KioskForm | undefined): Promise<number> {
  const orphans = await db.drafts.where('mode').equals('kiosk').toArray();
  for (const d of orphans) await abandonDraft(form, d.id);
  return orphans.length;
}

/**
 * When the face of the last completed kiosk rating on this tablet was pressed (epoch ms; 0 if none), for the misuse
 * interval. The draft is created at the press, so that is the response's start; its completion can be much later
 * (a follow-up, or an idle reset) and says nothing about how soon the next person may rate.
 */
export async function lastKioskPress(): Promise<number> {
  let last = 0;
  await db.outbox
    .orderBy('queuedAt')
    .reverse()
    .filter((e) => e.response.mode === 'kiosk')
    .limit(1)
    .each((e) => {
      last = Date.parse(e.response.startedAt) || 0;
    });
  return last;
}

/** A press this soon after the last completed rating's press is most likely the same person again: kept, but flagged. */
export function isMisuse(pressAt: number, lastPressAt: number, minIntervalSeconds: number): boolean {
  return lastPressAt > 0 && pressAt - lastPressAt < minIntervalSeconds * 1000;
}
