// The summary sheet of an export: the indices with n and interval, laid out as rows beside the data they came from.
import type { LocalizedText } from '../forms/schema';
import type { IndexReport } from '../scoring/indices';
import type { KioskScore } from '../scoring/kiosk';
import { SMALL_SAMPLE_BELOW, type Estimate } from '../scoring/wilson';
import { SUMMARY_HEADER, SUMMARY_LEVELS, YES_NO, type ExportLocale } from './labels';
import type { Cell } from './rows';

export function summaryHeader(locale: ExportLocale): string[] {
  return [...(SUMMARY_HEADER[locale] as string[])];
}

function row(level: keyof typeof SUMMARY_LEVELS, id: string, label: LocalizedText | null, e: Estimate, locale: ExportLocale): Cell[] {
  return [
    SUMMARY_LEVELS[level][locale],
    id,
    label ? (label[locale] ?? label.vi) : null,
    e.value,
    e.n,
    e.low,
    e.high,
    YES_NO[locale][e.smallSample ? 0 : 1],
  ];
}

/** Overall, then each element followed by its criteria. Figures are unrounded percentages; null when no data. */
export function summaryRows(report: IndexReport, locale: ExportLocale): Cell[][] {
  return [
    row('overall', report.formId, null, report.overall, locale),
    ...report.elements.flatMap((e) => [
      row('element', e.elementId, e.label, e, locale),
      ...e.criteria.map((c) => row('criterion', c.itemId, c.label, c, locale)),
    ]),
  ];
}

/** The kiosk share satisfied, then each level's count (n) and share (without an interval). */
export function kioskSummaryRows(score: KioskScore, locale: ExportLocale): Cell[][] {
  const total = score.satisfied.n;
  return [
    row('kiosk', score.ratingItem, null, score.satisfied, locale),
    ...score.distribution.map((d) => [
      SUMMARY_LEVELS.level[locale],
      d.level,
      d.label[locale] ?? d.label.vi,
      d.share,
      d.count,
      null,
      null,
      YES_NO[locale][total < SMALL_SAMPLE_BELOW ? 0 : 1],
    ]),
  ];
}
