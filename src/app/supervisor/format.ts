// Figures as supervisors read them: "90,15%", "n = 1.576", intervals and dates in vi-VN (or en) style.
import { formatDate, formatNumber, formatPercent } from '../../core/format';
import type { Figure } from './types';

export const DASH = '—';

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

/** Today's local day in Vietnam, the default the dashboard opens on. */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The range a period covers, as the server computes it (used for labels and the trend window). */
export function periodRange(kind: 'day' | 'week' | 'month' | 'custom', from: string, to: string): { from: string; to: string } {
  if (kind === 'day') return { from, to: from };
  if (kind === 'week') {
    const dow = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
    return { from: addDays(from, -dow), to: addDays(from, 6 - dow) };
  }
  if (kind === 'month') {
    const d = new Date(`${from}T00:00:00Z`);
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  }
  return { from, to: to < from ? from : to };
}
