// showIf evaluation: which items a person sees, given the answers so far (the same code on the tablet and the server).
import type { Condition, FormDefinition, Item, LeafCondition } from './schema';
import type { AnswerValue, Answers } from '../response/schema';

function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** How a condition reads an answer: the stored one, or nothing when the item is hidden. */
type AnswerOf = (itemId: string) => AnswerValue | undefined;

function leafHolds(cond: LeafCondition, v: AnswerValue | undefined): boolean {
  switch (cond.op) {
    case 'answered':
      return isAnswered(v);
    case 'in':
    case 'notIn': {
      const values = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
      const hit = values.some((x) => cond.values.includes(x));
      return cond.op === 'in' ? hit : isAnswered(v) && !hit;
    }
    case 'lte':
      return typeof v === 'number' && v <= cond.value;
    case 'gte':
      return typeof v === 'number' && v >= cond.value;
  }
}

function holds(cond: Condition, answerOf: AnswerOf): boolean {
  switch (cond.op) {
    case 'all':
      return cond.conditions.every((c) => holds(c, answerOf));
    case 'any':
      return cond.conditions.some((c) => holds(c, answerOf));
    case 'not':
      return !holds(cond.condition, answerOf);
    default:
      return leafHolds(cond, answerOf(cond.item));
  }
}

/** Whether a condition holds on these answers, taken as they are (visibility of the items it reads aside). */
export function conditionHolds(cond: Condition, answers: Answers): boolean {
  return holds(cond, (id) => answers[id]);
}

// Parsed forms are never mutated, so the id index is built once per form object (the server validates thousands a second).
const indexes = new WeakMap<FormDefinition, ReadonlyMap<string, Item>>();

/** The form's items by id. */
export function itemsById(form: FormDefinition): ReadonlyMap<string, Item> {
  let byId = indexes.get(form);
  if (!byId) {
    byId = new Map(form.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
    indexes.set(form, byId);
  }
  return byId;
}

/**
 * Visibility of every item under one set of answers, each worked out once. A hidden item reads as
 * unanswered in the conditions of later items, as XLSForm clears a non-relevant answer: so a chain hides
 * from the first hidden link, and `not(...)` over a hidden item holds.
 */
export function visibilityOf(form: FormDefinition, answers: Answers): (item: Item) => boolean {
  const byId = itemsById(form);
  const known = new Map<string, boolean>();
  const visiting = new Set<string>();
  const answerOf: AnswerOf = (id) => {
    const dep = byId.get(id);
    return dep && visible(dep) ? answers[id] : undefined;
  };
  function visible(item: Item): boolean {
    if (!item.showIf) return true;
    const memo = known.get(item.id);
    if (memo !== undefined) return memo;
    // Only an unchecked definition can loop (the schema allows earlier items only): show nothing of the loop.
    if (visiting.has(item.id)) return false;
    visiting.add(item.id);
    const result = holds(item.showIf, answerOf);
    visiting.delete(item.id);
    known.set(item.id, result);
    return result;
  }
  return visible;
}

/** An item is visible when its condition holds, reading the items it depends on only where they are visible themselves. */
export function isVisible(form: FormDefinition, item: Item, answers: Answers): boolean {
  // Most items have no condition: answer without building anything (the server asks this for every answer).
  if (!item.showIf) return true;
  return visibilityOf(form, answers)(item);
}

export function visibleItems(form: FormDefinition, answers: Answers): Item[] {
  const visible = visibilityOf(form, answers);
  return form.sections.flatMap((s) => s.items).filter(visible);
}

export { isAnswered };
