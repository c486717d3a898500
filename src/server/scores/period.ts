// Periods a supervisor asks for (day, week, month, custom) as inclusive ranges of the site's local days.
import { localDay } from '../../core/local-day';
import { Problem } from '../problems';

export const PERIODS = ['day', 'week', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIODS)[number];

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A custom range longer than this is refused: scores stay cheap, exports stay a day's or a season's sample. */
export const MAX_RANGE_DAYS = 1_100;

function parseDay(value: string, name: string): number {
  const ms = DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== value)
    throw new Problem('400.1', `${name} must be a date YYYY-MM-DD, got "${value}"`, [{ path: name, message: 'expected YYYY-MM-DD' }]);
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export function addDays(day: string, n: number): string {
  return iso(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * day: the day `from` (default today); week: Monday–Sunday around it; month: its calendar month;
 * custom: from–to inclusive. "Today" is the local day in Vietnam unless a zone is given.
 */
export function resolvePeriod(kind: string | undefined, from: string | undefined, to: string | undefined, now: Date, timeZone?: string): Period {
  const k = (kind ?? 'month') as PeriodKind;
  if (!PERIODS.includes(k)) throw new Problem('400.1', `period must be one of ${PERIODS.join(', ')}`, [{ path: 'period', message: 'unknown period' }]);
  const anchor = from ?? localDay(now, timeZone);
  const a = parseDay(anchor, 'from');
  if (k === 'day') return { kind: k, from: anchor, to: anchor };
  if (k === 'week') {
    const dow = (new Date(a).getUTCDay() + 6) % 7; // Monday = 0
    return { kind: k, from: iso(a - dow * DAY_MS), to: iso(a + (6 - dow) * DAY_MS) };
  }
  if (k === 'month') {
    const d = new Date(a);
    const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
    return { kind: k, from: iso(first), to: iso(last) };
  }
  if (!to) throw new Problem('400.1', 'a custom period needs both from and to', [{ path: 'to', message: 'required' }]);
  const b = parseDay(to, 'to');
  if (b < a) throw new Problem('400.1', 'to is before from', [{ path: 'to', message: 'before from' }]);
  if ((b - a) / DAY_MS > MAX_RANGE_DAYS) throw new Problem('400.1', `a custom period may span at most ${MAX_RANGE_DAYS} days`, [{ path: 'to', message: 'range too long' }]);
  return { kind: k, from: anchor, to };
}
