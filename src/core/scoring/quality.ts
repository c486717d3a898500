// Quality flags on a response, so a supervisor can see which interviews to doubt before trusting the figures.
import { allItems, type FormDefinition } from '../forms/schema';
import type { Answers } from '../response/schema';
import { isValidLikert } from './indices';

export const QUALITY_FLAGS = ['too-fast', 'straight-lining', 'clock-skew', 'kiosk-misuse'] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

export const STRAIGHT_LINING_MIN_ITEMS = 10;
const CLOCK_SKEW_THRESHOLD_MS = 10 * 60_000;
const FUTURE_TOLERANCE_MS = 2 * 60_000;

export type Instant = string | number | Date;

function ms(t: Instant, what: string): number {
  const v = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(v)) throw new RangeError(`${what} is not a valid time: ${String(t)}`);
  return v;
}

/**
 * A response's duration: completedAt − startedAt, wall clock. This (not the per-section durationMs) is the
 * definition everywhere, because the server can compute it and its median in SQL from two columns.
 */
export function responseDurationMs(r: { startedAt: string; completedAt: string }): number {
  return ms(r.completedAt, 'completedAt') - ms(r.startedAt, 'startedAt');
}

/** Median of a list (mean of the middle two for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Under half the median duration of the same form at the same site. No median (no data yet): never too fast. */
export function isTooFast(durationMs: number, medianDurationMs: number | null | undefined): boolean {
  if (medianDurationMs === null || medianDurationMs === undefined || !(medianDurationMs > 0)) return false;
  return durationMs < medianDurationMs / 2;
}

/**
 * The same number given to every likert5 item answered with a number, across at least `minItems` of them
 * ("na" and blanks are ignored, not counted).
 */
export function isStraightLining(form: FormDefinition, answers: Answers, minItems: number = STRAIGHT_LINING_MIN_ITEMS): boolean {
  const values: number[] = [];
  for (const item of allItems(form)) {
    if (item.type !== 'likert5') continue;
    const v = answers[item.id];
    if (isValidLikert(v)) values.push(v);
  }
  return values.length >= minItems && values.every((v) => v === values[0]);
}

export interface ClockCheck {
  /** Server time the response arrived. */
  receivedAt: Instant;
  /**
   * The device's own clock when it sent the batch, if the sync protocol carries it. It measures the device's
   * clock offset directly; without it completedAt stands in, and a response held offline for longer than the
   * threshold cannot be told from a skewed clock and is flagged too.
   */
  deviceClockAt?: Instant | null;
  thresholdMs?: number;
  /** completedAt may be this far after receipt (network, small drift) before it counts as "in the future". */
  futureToleranceMs?: number;
}

/** Device clock far from the server's: |device time − receivedAt| > threshold, or completed after it arrived. */
export function hasClockSkew(completedAt: Instant, check: ClockCheck): boolean {
  const received = ms(check.receivedAt, 'receivedAt');
  const completed = ms(completedAt, 'completedAt');
  if (completed - received > (check.futureToleranceMs ?? FUTURE_TOLERANCE_MS)) return true;
  const device = check.deviceClockAt !== undefined && check.deviceClockAt !== null ? ms(check.deviceClockAt, 'deviceClockAt') : completed;
  return Math.abs(device - received) > (check.thresholdMs ?? CLOCK_SKEW_THRESHOLD_MS);
}

export interface QualityInput {
  /** Median duration (ms) of this form at this site; null/absent skips 'too-fast'. */
  medianDurationMs?: number | null;
  /** Absent skips 'clock-skew' (e.g. on the tablet, before the response is sent). */
  clock?: ClockCheck | null;
  straightLiningMinItems?: number;
}

export type QualityResponse = {
  answers: Answers;
  startedAt: string;
  completedAt: string;
  flags?: readonly string[];
};

/** Every quality flag that applies to one response, in QUALITY_FLAGS order. */
export function qualityFlags(form: FormDefinition, response: QualityResponse, input: QualityInput = {}): QualityFlag[] {
  const on: Record<QualityFlag, boolean> = {
    'too-fast': isTooFast(responseDurationMs(response), input.medianDurationMs),
    'straight-lining': isStraightLining(form, response.answers, input.straightLiningMinItems),
    'clock-skew': input.clock ? hasClockSkew(response.completedAt, input.clock) : false,
    'kiosk-misuse': response.flags?.includes('kiosk-misuse') ?? false,
  };
  return QUALITY_FLAGS.filter((f) => on[f]);
}
