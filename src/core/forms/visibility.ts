// showIf evaluation: which items a person sees, given the answers so far.
import type { Condition, FormDefinition, Item } from './schema';
import type { AnswerValue, Answers } from '../response/schema';

function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

export function conditionHolds(cond: Condition, answers: Answers): boolean {
  const v = answers[cond.item];
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

/** An item is visible when its condition holds and the item it depends on is itself visible. */
export function isVisible(form: FormDefinition, item: Item, answers: Answers): boolean {
  // Most items have no condition: answer without building the cycle guard (the server asks this for every answer).
  if (!item.showIf) return true;
  const byId = itemsById(form);
  let current: Item | undefined = item;
  const guard = new Set<string>();
  while (current?.showIf) {
    if (guard.has(current.id)) return false;
    guard.add(current.id);
    if (!conditionHolds(current.showIf, answers)) return false;
    current = byId.get(current.showIf.item);
  }
  return true;
}

export function visibleItems(form: FormDefinition, answers: Answers): Item[] {
  return form.sections.flatMap((s) => s.items).filter((i) => isVisible(form, i, answers));
}

export { isAnswered };
