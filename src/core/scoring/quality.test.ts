// Quality flags: each one raised when it should be and not otherwise.
import { describe, expect, it } from 'vitest';
import { FormDefinition, type FormInput } from '../forms/schema';
import type { Answers } from '../response/schema';
import { hasClockSkew, isStraightLining, isTooFast, median, qualityFlags, responseDurationMs } from './quality';

const L = (s: string) => ({ vi: s, en: s });
const ids = Array.from({ length: 12 }, (_, i) => `q${i + 1}`);
const form = FormDefinition.parse({
  id: 'test-quality',
  version: 1,
  kind: 'interview',
  title: L('t'),
  scale: { levels: [1, 2, 3, 4, 5].map((i) => L(`${i}`)), na: L('na') },
  sections: [
    { id: 's', title: L('s'), items: [...ids.map((id) => ({ id, type: 'likert5' as const, label: L(id) })), { id: 'age', type: 'number', label: L('age') }] },
  ],
} satisfies FormInput);

const fill = (values: (number | string)[]): Answers => Object.fromEntries(values.map((v, i) => [ids[i]!, v]));
const at = (min: number) => new Date(Date.UTC(2026, 0, 5, 2, 0) + min * 60_000).toISOString().replace('Z', '+00:00');

describe('too-fast', () => {
  it('flags under half the median duration, not at or over it, and never without a median', () => {
    expect(isTooFast(4 * 60_000, 10 * 60_000)).toBe(true);
    expect(isTooFast(5 * 60_000, 10 * 60_000)).toBe(false);
    expect(isTooFast(6 * 60_000, 10 * 60_000)).toBe(false);
    expect(isTooFast(1000, null)).toBe(false);
  });
  it('measures completedAt − startedAt across offsets', () => {
    expect(responseDurationMs({ startedAt: '2026-01-05T09:00:00+07:00', completedAt: '2026-01-05T02:07:30+00:00' })).toBe(450_000);
  });
  it('median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('straight-lining', () => {
  it('flags the same answer on 10 numerically answered likert5 items', () => {
    expect(isStraightLining(form, fill(Array(10).fill(4)))).toBe(true);
    expect(isStraightLining(form, { ...fill([...Array(10).fill(3), 'na', 'na']), age: 3 })).toBe(true);
  });
  it('does not flag 9 equal answers plus "na", nor 10 with one different', () => {
    expect(isStraightLining(form, fill([...Array(9).fill(4), 'na']))).toBe(false);
    expect(isStraightLining(form, fill([...Array(9).fill(4), 5]))).toBe(false);
  });
});

describe('clock-skew', () => {
  const receivedAt = at(0);
  it('flags completedAt more than 10 minutes from receipt, not 5', () => {
    expect(hasClockSkew(at(-11), { receivedAt })).toBe(true);
    expect(hasClockSkew(at(-5), { receivedAt })).toBe(false);
  });
  it('flags completion in the future beyond the tolerance, not within it', () => {
    expect(hasClockSkew(at(3), { receivedAt })).toBe(true);
    expect(hasClockSkew(at(1), { receivedAt })).toBe(false);
  });
  it('with the device clock at sending, a response held offline for days is not skewed; a clock 15 min off is', () => {
    expect(hasClockSkew(at(-3 * 24 * 60), { receivedAt, deviceClockAt: at(0.5) })).toBe(false);
    expect(hasClockSkew(at(-3 * 24 * 60), { receivedAt, deviceClockAt: at(-15) })).toBe(true);
  });
  it('honours a custom threshold', () => {
    expect(hasClockSkew(at(-11), { receivedAt, thresholdMs: 60 * 60_000 })).toBe(false);
  });
});

describe('qualityFlags', () => {
  const base = { startedAt: at(-20), completedAt: at(-1), answers: fill([1, 2, 3]), flags: [] as string[] };
  it('a good response has no flag', () => {
    expect(qualityFlags(form, base, { medianDurationMs: 20 * 60_000, clock: { receivedAt: at(0) } })).toEqual([]);
  });
  it('collects every flag that applies, kiosk misuse from the client flag', () => {
    const bad = { startedAt: at(-30), completedAt: at(-28), answers: fill(Array(12).fill(5)), flags: ['kiosk-misuse'] };
    expect(qualityFlags(form, bad, { medianDurationMs: 20 * 60_000, clock: { receivedAt: at(0) } })).toEqual([
      'too-fast',
      'straight-lining',
      'clock-skew',
      'kiosk-misuse',
    ]);
  });
  it('skips what it has no input for', () => {
    const fast = { ...base, startedAt: at(-2) };
    expect(qualityFlags(form, fast)).toEqual([]);
    expect(qualityFlags(form, { ...base, flags: ['followup-unanswered'] })).toEqual([]);
  });
});
