// The kiosk share satisfied: misuse kept out but counted, distribution per face, follow-up reasons.
import { describe, expect, it } from 'vitest';
import { FormDefinition, type FormInput } from '../forms/schema';
import type { Answers } from '../response/schema';
import { computeKiosk, scoreKiosk, tallyKiosk } from './kiosk';
import { wilson } from './wilson';

const L = (s: string) => ({ vi: s, en: s });
const desk = FormDefinition.parse({
  id: 'test-desk',
  version: 1,
  kind: 'kiosk',
  title: L('desk'),
  sections: [
    {
      id: 'rate',
      title: L('rate'),
      items: [
        { id: 'overall', type: 'rating', label: L('How was it?'), levels: 5, labels: [1, 2, 3, 4, 5].map((i) => L(`face ${i}`)), satisfiedAtLeast: 4 },
        {
          id: 'reasons',
          type: 'multi',
          label: L('What was not good?'),
          showIf: { item: 'overall', op: 'lte', value: 2 },
          options: ['wait', 'trips', 'attitude'].map((v) => ({ value: v, label: L(v) })),
        },
        { id: 'comment', type: 'longtext', label: L('comment') },
      ],
    },
  ],
  kiosk: { ratingItem: 'overall', followUpAtMost: 2, followUpItems: ['reasons', 'comment'] },
} satisfies FormInput);

const r = (answers: Answers, flags: string[] = []) => ({ answers, flags });

describe('kiosk share satisfied', () => {
  const responses = [
    r({ overall: 5 }),
    r({ overall: 4 }),
    r({ overall: 4 }),
    r({ overall: 3 }),
    r({ overall: 1, reasons: ['wait', 'attitude'] }),
    r({ overall: 2, reasons: ['wait'], comment: 'lâu quá' }),
    r({ overall: 1 }, ['followup-unanswered']),
    r({ overall: 5 }, ['kiosk-misuse']),
    r({ overall: 1, reasons: ['trips'] }, ['kiosk-misuse']),
    r({ comment: 'no rating' }),
  ];
  const score = scoreKiosk(desk, responses);

  it('counts ratings at or above satisfiedAtLeast, misuse-flagged ones excluded but counted apart', () => {
    expect(score.satisfied.k).toBe(3);
    expect(score.satisfied.n).toBe(7);
    expect(score.satisfied.value).toBeCloseTo((3 / 7) * 100, 10);
    expect(score.satisfied.low).toBeCloseTo(wilson(3, 7).low!, 10);
    expect(score.satisfied.smallSample).toBe(true);
    expect(score.excludedMisuse).toBe(2);
    expect(score.followUpUnanswered).toBe(1);
  });

  it('gives the distribution per level of the counted ratings', () => {
    expect(score.distribution.map((d) => [d.level, d.count, d.satisfied])).toEqual([
      [1, 2, false],
      [2, 1, false],
      [3, 1, false],
      [4, 2, true],
      [5, 1, true],
    ]);
    expect(score.distribution[0]!.share).toBeCloseTo((2 / 7) * 100, 10);
    expect(score.distribution[0]!.label.vi).toBe('face 1');
  });

  it('counts follow-up reasons of counted ratings only', () => {
    expect(score.followUps).toHaveLength(1);
    const reasons = score.followUps[0]!;
    expect(reasons.answered).toBe(2);
    expect(reasons.options.map((o) => [o.value, o.count])).toEqual([
      ['wait', 2],
      ['trips', 0],
      ['attitude', 1],
    ]);
  });

  it('the count path gives the same figure', () => {
    expect(computeKiosk(desk, tallyKiosk(desk, responses))).toEqual(score);
    expect(computeKiosk(desk, { byLevel: { 4: 2, 5: 1, 1: 2, 2: 1, 3: 1 }, misuse: 2, followUpUnanswered: 1, followUps: { reasons: { answered: 2, options: { wait: 2, attitude: 1 } } } })).toEqual(score);
  });

  it('no ratings: no figure, no NaN', () => {
    const empty = scoreKiosk(desk, []);
    expect(empty.satisfied).toMatchObject({ n: 0, value: null, low: null, high: null });
    expect(empty.distribution.every((d) => d.share === null)).toBe(true);
  });

  it('refuses a level the form does not have, and an interview form', () => {
    expect(() => computeKiosk(desk, { byLevel: { 6: 1 }, misuse: 0 })).toThrow(/level 6/);
    const interview = FormDefinition.parse({
      id: 'i',
      version: 1,
      kind: 'interview',
      title: L('i'),
      sections: [{ id: 's', title: L('s'), items: [{ id: 'c', type: 'text', label: L('c') }] }],
    } satisfies FormInput);
    expect(() => computeKiosk(interview, { byLevel: {}, misuse: 0 })).toThrow(/not a kiosk form/);
  });
});
