// Checks a response's answers against its form: the one rule book the tablet and the server share.
import type { FormDefinition, Item } from '../forms/schema';
import { isAnswered, itemsById, visibilityOf } from '../forms/visibility';
import type { AnswerValue, Answers, Response } from './schema';

export type AnswerIssue = { path: string; message: string };

/** Problems with one answer value for one item, or null when it fits. */
function checkValue(item: Item, v: AnswerValue): string | null {
  switch (item.type) {
    case 'likert5':
      if (v === 'na') return item.allowNA ? null : '"na" is not allowed here';
      return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5 ? null : 'must be an integer 1–5 or "na"';
    case 'rating':
      return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= item.levels ? null : `must be an integer 1–${item.levels}`;
    case 'single':
      return typeof v === 'string' && item.options.some((o) => o.value === v) ? null : 'must be one of the options';
    case 'multi': {
      if (!Array.isArray(v)) return 'must be a list of options';
      if (new Set(v).size !== v.length) return 'lists an option twice';
      if (!v.every((x) => item.options.some((o) => o.value === x))) return 'lists an unknown option';
      if (item.max !== undefined && v.length > item.max) return `allows at most ${item.max} choices`;
      return null;
    }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number';
      if (item.integer && !Number.isInteger(v)) return 'must be a whole number';
      if (item.min !== undefined && v < item.min) return `must be at least ${item.min}`;
      if (item.max !== undefined && v > item.max) return `must be at most ${item.max}`;
      return null;
    case 'text':
    case 'longtext':
      if (typeof v !== 'string') return 'must be text';
      return v.length <= item.maxLength ? null : `is longer than ${item.maxLength} characters`;
  }
}

/**
 * Every problem with a set of answers: unknown items, wrong values, answers to hidden items, and
 * (when `complete`) required visible items left blank.
 */
export function validateAnswers(form: FormDefinition, answers: Answers, complete = true): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const items = itemsById(form);
  // Built only when an item has a condition: most answers need none (the server validates thousands a second).
  let conditional: ((item: Item) => boolean) | undefined;
  const visible = (item: Item) => !item.showIf || (conditional ??= visibilityOf(form, answers))(item);
  // Object.keys, not Object.entries: the same keys in the same order without a pair per answer (hot on the server).
  for (const id of Object.keys(answers)) {
    const v = answers[id];
    const item = items.get(id);
    if (!item) {
      issues.push({ path: `answers.${id}`, message: 'is not an item of this form' });
      continue;
    }
    if (v === null) continue;
    const problem = checkValue(item, v);
    if (problem) issues.push({ path: `answers.${id}`, message: problem });
    else if (!visible(item)) issues.push({ path: `answers.${id}`, message: 'answers a question that was not shown' });
  }
  if (complete) {
    for (const item of items.values()) {
      if (item.required && visible(item) && !isAnswered(answers[item.id]))
        issues.push({ path: `answers.${item.id}`, message: 'is required' });
    }
  }
  return issues;
}

/** Validates a whole response against the form it names (the caller looks the form up). */
export function validateResponse(form: FormDefinition, r: Response): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  if (r.formId !== form.id || r.formVersion !== form.version) issues.push({ path: 'formVersion', message: 'does not match the form' });
  if ((form.kind === 'kiosk') !== (r.mode === 'kiosk')) issues.push({ path: 'mode', message: `must be ${form.kind === 'kiosk' ? 'kiosk' : 'interview'} for this form` });
  const partial = r.mode === 'kiosk' && r.flags.includes('followup-unanswered');
  const answerIssues = validateAnswers(form, r.answers, !partial);
  return issues.length ? [...issues, ...answerIssues] : answerIssues;
}
