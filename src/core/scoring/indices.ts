// SIPAS-style indices from per-criterion counts, so the server can score from SQL aggregates and tests from memory alike.
import { allItems, type FormDefinition, type LocalizedText } from '../forms/schema';
import type { AnswerValue, Answers } from '../response/schema';
import { estimateAt, wilson, type Estimate, type Proportion } from './wilson';

/** Answers 4 (Hài lòng) and 5 (Rất hài lòng) count as satisfied. */
export const SATISFIED_AT_LEAST = 4;

/** Counts for one criterion: satisfied = answers 4 or 5; valid = answers 1–5 ("na" and blanks are not valid). */
interface CriterionCounts {
  satisfied: number;
  valid: number;
}
/** itemId → counts. Items that are not scored criteria of the form are ignored. */
export type CriterionCountMap = Record<string, CriterionCounts>;

/**
 * Respondents with at least one valid answer: in each element, and across all criteria. Optional: without
 * them an element's or the overall figure's n is its number of valid answers.
 */
export interface RespondentCounts {
  overall?: number;
  elements?: Record<string, number>;
}

interface PlanCriterion {
  itemId: string;
  label: LocalizedText;
  weight: number;
}
export interface PlanElement {
  id: string;
  label: LocalizedText;
  weight: number;
  criteria: PlanCriterion[];
}

/** A criterion's index: k = satisfied, n = valid answers, value = k ÷ n × 100 with its direct Wilson interval. */
interface CriterionScore extends Proportion {
  itemId: string;
  elementId: string;
  label: LocalizedText;
  weight: number;
}

/**
 * An element's index: the weighted mean of the indices of its criteria that have a valid answer; null when
 * none has. satisfied/valid are the pooled counts over its criteria, given for transparency.
 */
interface ElementScore extends Estimate {
  elementId: string;
  label: LocalizedText;
  weight: number;
  satisfied: number;
  valid: number;
  criteria: CriterionScore[];
}

/** The overall index: the weighted mean of the element indices that are not null. */
interface OverallScore extends Estimate {
  satisfied: number;
  valid: number;
}

export interface IndexReport {
  formId: string;
  formVersion: number;
  overall: OverallScore;
  elements: ElementScore[];
  /** Every scored criterion, in form order. */
  criteria: CriterionScore[];
}

/**
 * Which likert5 items are scored, grouped by element. Elements and their weights come from
 * form.scoring; a form without it gets one element per distinct `element` of its likert5 items, in
 * order of appearance, weighted equally. likert5 items without an element are not scored.
 */
export function scoringPlan(form: FormDefinition): PlanElement[] {
  const declared = form.kind === 'interview' && form.scoring ? form.scoring.elements : null;
  const byId = new Map<string, PlanElement>();
  for (const e of declared ?? []) byId.set(e.id, { id: e.id, label: e.label, weight: e.weight, criteria: [] });
  for (const item of allItems(form)) {
    if (item.type !== 'likert5' || !item.element) continue;
    let element = byId.get(item.element);
    if (!element) {
      // The schema refuses this when scoring is declared; without it the element is implied by its items.
      element = { id: item.element, label: { vi: item.element, en: item.element }, weight: 1, criteria: [] };
      byId.set(item.element, element);
    }
    element.criteria.push({ itemId: item.id, label: item.label, weight: item.weight });
  }
  return [...byId.values()];
}

/** A valid likert5 answer is an integer 1–5; "na", null, a missing answer or anything else is not. */
export function isValidLikert(v: AnswerValue | undefined): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
}

function checkCounts(itemId: string, c: CriterionCounts): void {
  const ok = (x: number) => Number.isInteger(x) && x >= 0;
  if (!ok(c.satisfied) || !ok(c.valid) || c.satisfied > c.valid)
    throw new RangeError(`counts for "${itemId}" must be integers with 0 ≤ satisfied ≤ valid, got ${c.satisfied}/${c.valid}`);
}

/** Weighted mean of (value, weight) pairs, clamped to 0–100 against floating-point overshoot; null when empty. */
function weightedMean(pairs: { value: number; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of pairs) {
    sum += p.value * p.weight;
    weights += p.weight;
  }
  return weights > 0 ? Math.min(100, Math.max(0, sum / weights)) : null;
}

/**
 * The n behind an element or the overall figure. Respondents, when given, must be consistent with the
 * answers: none without a valid answer; at least as many as the busiest criterion; at most one per answer.
 */
function effectiveN(what: string, respondents: number | undefined, pooledValid: number, maxValid: number): number {
  if (respondents === undefined) return pooledValid;
  if (!Number.isInteger(respondents) || respondents < 0 || respondents > pooledValid || respondents < maxValid)
    throw new RangeError(
      `respondents for ${what} (${respondents}) must be an integer between ${maxValid} and ${pooledValid} (its valid answers)`,
    );
  return respondents;
}

/*
 * Intervals for element and overall figures. Their value is a weighted mean of shares, not one k of n, so
 * no exact Wilson interval exists. We evaluate the Wilson score interval at the figure's own value with
 * n = respondents (or, when the caller cannot count them, the pooled number of valid answers).
 * - Not Wilson(pooled satisfied, pooled valid): its centre is the pooled share, which differs from the
 *   displayed weighted mean whenever criteria have unequal weights or numbers of valid answers, so that
 *   interval could fail to contain the figure it is printed beside.
 * - n = respondents rather than answers: one person's answers to the criteria of an element are strongly
 *   correlated, so treating every answer as independent would overstate precision by up to the number of
 *   criteria. Respondents is the conservative effective sample size, and n < 30 then means "fewer than
 *   30 people", which is what the small-sample flag is for. The answer-count fallback is narrower.
 */

/** Scores a form from per-criterion counts (and, preferably, respondent counts). Pure; no responses needed. */
export function computeIndices(form: FormDefinition, counts: CriterionCountMap, respondents: RespondentCounts = {}): IndexReport {
  const plan = scoringPlan(form);
  const elements: ElementScore[] = plan.map((el) => {
    const criteria: CriterionScore[] = el.criteria.map((c) => {
      const cc = counts[c.itemId] ?? { satisfied: 0, valid: 0 };
      checkCounts(c.itemId, cc);
      return { ...wilson(cc.satisfied, cc.valid), itemId: c.itemId, elementId: el.id, label: c.label, weight: c.weight };
    });
    const scored = criteria.filter((c) => c.n > 0);
    const satisfied = scored.reduce((s, c) => s + c.k, 0);
    const valid = scored.reduce((s, c) => s + c.n, 0);
    const value = weightedMean(scored.map((c) => ({ value: c.value as number, weight: c.weight })));
    const n = effectiveN(`element "${el.id}"`, respondents.elements?.[el.id], valid, Math.max(0, ...criteria.map((c) => c.n)));
    return { ...estimateAt(value, n), elementId: el.id, label: el.label, weight: el.weight, satisfied, valid, criteria };
  });
  const scoredElements = elements.filter((e) => e.value !== null);
  const satisfied = elements.reduce((s, e) => s + e.satisfied, 0);
  const valid = elements.reduce((s, e) => s + e.valid, 0);
  const value = weightedMean(scoredElements.map((e) => ({ value: e.value as number, weight: e.weight })));
  const maxCriterionValid = Math.max(0, ...elements.flatMap((e) => e.criteria.map((c) => c.n)));
  const n = effectiveN('the overall index', respondents.overall, valid, maxCriterionValid);
  return {
    formId: form.id,
    formVersion: form.version,
    overall: { ...estimateAt(value, n), satisfied, valid },
    elements,
    criteria: elements.flatMap((e) => e.criteria),
  };
}

export interface Tally {
  criteria: CriterionCountMap;
  respondents: Required<RespondentCounts>;
}

/** Counts from responses in memory (tests, small sets, the tablet): the same numbers the server gets from SQL. */
export function tallyCounts(form: FormDefinition, responses: Iterable<{ answers: Answers }>): Tally {
  const plan = scoringPlan(form);
  const criteria: CriterionCountMap = {};
  const elements: Record<string, number> = {};
  for (const el of plan) {
    elements[el.id] = 0;
    for (const c of el.criteria) criteria[c.itemId] = { satisfied: 0, valid: 0 };
  }
  let overall = 0;
  for (const r of responses) {
    let any = false;
    for (const el of plan) {
      let inElement = false;
      for (const c of el.criteria) {
        const v = r.answers[c.itemId];
        if (!isValidLikert(v)) continue;
        const cc = criteria[c.itemId] as CriterionCounts;
        cc.valid += 1;
        if (v >= SATISFIED_AT_LEAST) cc.satisfied += 1;
        inElement = true;
      }
      if (inElement) elements[el.id] = (elements[el.id] ?? 0) + 1;
      any ||= inElement;
    }
    if (any) overall += 1;
  }
  return { criteria, respondents: { overall, elements } };
}

/** Tallies and scores responses in memory in one go. */
export function scoreResponses(form: FormDefinition, responses: Iterable<{ answers: Answers }>): IndexReport {
  const t = tallyCounts(form, responses);
  return computeIndices(form, t.criteria, t.respondents);
}
