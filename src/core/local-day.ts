// The site's calendar day of an instant: scores and daily samples count by the desk's day, not by UTC's.
import { DEFAULT_TIME_ZONE } from './format';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    // An unknown zone throws a RangeError here, which is what a caller should see.
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** 'YYYY-MM-DD' of the instant in the zone: 2026-11-26T18:00:00Z is '2026-11-27' in Ho Chi Minh City. */
export function localDay(value: string | Date | number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  const parts: Record<string, string> = {};
  for (const p of dayFormat(timeZone).formatToParts(d)) parts[p.type] = p.value;
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
}
