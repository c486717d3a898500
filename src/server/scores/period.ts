// Reads the period a supervisor asks for: checks the query, then takes the range from core's period arithmetic.
import { localDay } from '../../core/local-day';
import { isDay, MAX_RANGE_DAYS, daysBetween, PERIODS, periodRange, type Period, type PeriodKind } from '../../core/protocol/period';
import { problem } from '../../core/protocol/problems';

function checkDay(value: string, name: string): string {
  if (!isDay(value)) throw problem.badDate({ name, value });
  return value;
}

/**
 * day: the day `from` (default today); week: Monday–Sunday around it; month: its calendar month;
 * custom: from–to inclusive. "Today" is the local day in Vietnam unless a zone is given.
 */
export function resolvePeriod(kind: string | undefined, from: string | undefined, to: string | undefined, now: Date, timeZone?: string): Period {
  const k = (kind ?? 'month') as PeriodKind;
  if (!PERIODS.includes(k)) throw problem.unknownPeriod({ allowed: PERIODS });
  const anchor = checkDay(from ?? localDay(now, timeZone), 'from');
  if (k === 'custom') {
    if (!to) throw problem.customPeriodNeedsTo();
    checkDay(to, 'to');
    if (to < anchor) throw problem.periodBackwards();
    if (daysBetween(anchor, to) > MAX_RANGE_DAYS) throw problem.periodTooLong({ maxDays: MAX_RANGE_DAYS });
  }
  return { kind: k, ...periodRange(k, anchor, to ?? anchor) };
}
