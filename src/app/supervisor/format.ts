// Figures as supervisors read them: "90,15%", "n = 1.576", intervals and dates in vi-VN (or en) style.
import { formatDate, formatNumber, formatPercent, intlLocale } from '../../core/format';
import type { Figure } from '../../core/protocol/scores';

const DASH = '—';

export function pct(value: number | null | undefined, lang: string, digits = 2): string {
  return value === null || value === undefined ? DASH : formatPercent(value, lang, digits);
}

export function num(value: number, lang: string): string {
  return formatNumber(value, lang, 0);
}

export function interval(f: Pick<Figure, 'low' | 'high'>, lang: string): string {
  if (f.low === null || f.high === null) return DASH;
  return `${formatNumber(f.low, lang, 1)}–${formatPercent(f.high, lang, 1)}`;
}

/** A YYYY-MM-DD local day as "27/11/2026" (both languages write day/month/year). */
export function day(d: string, lang: string): string {
  return formatDate(`${d}T12:00:00Z`, lang, 'UTC');
}

export function shortDay(d: string): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}`;
}

export function minutes(ms: number, lang: string): string {
  return formatNumber(ms / 60_000, lang, 1);
}

const pointFormats = new Map<string, Intl.NumberFormat>();

/** A change or gap in percentage points, always two decimals ("8,70", "13,37") so a column of them lines up. */
export function points(value: number, lang: string): string {
  let f = pointFormats.get(lang);
  if (!f) pointFormats.set(lang, (f = new Intl.NumberFormat(intlLocale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 })));
  return f.format(value);
}
