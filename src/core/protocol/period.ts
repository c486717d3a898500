// Periods a supervisor asks for (day, week, month, custom) as inclusive ranges of local days: the server answers for
// the range this computes, and the dashboard labels and draws the same range.

export const PERIODS = ['day', 'week', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIODS)[number];

export interface Period {
  kind: PeriodKind;
  /** First local day, YYYY-MM-DD. */
  from: string;
  /** Last local day, inclusive. */
  to: string;
}

/** A custom range longer than this is refused: scores stay cheap, exports stay a day's or a season's sample. */
export const MAX_RANGE_DAYS = 1_100;

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Whether the text is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = msOf(value);
  return Number.isFinite(ms) && iso(ms) === value;
}

export function addDays(day: string, n: number): string {
  return iso(msOf(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / DAY_MS);
}

/**
 * day: the day `from`; week: Monday–Sunday around it; month: its calendar month; custom: from–to inclusive
 * (a `to` before `from` is read as `from`; the server refuses it before asking).
 */
export function periodRange(kind: PeriodKind, from: string, to: string): { from: string; to: string } {
  if (kind === 'day') return { from, to: from };
  const a = msOf(from);
  if (kind === 'week') {
    const dow = (new Date(a).getUTCDay() + 6) % 7; // Monday = 0
    return { from: iso(a - dow * DAY_MS), to: iso(a + (6 - dow) * DAY_MS) };
  }
  if (kind === 'month') {
    const d = new Date(a);
    return { from: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)), to: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)) };
  }
  return { from, to: to < from ? from : to };
}

/** What a period is compared with: the period before it, or the same period a year earlier. */
export const COMPARES = ['previous', 'year'] as const;
export type Compare = (typeof COMPARES)[number];

/** The same calendar day a year earlier; 29 February becomes 28 February. */
function yearEarlier(day: string): string {
  const y = Number(day.slice(0, 4)) - 1;
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/**
 * The baseline of a period. previous: the day, week or calendar month before; a custom range, the same number of
 * days just before it. year: the same month, or the same days, a year earlier; a week, 52 weeks earlier so it runs
 * Monday–Sunday again (desks differ by weekday).
 */
export function baselineRange(kind: PeriodKind, range: { from: string; to: string }, compare: Compare): { from: string; to: string } {
  if (compare === 'previous') {
    if (kind === 'month') return periodRange('month', addDays(range.from, -1), range.from);
    const len = daysBetween(range.from, range.to) + 1;
    return { from: addDays(range.from, -len), to: addDays(range.to, -len) };
  }
  if (kind === 'week') return { from: addDays(range.from, -364), to: addDays(range.to, -364) };
  if (kind === 'month') return periodRange('month', yearEarlier(range.from), range.from);
  return { from: yearEarlier(range.from), to: yearEarlier(range.to) };
}
