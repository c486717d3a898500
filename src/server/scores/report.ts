// Turns summed rollup rows into the figures of core/scoring: the same formulas the tests check by hand.
import type { FormDefinition, LocalizedText } from '../../core/forms/schema';
import type { ComparisonJson, Breakdown, Figure, Group, UnitMeanJson } from '../../core/protocol/scores';
import type { Compare } from '../../core/protocol/period';
import { SITE_KINDS, type SiteKind } from '../../core/protocol/sites';
import { compareFigures, groupByKind, unitMean, type Change, type UnitMean } from '../../core/scoring/compare';
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
  /** More than one unit selected: the mean of their headline figures. */
  unitMean?: UnitMeanJson;
}

/** A selected site as blocks and unit means need it. */
export interface Unit {
  id: string;
  kind: SiteKind;
}

/** Rows of several groups summed per item: the counts of their union (the rollup's counts add up). */
function mergeSums(rows: readonly RollupSum[]): RollupSum[] {
  const byItem = new Map<string, RollupSum>();
  for (const r of rows) {
    const m = byItem.get(r.item_id);
    if (!m) {
      byItem.set(r.item_id, { ...r, group: '' });
      continue;
    }
    m.satisfied += r.satisfied;
    m.valid += r.valid;
    m.n1 += r.n1;
    m.n2 += r.n2;
    m.n3 += r.n3;
    m.n4 += r.n4;
    m.n5 += r.n5;
    m.na += r.na;
    m.misuse += r.misuse;
  }
  return [...byItem.values()];
}

function byGroupKey(rows: readonly RollupSum[]): Map<string, RollupSum[]> {
  const byGroup = new Map<string, RollupSum[]>();
  for (const r of rows) {
    let list = byGroup.get(r.group);
    if (!list) byGroup.set(r.group, (list = []));
    list.push(r);
  }
  return byGroup;
}

export interface Labeller {
  site?: (id: string) => LocalizedText | null;
  enumerator?: (id: string) => LocalizedText | null;
}

/**
 * The report for the filter and, for a breakdown, one group per element, criterion, day, site, procedure, enumerator
 * or kind of site (blocks: pooled counts of their sites, and their unit mean). `units` are the selected sites: with
 * more than one, the answer carries their unit mean.
 */
export async function scoreFilter(
  db: Db,
  form: FormDefinition,
  filter: RollupFilter,
  breakdown: Breakdown,
  labels: Labeller = {},
  units: readonly Unit[] = [],
): Promise<ScoresResult> {
  const needSites = breakdown === 'site' || breakdown === 'kind' || units.length > 1;
  // With the per-site sums at hand the totals are their sum: one read of the rollup instead of two.
  const bySite = needSites ? await sumRollup(db, filter, 'site') : null;
  const report = reportFromSums(form, bySite ? mergeSums(bySite) : await sumRollup(db, filter, 'none'));
  const siteRows = bySite ? byGroupKey(bySite) : new Map<string, RollupSum[]>();
  const siteReports = new Map([...siteRows.entries()].map(([id, list]) => [id, reportFromSums(form, list)]));
  const meanOf = (ids: readonly string[]) => unitMean(ids.map((id) => siteReports.get(id)?.headline.value ?? null));
  const mean = units.length > 1 ? meanOf(units.map((u) => u.id)) : undefined;
  const result = (groups: Group[]): ScoresResult => (mean ? { report, groups, unitMean: mean } : { report, groups });
  if (breakdown === 'element') {
    return result((report.index?.elements ?? []).map((e) => ({ key: e.elementId, label: e.label, responses: report.responses, ...figure(e) })));
  }
  if (breakdown === 'criterion') {
    if (report.kiosk) {
      // A kiosk form has one "criterion": its faces; the groups are the levels.
      const total = report.kiosk.satisfied.n;
      return result(
        report.kiosk.distribution.map((d) => ({ key: String(d.level), label: d.label, responses: d.count, n: total, value: d.share, low: null, high: null, smallSample: total < 30, k: d.count })),
      );
    }
    return result((report.index?.criteria ?? []).map((c) => ({ key: c.itemId, label: c.label, responses: report.responses, ...figure(c) })));
  }
  if (breakdown === 'kind') {
    return result(
      groupByKind(units, SITE_KINDS).map((block) => {
        const ids = block.sites.map((s) => s.id);
        const g = groupOf(block.kind, null, reportFromSums(form, mergeSums(ids.flatMap((id) => siteRows.get(id) ?? []))));
        g.siteIds = ids;
        if (ids.length > 1) g.unitMean = meanOf(ids);
        return g;
      }),
    );
  }
  const by: RollupGroup = breakdown;
  const grouped = by === 'site' ? siteRows : byGroupKey(await sumRollup(db, filter, by));
  const label = (key: string): LocalizedText | null =>
    by === 'site' ? (labels.site?.(key) ?? null) : by === 'enumerator' ? (labels.enumerator?.(key) ?? null) : null;
  const groups = [...grouped.entries()].map(([key, list]) => groupOf(key, label(key), siteReports.get(key) ?? reportFromSums(form, list)));
  groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return result(groups);
}

const NO_FIGURE: Figure = { n: 0, value: null, low: null, high: null, smallSample: true };

function meanChange(current: UnitMean, baseline: UnitMean | undefined): UnitMeanJson {
  const b = baseline ?? unitMean([]);
  return { ...current, change: { baseline: b, points: current.value === null || b.value === null ? null : current.value - b.value } };
}

function changesOf<T extends Figure>(current: readonly T[], baseline: readonly T[], key: (x: T) => string): Record<string, Change> {
  const base = new Map(baseline.map((b) => [key(b), b]));
  return Object.fromEntries(current.map((c) => [key(c), compareFigures(c, base.get(key(c)) ?? NO_FIGURE)]));
}

/**
 * Adds the baseline period's figures to the current result, in place: the headline, every group and its elements,
 * unit means; returns what the answer's `comparison` says about the whole (elements and criteria by id).
 */
export function attachChanges(current: ScoresResult, baseline: ScoresResult, compare: Compare, period: { from: string; to: string }): ComparisonJson {
  current.report.headline.change = compareFigures(current.report.headline, baseline.report.headline);
  if (current.unitMean) current.unitMean = meanChange(current.unitMean, baseline.unitMean);
  const baseGroups = new Map(baseline.groups.map((g) => [g.key, g]));
  for (const g of current.groups) {
    const b = baseGroups.get(g.key);
    g.change = compareFigures(g, b ?? NO_FIGURE);
    if (g.elements) {
      const be = new Map((b?.elements ?? []).map((e) => [e.elementId, e]));
      for (const e of g.elements) e.change = compareFigures(e, be.get(e.elementId) ?? NO_FIGURE);
    }
    if (g.unitMean) g.unitMean = meanChange(g.unitMean, b?.unitMean);
  }
  const ci = current.report.index;
  const bi = baseline.report.index;
  return {
    compare,
    period,
    responses: baseline.report.responses,
    elements: ci ? changesOf(ci.elements, bi?.elements ?? [], (e) => e.elementId) : {},
    criteria: ci ? changesOf(ci.criteria, bi?.criteria ?? [], (c) => c.itemId) : {},
  };
}
