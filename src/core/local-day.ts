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

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's clock is ahead of UTC at an instant (ms). */
function zoneOffsetMs(atMs: number, timeZone: string): number {
  let f = clockFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    clockFormats.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(atMs))) p[part.type] = part.value;
  const clock = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return clock - Math.floor(atMs / 1000) * 1000;
}

/** The instant a local day ('YYYY-MM-DD') begins in the zone: '2026-11-27' begins at 2026-11-26T17:00:00Z in Ho Chi Minh City. */
export function localDayStart(day: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const [y, m, d] = day.split('-').map(Number);
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // Twice: the offset at the first guess may differ from the one at the true start (a change of rules that night).
  const guess = midnightAsUtc - zoneOffsetMs(midnightAsUtc, timeZone);
  return new Date(midnightAsUtc - zoneOffsetMs(guess, timeZone));
}

/**
 * The instant as the site's wall clock with its offset, ISO 8601 to the second: 2026-11-26T03:59:00Z is
 * '2026-11-26T10:59:00+07:00' in Ho Chi Minh City. Exports use it: local to read, still one exact instant to parse.
 */
export function localDateTime(value: string | Date | number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(value)}`);
  const offset = zoneOffsetMs(ms, timeZone);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const minutes = Math.round(Math.abs(offset) / 60000);
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
