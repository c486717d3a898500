// Runs INSIDE the page (bundled by sync-hook.ts, never part of the app build): records responses through the app's own store API.
import { allItems, builtinForms, isVisible, newResponseId, toIsoWithOffset, type AnswerValue, type Answers, type FormDefinition, type Item } from '../../src/core';
import { setPin } from '../../src/app/security/pin';
import { liveQuery } from 'dexie';
import { db } from '../../src/app/store/db';
import { completeDraft, draftToResponse, saveAnswer, startDraft } from '../../src/app/store/drafts';
import { recordRefusal } from '../../src/app/store/refusals';
import { getSetting } from '../../src/app/store/settings';
import type { Draft, OutboxEntry } from '../../src/app/store/types';

export interface RecordOptions {
  formId?: string;
  /** A version the server has not published makes the server reject the response (for the attention list). */
  formVersion?: number;
  /** Varies the answers, so two recordings differ. */
  seed?: number;
}

function valueFor(item: Item, seed: number): AnswerValue | undefined {
  switch (item.type) {
    case 'likert5':
      return 2 + (seed % 4);
    case 'rating':
      // Above the follow-up threshold, so a kiosk rating is complete with one answer.
      return item.levels - (seed % 2);
    case 'single':
      return item.options[seed % item.options.length].value;
    case 'multi':
      return [item.options[seed % item.options.length].value];
    case 'number':
      return Math.min(item.max ?? 60, Math.max(item.min ?? 18, 30 + (seed % 20)));
    case 'text':
    case 'longtext':
      return item.required ? `Ghi chú ${seed}` : undefined;
  }
}

/** Answers every visible item a person would have to, in form order (showIf is honoured as answers accrue). */
export function fillAnswers(form: FormDefinition, seed: number): Answers {
  const answers: Answers = {};
  for (const item of allItems(form)) {
    if (!isVisible(form, item, answers)) continue;
    if (!item.required && item.type !== 'likert5' && item.type !== 'rating') continue;
    const v = valueFor(item, seed);
    if (v !== undefined) answers[item.id] = v;
  }
  return answers;
}

function formOf(id: string): FormDefinition {
  const form = builtinForms.find((f) => f.id === id);
  if (!form) throw new Error(`no built-in form ${id}`);
  return form;
}

async function deviceOrThrow() {
  const device = await getSetting('device');
  if (!device) throw new Error('the tablet is not set up');
  return device;
}

/**
 * Records n completed responses the way the interview and kiosk screens do: startDraft, one saveAnswer per
 * answer, completeDraft. Returns their ids.
 */
async function recordResponses(n: number, o: RecordOptions = {}): Promise<string[]> {
  const device = await deviceOrThrow();
  const form = formOf(o.formId ?? 'desk-rating');
  const mode = form.kind === 'kiosk' ? 'kiosk' : 'interview';
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const seed = (o.seed ?? 0) + i;
    const draft = await startDraft({
      formId: form.id,
      formVersion: o.formVersion ?? form.version,
      mode,
      siteId: device.siteId,
      deviceId: device.deviceId,
      enumeratorId: mode === 'interview' ? device.enumeratorId : null,
      locale: 'vi',
      procedure: mode === 'interview' ? { code: '1.001234', name: 'Đăng ký khai sinh' } : null,
    });
    for (const [item, value] of Object.entries(fillAnswers(form, seed))) await saveAnswer(draft.id, item, value);
    await completeDraft(draft.id);
    ids.push(draft.id);
  }
  return ids;
}

/** Records n refusals the way the consent step does (a draft, then "no"), of a sipas-2017 interview; returns their ids. */
async function recordRefusals(n: number, o: Pick<RecordOptions, 'formVersion'> = {}): Promise<string[]> {
  const device = await deviceOrThrow();
  const form = formOf('sipas-2017');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const draft = await startDraft({
      formId: form.id,
      formVersion: o.formVersion ?? form.version,
      mode: 'interview',
      siteId: device.siteId,
      deviceId: device.deviceId,
      enumeratorId: device.enumeratorId,
      locale: 'vi',
    });
    await recordRefusal(draft.id, 'declined');
    ids.push(draft.id);
  }
  return ids;
}

/**
 * Queues n completed responses in bulk (for the drain benchmark): the same draft → response conversion as
 * completeDraft, written in chunks so seeding 10,000 does not take longer than draining them.
 */
async function queueResponses(n: number, o: RecordOptions = {}): Promise<number> {
  const device = await deviceOrThrow();
  const form = formOf(o.formId ?? 'desk-rating');
  const mode = form.kind === 'kiosk' ? 'kiosk' : 'interview';
  for (let start = 0; start < n; start += 1000) {
    const entries: OutboxEntry[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      const seed = (o.seed ?? 0) + i;
      const draft = draftInMemory(form, mode, device, seed);
      entries.push({ id: draft.id, response: draftToResponse(draft), state: 'queued', queuedAt: new Date().toISOString(), attempts: 0 });
    }
    await db.outbox.bulkAdd(entries);
  }
  return n;
}

function draftInMemory(form: FormDefinition, mode: Draft['mode'], device: Awaited<ReturnType<typeof deviceOrThrow>>, seed: number): Draft {
  const now = toIsoWithOffset();
  return {
    id: newResponseId(),
    formId: form.id,
    formVersion: form.version,
    mode,
    siteId: device.siteId,
    deviceId: device.deviceId,
    enumeratorId: mode === 'interview' ? device.enumeratorId : null,
    procedure: null,
    locale: 'vi',
    startedAt: now,
    updatedAt: now,
    answers: fillAnswers(form, seed),
    durationMs: { rating: 1500 + (seed % 1000) },
    flags: [],
    consent: null,
    stage: 'review',
    sectionIndex: 0,
    itemId: null,
  };
}

/** Overrides the uploader's tuning (timeout, batch size, backoff) for this tablet. */
async function setSyncTuning(t: Record<string, number>): Promise<void> {
  await db.settings.put({ key: 'syncTuning', value: t });
}

async function outboxStates(queue: 'outbox' | 'refusals' = 'outbox'): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db[queue].each((e) => {
    counts[e.state] = (counts[e.state] ?? 0) + 1;
  });
  return counts;
}

let armed: Promise<number> | undefined;

/**
 * Starts a stopwatch at the next `online` event that stops when no response is queued any more (the drain
 * benchmark): measured in the page, so polling from outside adds nothing to it.
 */
function armDrainTimer(): void {
  armed = new Promise<number>((resolve, reject) => {
    window.addEventListener(
      'online',
      () => {
        const t0 = performance.now();
        const sub = liveQuery(() => db.outbox.where('state').equals('queued').count()).subscribe({
          next: (n) => {
            if (n > 0) return;
            sub.unsubscribe();
            resolve(performance.now() - t0);
          },
          error: reject,
        });
      },
      { once: true },
    );
  });
}

function drainTime(): Promise<number> {
  if (!armed) throw new Error('armDrainTimer first');
  return armed;
}

const hook = { recordResponses, recordRefusals, queueResponses, setSyncTuning, outboxStates, setPin, armDrainTimer, drainTime };
export type SyncTestHook = typeof hook;
(window as unknown as { __hailongSyncTest: SyncTestHook }).__hailongSyncTest = hook;
