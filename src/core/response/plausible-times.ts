// Bounds a response's times must keep to be believed, so an impossible date is refused at the door instead of breaking the scores.
import type { FieldError } from '../protocol/problems';

/** No response can predate the product's first pilot; anything earlier is a tablet clock that was never set. */
const EARLIEST_COMPLETED = Date.UTC(2015, 0, 1);
const DAY_MS = 86_400_000;
/** A tablet clock a little fast, or a site far to the east, is fine; a day beyond the server's clock is not. */
const FUTURE_SLACK_MS = DAY_MS;
/** An interview left open over a long weekend is still an interview; a week is a draft that should not count. */
const MAX_OPEN_MS = 7 * DAY_MS;
/** Time spent on one section; more is a clock jump, not a person. */
const MAX_SECTION_MS = DAY_MS;
/** Real zones run from UTC−12:00 to UTC+14:00; ISO allows any two digits. */
const MAX_OFFSET_MINUTES = 14 * 60;

interface Times {
  startedAt: string;
  completedAt: string;
  durationMs: Record<string, number>;
}

function offsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function offsetProblem(field: 'startedAt' | 'completedAt', iso: string): FieldError | null {
  return Math.abs(offsetMinutes(iso)) > MAX_OFFSET_MINUTES ? { path: field, message: `${field}: the offset ${iso.slice(-6)} is beyond ±14:00` } : null;
}

/**
 * The first time field out of bounds, named, or null. `nowMs` is the server's clock at receipt, so the same
 * response judged again (a replay) by the same receipt time gets the same verdict. Four-digit years follow from
 * the bounds: completion within 2015 … now + 1 day, and a start at most 7 days before it (never after: the schema).
 */
export function implausibleTime(r: Times, nowMs: number): FieldError | null {
  const bad = offsetProblem('completedAt', r.completedAt) ?? offsetProblem('startedAt', r.startedAt);
  if (bad) return bad;
  const completed = Date.parse(r.completedAt);
  if (!(completed >= EARLIEST_COMPLETED)) return { path: 'completedAt', message: 'completedAt: before 2015-01-01, the tablet clock is not set' };
  if (completed > nowMs + FUTURE_SLACK_MS) return { path: 'completedAt', message: 'completedAt: more than a day after the server clock, the tablet clock is wrong' };
  if (!(completed - Date.parse(r.startedAt) <= MAX_OPEN_MS)) return { path: 'startedAt', message: 'startedAt: more than 7 days before completedAt' };
  for (const [section, ms] of Object.entries(r.durationMs)) {
    if (ms > MAX_SECTION_MS) return { path: `durationMs.${section}`, message: `durationMs.${section}: more than 24 hours on one section` };
  }
  return null;
}
