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
