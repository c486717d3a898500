// The kiosk's figure: share of satisfied desk ratings, with possible misuse kept out of it but still counted.
import { findItem, type FormDefinition, type Item, type LocalizedText } from '../forms/schema';
import type { Answers } from '../response/schema';
import { wilson, type Proportion } from './wilson';

type RatingItem = Extract<Item, { type: 'rating' }>;

/**
 * Counts a server can take from SQL. Ratings flagged 'kiosk-misuse' are in `misuse` only; everything else
 * (byLevel, followUps, followUpUnanswered) counts ratings that are not flagged.
 */
export interface KioskCounts {
  /** level (1 = least satisfied) → ratings at that level. */
  byLevel: Record<number, number>;
  /** Ratings flagged as possible misuse (pressed within the minimum interval), all levels. */
  misuse: number;
  /** Ratings whose follow-up was shown but left unanswered (the person walked away). */
  followUpUnanswered?: number;
  /** Per follow-up item of type single/multi: how many answered it, and how often each option was chosen. */
  followUps?: Record<string, { answered: number; options: Record<string, number> }>;
}

interface LevelShare {
  level: number;
  label: LocalizedText;
  count: number;
  /** Percent of counted ratings; null when there are none. */
  share: number | null;
  satisfied: boolean;
}

interface ReasonCount {
  value: string;
  label: LocalizedText;
  count: number;
}

interface FollowUpSummary {
  itemId: string;
  label: LocalizedText;
  /** Counted ratings that answered this follow-up: the denominator for its options. */
  answered: number;
  options: ReasonCount[];
}

export interface KioskScore {
  formId: string;
  formVersion: number;
  ratingItem: string;
  satisfiedAtLeast: number;
  /** Share of satisfied ratings: k = satisfied, n = counted (not misuse-flagged) ratings. */
  satisfied: Proportion;
  excludedMisuse: number;
  followUpUnanswered: number;
  distribution: LevelShare[];
  followUps: FollowUpSummary[];
}

function ratingItemOf(form: FormDefinition): RatingItem {
  if (form.kind !== 'kiosk') throw new Error(`form "${form.id}" is not a kiosk form`);
  const item = findItem(form, form.kiosk.ratingItem);
  if (!item || item.type !== 'rating') throw new Error(`form "${form.id}": kiosk.ratingItem must name a rating item`);
  return item;
}

function followUpChoiceItems(form: FormDefinition): Extract<Item, { type: 'single' | 'multi' }>[] {
  if (form.kind !== 'kiosk') return [];
  return form.kiosk.followUpItems
    .map((id) => findItem(form, id))
    .filter((i): i is Extract<Item, { type: 'single' | 'multi' }> => i?.type === 'single' || i?.type === 'multi');
}

function count(name: string, x: number | undefined): number {
  const v = x ?? 0;
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  return v;
}

/** The kiosk figure from counts. Levels outside 1..levels in the counts are refused. */
export function computeKiosk(form: FormDefinition, counts: KioskCounts): KioskScore {
  const rating = ratingItemOf(form);
  for (const key of Object.keys(counts.byLevel)) {
    const level = Number(key);
    if (!Number.isInteger(level) || level < 1 || level > rating.levels)
      throw new RangeError(`rating level ${key} is outside 1–${rating.levels}`);
  }
  const levels = Array.from({ length: rating.levels }, (_, i) => i + 1);
  const perLevel = levels.map((l) => count(`byLevel[${l}]`, counts.byLevel[l]));
  const total = perLevel.reduce((a, b) => a + b, 0);
  const satisfiedCount = perLevel.reduce((s, c, i) => s + (i + 1 >= rating.satisfiedAtLeast ? c : 0), 0);
  const followUps = followUpChoiceItems(form).map((item) => {
    const f = counts.followUps?.[item.id];
    return {
      itemId: item.id,
      label: item.label,
      answered: count(`followUps.${item.id}.answered`, f?.answered),
      options: item.options.map((o) => ({
        value: o.value,
        label: o.label,
        count: count(`followUps.${item.id}.options.${o.value}`, f?.options[o.value]),
      })),
    };
  });
  return {
    formId: form.id,
    formVersion: form.version,
    ratingItem: rating.id,
    satisfiedAtLeast: rating.satisfiedAtLeast,
    satisfied: wilson(satisfiedCount, total),
    excludedMisuse: count('misuse', counts.misuse),
    followUpUnanswered: count('followUpUnanswered', counts.followUpUnanswered),
    distribution: levels.map((level, i) => ({
      level,
      label: rating.labels[i] as LocalizedText,
      count: perLevel[i] as number,
      share: total > 0 ? ((perLevel[i] as number) / total) * 100 : null,
      satisfied: level >= rating.satisfiedAtLeast,
    })),
    followUps,
  };
}

/** Counts kiosk responses in memory; a response without a valid rating is not a rating and is skipped. */
export function tallyKiosk(form: FormDefinition, responses: Iterable<{ answers: Answers; flags?: readonly string[] }>): KioskCounts {
  const rating = ratingItemOf(form);
  const choiceItems = followUpChoiceItems(form);
  const counts: Required<KioskCounts> = { byLevel: {}, misuse: 0, followUpUnanswered: 0, followUps: {} };
  for (const item of choiceItems) counts.followUps[item.id] = { answered: 0, options: {} };
  for (const r of responses) {
    const v = r.answers[rating.id];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > rating.levels) continue;
    if (r.flags?.includes('kiosk-misuse')) {
      counts.misuse += 1;
      continue;
    }
    counts.byLevel[v] = (counts.byLevel[v] ?? 0) + 1;
    if (r.flags?.includes('followup-unanswered')) counts.followUpUnanswered += 1;
    for (const item of choiceItems) {
      const a = r.answers[item.id];
      const chosen = Array.isArray(a) ? a : typeof a === 'string' && a !== '' ? [a] : [];
      if (chosen.length === 0) continue;
      const f = counts.followUps[item.id] as { answered: number; options: Record<string, number> };
      f.answered += 1;
      for (const value of new Set(chosen)) if (item.options.some((o) => o.value === value)) f.options[value] = (f.options[value] ?? 0) + 1;
    }
  }
  return counts;
}

/** Tallies and scores kiosk responses in memory in one go. */
export function scoreKiosk(form: FormDefinition, responses: Iterable<{ answers: Answers; flags?: readonly string[] }>): KioskScore {
  return computeKiosk(form, tallyKiosk(form, responses));
}
