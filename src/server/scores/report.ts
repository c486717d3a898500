// Turns summed rollup rows into the figures of core/scoring: the same formulas the tests check by hand.
import type { FormDefinition, LocalizedText } from '../../core/forms/schema';
import type { Breakdown, Figure, Group } from '../../core/protocol/scores';
import { computeIndices, scoringPlan, type CriterionCountMap, type IndexReport, type RespondentCounts } from '../../core/scoring/indices';
import { computeKiosk, type KioskCounts, type KioskScore } from '../../core/scoring/kiosk';
import type { Estimate } from '../../core/scoring/wilson';
import type { Db } from '../db/index';
import { sumRollup, type RollupFilter, type RollupGroup, type RollupSum } from '../db/queries/scores';
import { elementItem, ITEM_FOLLOWUP_UNANSWERED, ITEM_RESPONDENTS, ITEM_RESPONSES, optionItem } from './rollup';

export interface ScoreReport {
  responses: number;
  /** Interview forms. */
  index?: IndexReport;
  /** Kiosk forms. */
  kiosk?: KioskScore;
  /** The headline figure: the overall index, or the kiosk share satisfied. */
  headline: Figure;
}

/** One group's summed rows, as the counts core/scoring takes. */
export function reportFromSums(form: FormDefinition, rows: readonly RollupSum[]): ScoreReport {
  const byItem = new Map(rows.map((r) => [r.item_id, r]));
  const responses = byItem.get(ITEM_RESPONSES)?.valid ?? 0;
  if (form.kind === 'kiosk') {
    const rating = form.kiosk.ratingItem;
    const r = byItem.get(rating);
    const levels = [r?.n1, r?.n2, r?.n3, r?.n4, r?.n5];
    const byLevel: Record<number, number> = {};
    const items = form.sections.flatMap((s) => s.items);
    const ratingItem = items.find((i) => i.id === rating);
    const nLevels = ratingItem?.type === 'rating' ? ratingItem.levels : 5;
    for (let l = 1; l <= nLevels; l++) byLevel[l] = levels[l - 1] ?? 0;
    const followUps: KioskCounts['followUps'] = {};
    for (const id of form.kiosk.followUpItems) {
      const item = items.find((i) => i.id === id);
      if (item?.type !== 'single' && item?.type !== 'multi') continue;
      followUps[id] = {
        answered: byItem.get(id)?.valid ?? 0,
        options: Object.fromEntries(item.options.map((o) => [o.value, byItem.get(optionItem(id, o.value))?.valid ?? 0])),
      };
    }
    const kiosk = computeKiosk(form, {
      byLevel,
      misuse: r?.misuse ?? 0,
      followUpUnanswered: byItem.get(ITEM_FOLLOWUP_UNANSWERED)?.valid ?? 0,
      followUps,
    });
    return { responses, kiosk, headline: { ...kiosk.satisfied } };
  }
  const plan = scoringPlan(form);
  const criteria: CriterionCountMap = {};
  const elements: Record<string, number> = {};
  let pooled = 0;
  let maxValid = 0;
  for (const el of plan) {
    let elPooled = 0;
    let elMax = 0;
    for (const c of el.criteria) {
      const r = byItem.get(c.itemId);
      const counts = { satisfied: r?.satisfied ?? 0, valid: r?.valid ?? 0 };
      criteria[c.itemId] = counts;
      elPooled += counts.valid;
      elMax = Math.max(elMax, counts.valid);
    }
    // Versions pooled under the latest definition can disagree on an element's items; keep n within what core accepts.
    elements[el.id] = clamp(byItem.get(elementItem(el.id))?.valid ?? 0, elMax, elPooled);
    pooled += elPooled;
    maxValid = Math.max(maxValid, elMax);
  }
  const respondents: RespondentCounts = { overall: clamp(byItem.get(ITEM_RESPONDENTS)?.valid ?? 0, maxValid, pooled), elements };
  const index = computeIndices(form, criteria, respondents);
  return { responses, index, headline: { ...index.overall } };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

function figure(e: Estimate & { k?: number }): Figure {
  const f: Figure = { n: e.n, value: e.value, low: e.low, high: e.high, smallSample: e.smallSample };
  if (e.k !== undefined) f.k = e.k;
  return f;
}

function groupOf(key: string, label: LocalizedText | null, report: ScoreReport): Group {
  const g: Group = { key, label, responses: report.responses, ...figure(report.headline) };
  if (report.index) g.elements = report.index.elements.map((e) => ({ elementId: e.elementId, ...figure(e) }));
  return g;
}

export interface ScoresResult {
  report: ScoreReport;
  groups: Group[];
}

export interface Labeller {
  site?: (id: string) => LocalizedText | null;
  enumerator?: (id: string) => LocalizedText | null;
}

/** The report for the filter and, for a breakdown, one group per element, criterion, day, site, procedure or enumerator. */
export async function scoreFilter(db: Db, form: FormDefinition, filter: RollupFilter, breakdown: Breakdown, labels: Labeller = {}): Promise<ScoresResult> {
  const totals = await sumRollup(db, filter, 'none');
  const report = reportFromSums(form, totals);
  if (breakdown === 'element') {
    return { report, groups: (report.index?.elements ?? []).map((e) => ({ key: e.elementId, label: e.label, responses: report.responses, ...figure(e) })) };
  }
  if (breakdown === 'criterion') {
    if (report.kiosk) {
      // A kiosk form has one "criterion": its faces; the groups are the levels.
      const total = report.kiosk.satisfied.n;
      return {
        report,
        groups: report.kiosk.distribution.map((d) => ({ key: String(d.level), label: d.label, responses: d.count, n: total, value: d.share, low: null, high: null, smallSample: total < 30, k: d.count })),
      };
    }
    return { report, groups: (report.index?.criteria ?? []).map((c) => ({ key: c.itemId, label: c.label, responses: report.responses, ...figure(c) })) };
  }
  const by: RollupGroup = breakdown;
  const rows = await sumRollup(db, filter, by);
  const byGroup = new Map<string, RollupSum[]>();
  for (const r of rows) {
    let list = byGroup.get(r.group);
    if (!list) byGroup.set(r.group, (list = []));
    list.push(r);
  }
  const label = (key: string): LocalizedText | null =>
    by === 'site' ? (labels.site?.(key) ?? null) : by === 'enumerator' ? (labels.enumerator?.(key) ?? null) : null;
  const groups = [...byGroup.entries()].map(([key, list]) => groupOf(key, label(key), reportFromSums(form, list)));
  groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { report, groups };
}
