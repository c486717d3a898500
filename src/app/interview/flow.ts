// The interview's rules on one page, apart from React: which sections show, what is missing, where to resume.
import {
  allItems,
  isAnswered,
  isVisible,
  type AnswerValue,
  type Answers,
  type FormDefinition,
  type Item,
  type Section,
} from '../../core';
import { label } from '../i18n/label';
import type { Draft, DraftStage } from '../store/types';

/** Stable question numbers ("Câu 6"): the item's place in the whole form, so numbers never shift with showIf. */
export function questionNumbers(form: FormDefinition): Map<string, number> {
  return new Map(allItems(form).map((item, i) => [item.id, i + 1]));
}

export function visibleItemsOf(form: FormDefinition, section: Section, answers: Answers): Item[] {
  return section.items.filter((item) => isVisible(form, item, answers));
}

/** Indexes of the sections that have at least one question to ask, in order. */
export function visibleSections(form: FormDefinition, answers: Answers): number[] {
  return form.sections.flatMap((s, i) => (visibleItemsOf(form, s, answers).length > 0 ? [i] : []));
}

/** The section to show for a stored index: itself if visible, else the next visible one (or the last). */
function nearestVisibleSection(form: FormDefinition, answers: Answers, index: number): number {
  const visible = visibleSections(form, answers);
  return visible.find((i) => i >= index) ?? visible[visible.length - 1] ?? 0;
}

export function missingRequired(form: FormDefinition, items: readonly Item[], answers: Answers): Item[] {
  return items.filter((item) => item.required && isVisible(form, item, answers) && !isAnswered(answers[item.id]));
}

/** Answers given to items that the current answers hide: they must go, or the response would not validate. */
function hiddenAnswers(form: FormDefinition, answers: Answers): string[] {
  return allItems(form)
    .filter((item) => item.id in answers && !isVisible(form, item, answers))
    .map((item) => item.id);
}

/** Applies one answer and drops what it hides; returns the new answers and the ids dropped. */
export function applyAnswer(
  form: FormDefinition,
  answers: Answers,
  itemId: string,
  value: AnswerValue | undefined,
): { answers: Answers; dropped: string[] } {
  const next: Answers = { ...answers };
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete next[itemId];
  else next[itemId] = value;
  const dropped: string[] = [];
  // A dropped answer can hide another item in turn ("answered" conditions), so repeat until nothing changes.
  for (let hidden = hiddenAnswers(form, next); hidden.length > 0; hidden = hiddenAnswers(form, next)) {
    for (const id of hidden) {
      delete next[id];
      dropped.push(id);
    }
  }
  return { answers: next, dropped };
}

/**
 * Where to put the interviewer back in a section: the question they were on if it is still unanswered,
 * else the next unanswered one after it, else the first unanswered one; null when all are answered.
 */
export function resumeItem(items: readonly Item[], answers: Answers, lastItemId: string | null): string | null {
  const unanswered = (item: Item) => !isAnswered(answers[item.id]);
  const at = lastItemId ? items.findIndex((i) => i.id === lastItemId) : -1;
  if (at >= 0) {
    if (unanswered(items[at])) return items[at].id;
    const after = items.slice(at + 1).find(unanswered);
    if (after) return after.id;
  }
  return items.find(unanswered)?.id ?? null;
}

/** Where the interviewer is in a draft. */
export interface Place {
  stage: DraftStage;
  sectionIndex: number;
  /** The question to focus on arrival; null: the top of the screen. */
  focusItem: string | null;
  /** Changing one answer from review: the way on is back to review. */
  fromReview: boolean;
}

/**
 * Where an opened draft puts the interviewer: the exact screen, and the next question after the last answered; a
 * draft left while changing an answer from review still leads back to review.
 */
export function resumePlace(draft: Pick<Draft, 'stage' | 'sectionIndex' | 'itemId' | 'answers' | 'returnToReview'>, form: FormDefinition): Place {
  const fromReview = draft.returnToReview === true && (draft.stage === 'questions' || draft.stage === 'procedure');
  if (draft.stage !== 'questions') return { stage: draft.stage, sectionIndex: draft.sectionIndex, focusItem: null, fromReview };
  const s = nearestVisibleSection(form, draft.answers, draft.sectionIndex);
  const items = visibleItemsOf(form, form.sections[s], draft.answers);
  return { stage: 'questions', sectionIndex: s, focusItem: resumeItem(items, draft.answers, draft.itemId), fromReview };
}

/** An answer as the review screen shows it, in the person's language. */
export function answerText(form: FormDefinition, item: Item, value: AnswerValue | undefined, lang: string, numberFormat: (n: number) => string): string | null {
  if (!isAnswered(value)) return null;
  switch (item.type) {
    case 'likert5':
      if (value === 'na') return form.scale ? label(form.scale.na, lang) : 'N/A';
      return form.scale ? `${value} · ${label(form.scale.levels[Number(value) - 1], lang)}` : String(value);
    case 'rating':
      return `${value} · ${label(item.labels[Number(value) - 1], lang)}`;
    case 'single':
      return label(item.options.find((o) => o.value === value)?.label, lang) || String(value);
    case 'multi':
      return (Array.isArray(value) ? value : [String(value)])
        .map((v) => label(item.options.find((o) => o.value === v)?.label, lang) || v)
        .join('; ');
    case 'number':
      return typeof value === 'number' ? numberFormat(value) : String(value);
    case 'text':
    case 'longtext':
      return String(value);
  }
}
