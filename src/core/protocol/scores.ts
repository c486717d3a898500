// Scores, quality flags and one response's detail as /api/v1 writes them for the supervisor's dashboard.
import type { LocalizedText } from '../forms/schema';
import type { Change, UnitMean } from '../scoring/compare';
import type { FlaggedResponse } from '../scoring/flagged-response';
import type { IndexReport } from '../scoring/indices';
import type { KioskScore } from '../scoring/kiosk';
import type { QualityFlag } from '../scoring/quality';
import type { Estimate } from '../scoring/wilson';
import type { FormSummary } from './forms';
import type { Compare, Period, PeriodKind } from './period';
import type { Exclusion } from './responses';
import type { SiteJson } from './sites';

export const BREAKDOWNS = ['element', 'criterion', 'procedure', 'enumerator', 'day', 'site', 'kind'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface Figure extends Estimate {
  /** Satisfied count behind the figure when it is a plain k of n (criteria, kiosk share). */
  k?: number;
  /** With compare=: the same figure in the baseline period and the change from it. */
  change?: Change;
}

/** A unit mean (see core/scoring/compare) and, with compare=, the baseline's unit mean and the change in points. */
export interface UnitMeanJson extends UnitMean {
  change?: { baseline: UnitMean; points: number | null };
}

export interface Group extends Figure {
  key: string;
  label: LocalizedText | null;
  /** Responses stored for the group (every response, whatever it answered). */
  responses: number;
  /** Interview forms: the element figures of the group. */
  elements?: (Figure & { elementId: string })[];
  /** breakdown=kind: the selected sites of the block. */
  siteIds?: string[];
  /** breakdown=kind, a block of more than one site: the mean of its sites' headline figures, beside the pooled one. */
  unitMean?: UnitMeanJson;
}

/** The query every score, quality and export request shares. */
export interface ScopeQuery {
  form: string;
  /** One version only; without it every version is pooled under the latest definition. */
  version?: string;
  /** Comma-separated site ids; none = every site in scope. */
  sites?: string;
  period?: PeriodKind;
  /** The day, or a day in the week/month (default today); start of a custom range. */
  from?: string;
  to?: string;
}

/** GET /api/v1/scores */
export interface ScoresQuery extends ScopeQuery {
  breakdown?: Breakdown;
  /** Add a baseline and the change to the headline, elements, criteria and groups. */
  compare?: Compare;
}

/** What compare= adds to the whole answer: the baseline period and its changes keyed by element and criterion id. */
export interface ComparisonJson {
  compare: Compare;
  period: { from: string; to: string };
  responses: number;
  elements: Record<string, Change>;
  criteria: Record<string, Change>;
}

export interface ScoresJson {
  form: FormSummary;
  period: Period;
  sites: SiteJson[];
  responses: number;
  /** The overall index, or the kiosk share satisfied (with compare=, its change). */
  headline: Figure;
  /** More than one site selected: the mean of the sites' headline figures, beside the pooled headline. */
  unitMean?: UnitMeanJson;
  comparison: ComparisonJson | null;
  index: IndexReport | null;
  kiosk: KioskScore | null;
  breakdown: Breakdown;
  groups: Group[];
}

/** GET /api/v1/quality */
export interface QualityQuery extends ScopeQuery {
  /** Comma-separated quality flags. */
  flags?: string;
  limit?: number;
}

export interface QualityJson {
  form: { id: string; version: number };
  period: Period;
  checked: number;
  /**
   * Responses of the form and sites (any day) stored before the time bounds existed and outside them: kept, but left
   * out of every score. Absent from servers older than this field.
   */
  excluded?: number;
  counts: Record<QualityFlag, number>;
  flaggedResponses: number;
  medians: { siteId: string; medianMs: number }[];
  items: FlaggedResponse[];
  truncated: boolean;
}

/** GET /api/v1/exports/responses.csv and .xlsx */
export interface ExportQuery extends ScopeQuery {
  /** Language of the header, codebook and summary. */
  lang?: 'vi' | 'en';
}

/** GET /api/v1/responses/:id: one stored response with its answers labelled, for the drill-down from a flag. */
export interface ResponseDetail {
  id: string;
  form: { id: string; version: number; title: LocalizedText | null };
  site: { id: string; code: string | null; name: string | null };
  localDay: string;
  mode: string;
  enumeratorId: string | null;
  procedure: { code: string; name: string } | null;
  startedAt: string;
  completedAt: string;
  receivedAt: string;
  durationMs: number;
  clientFlags: string[];
  flags: QualityFlag[];
  answers: { id: string; type: string | null; label: LocalizedText | null; element: string | null; value: unknown; valueLabel: LocalizedText | null }[];
  /** Left out of the scores, and why (absent from servers older than issue 11). */
  excluded?: Exclusion | null;
}
