// Criterion, element and overall indices: hand-computed cases, and the count path agreeing with responses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormDefinition, type FormInput } from '../forms/schema';
import type { Answers } from '../response/schema';
import { computeIndices, scoreResponses, scoringPlan, tallyCounts, type CriterionCountMap } from './indices';
import { estimateAt, wilson } from './wilson';

const L = (s: string) => ({ vi: s, en: s });
const scale = { levels: [1, 2, 3, 4, 5].map((i) => L(`level ${i}`)), na: L('na') };
const lik = (id: string, element?: string, weight?: number) => ({ id, type: 'likert5' as const, label: L(id), element, weight });

/** E1 (a1 weight 1, a2 weight 3), E2 weighted 2 (b1, b2), E3 (c1: nobody answers it), plus unscored items. */
const weighted = FormDefinition.parse({
  id: 'test-weighted',
  version: 1,
  kind: 'interview',
  title: L('t'),
  scale,
  sections: [
    { id: 's1', title: L('s1'), items: [lik('a1', 'E1'), lik('a2', 'E1', 3), lik('b1', 'E2'), lik('b2', 'E2')] },
    {
      id: 's2',
      title: L('s2'),
      items: [
        lik('c1', 'E3'),
        lik('unscored'),
        { id: 'sex', type: 'single', label: L('sex'), options: [{ value: 'm', label: L('m') }, { value: 'f', label: L('f') }] },
      ],
    },
  ],
  scoring: { elements: [{ id: 'E1', label: L('E1') }, { id: 'E2', label: L('E2'), weight: 2 }, { id: 'E3', label: L('E3') }] },
} satisfies FormInput);

const answers: Answers[] = [
  { a1: 5, a2: 4, b1: 3, b2: 'na', c1: 'na', unscored: 5, sex: 'f' },
  { a1: 4, a2: 2, b1: 5, b2: 4, c1: null, unscored: 5 },
  { a1: 'na', a2: 1, b1: 4, b2: 5, unscored: 5 },
  { a1: 2, a2: 5, b1: 'na', b2: 1, c1: 'na', unscored: 1 },
  { a1: 'na', a2: 'na', b1: null, unscored: 4 }, // answered nothing valid: not a respondent of any element
];
const responses = answers.map((a) => ({ answers: a }));

describe('hand-computed indices', () => {
  const report = scoreResponses(weighted, responses);
  const crit = Object.fromEntries(report.criteria.map((c) => [c.itemId, c]));
  const el = Object.fromEntries(report.elements.map((e) => [e.elementId, e]));

  it('criterion index = (4s and 5s) ÷ valid answers × 100, "na" and blanks not counted', () => {
    expect([crit.a1!.k, crit.a1!.n]).toEqual([2, 3]);
    expect(crit.a1!.value).toBeCloseTo(66.6667, 4);
    expect([crit.a2!.k, crit.a2!.n, crit.a2!.value]).toEqual([2, 4, 50]);
    expect([crit.b1!.k, crit.b1!.n]).toEqual([2, 3]);
    expect([crit.b2!.k, crit.b2!.n]).toEqual([2, 3]);
    expect(crit.a1!.low).toBeCloseTo(wilson(2, 3).low!, 10);
  });

  it('only likert5 items with an element are criteria', () => {
    expect(report.criteria.map((c) => c.itemId)).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
  });

  it('element index = weighted mean of its criteria: E1 = (66.67·1 + 50·3) ÷ 4 = 54.17', () => {
    expect(el.E1!.value).toBeCloseTo((200 / 3 + 150) / 4, 10);
    expect(el.E1!.value).toBeCloseTo(54.1667, 4);
    expect(el.E2!.value).toBeCloseTo(66.6667, 4);
  });

  it('an element with no valid answer has no index and no interval', () => {
    expect(crit.c1).toMatchObject({ n: 0, value: null, low: null, high: null, smallSample: true });
    expect(el.E3).toMatchObject({ n: 0, value: null, low: null, high: null, smallSample: true });
  });

  it('overall = weighted mean of elements, skipping the empty one: (54.17·1 + 66.67·2) ÷ 3 = 62.5', () => {
    expect(report.overall.value).toBeCloseTo(62.5, 10);
  });

  it('element and overall n are respondents with a valid answer there, and the interval is taken at the figure', () => {
    expect(el.E1!.n).toBe(4);
    expect(el.E2!.n).toBe(4);
    expect(report.overall.n).toBe(4);
    expect([el.E1!.satisfied, el.E1!.valid]).toEqual([4, 7]);
    expect([report.overall.satisfied, report.overall.valid]).toEqual([8, 13]);
    const expected = estimateAt(el.E1!.value, 4);
    expect(el.E1!.low).toBeCloseTo(expected.low!, 10);
    expect(el.E1!.low!).toBeLessThan(el.E1!.value!);
    expect(el.E1!.high!).toBeGreaterThan(el.E1!.value!);
  });

  it('without respondent counts, n falls back to the valid answers', () => {
    const t = tallyCounts(weighted, responses);
    const r = computeIndices(weighted, t.criteria);
    expect(r.elements[0]!.n).toBe(7);
    expect(r.overall.n).toBe(13);
    expect(r.overall.value).toBeCloseTo(62.5, 10);
  });
});

describe('computeIndices from counts', () => {
  it('equal weights by default, elements implied by items when the form declares none', () => {
    const form = FormDefinition.parse({
      id: 'test-equal',
      version: 1,
      kind: 'interview',
      title: L('t'),
      scale,
      sections: [{ id: 's', title: L('s'), items: [lik('x1', 'X'), lik('x2', 'X'), lik('y1', 'Y')] }],
    } satisfies FormInput);
    expect(scoringPlan(form).map((e) => [e.id, e.weight, e.criteria.length])).toEqual([
      ['X', 1, 2],
      ['Y', 1, 1],
    ]);
    const r = computeIndices(form, { x1: { satisfied: 3, valid: 4 }, x2: { satisfied: 1, valid: 2 }, y1: { satisfied: 0, valid: 5 } });
    expect(r.elements.map((e) => e.value)).toEqual([62.5, 0]);
    expect(r.overall.value).toBe(31.25);
  });

  it('a criterion with no valid answer is left out of its element, not counted as 0', () => {
    const r = computeIndices(weighted, { a1: { satisfied: 0, valid: 0 }, a2: { satisfied: 3, valid: 4 } });
    expect(r.elements[0]!.value).toBe(75);
    expect(r.overall.value).toBe(75); // E2 and E3 have nothing: skipped
  });

  it('nothing at all gives null everywhere', () => {
    const r = computeIndices(weighted, {});
    expect(r.overall).toMatchObject({ value: null, n: 0, low: null, high: null });
    expect(r.elements.every((e) => e.value === null)).toBe(true);
  });

  it('refuses impossible counts and inconsistent respondents with a message naming them', () => {
    expect(() => computeIndices(weighted, { a1: { satisfied: 5, valid: 4 } })).toThrow(/a1/);
    expect(() => computeIndices(weighted, { a1: { satisfied: 1, valid: 4 } }, { elements: { E1: 2 } })).toThrow(/E1/);
    expect(() => computeIndices(weighted, { a1: { satisfied: 1, valid: 4 } }, { overall: 9 })).toThrow(/overall/);
  });
});

const answerArb = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('na'), fc.constant(null), fc.constant(undefined));
const ids = ['a1', 'a2', 'b1', 'b2', 'c1', 'unscored'] as const;
const responsesArb = fc.array(fc.tuple(...ids.map(() => answerArb)), { maxLength: 60 }).map((rows) =>
  rows.map((row) => {
    const a: Answers = {};
    row.forEach((v, i) => {
      if (v !== undefined) a[ids[i]!] = v;
    });
    return { answers: a };
  }),
);

describe('properties', () => {
  it('every index and interval lies within 0–100, and each value inside its interval', () => {
    const countsArb = fc.dictionary(
      fc.constantFrom('a1', 'a2', 'b1', 'b2', 'c1'),
      fc.integer({ min: 0, max: 5000 }).chain((valid) => fc.record({ valid: fc.constant(valid), satisfied: fc.integer({ min: 0, max: valid }) })),
    );
    fc.assert(
      fc.property(countsArb, (counts: CriterionCountMap) => {
        const r = computeIndices(weighted, counts);
        for (const f of [r.overall, ...r.elements, ...r.criteria]) {
          if (f.value === null) continue;
          if (!(0 <= f.low! && f.low! <= f.value && f.value <= f.high! && f.high! <= 100)) return false;
        }
        return true;
      }),
    );
  });

  it('tallying responses in memory equals counting them the way SQL would', () => {
    fc.assert(
      fc.property(responsesArb, (rs) => {
        // An independent count, as a GROUP BY would do it: valid = value IN (1..5), satisfied = value IN (4, 5).
        const counts: CriterionCountMap = {};
        for (const id of ['a1', 'a2', 'b1', 'b2', 'c1']) {
          const values = rs.map((r) => r.answers[id]);
          counts[id] = {
            valid: values.filter((v) => [1, 2, 3, 4, 5].includes(v as number)).length,
            satisfied: values.filter((v) => v === 4 || v === 5).length,
          };
        }
        const has = (r: { answers: Answers }, items: string[]) => items.some((i) => typeof r.answers[i] === 'number');
        const respondents = {
          overall: rs.filter((r) => has(r, ['a1', 'a2', 'b1', 'b2', 'c1'])).length,
          elements: { E1: rs.filter((r) => has(r, ['a1', 'a2'])).length, E2: rs.filter((r) => has(r, ['b1', 'b2'])).length, E3: rs.filter((r) => has(r, ['c1'])).length },
        };
        expect(tallyCounts(weighted, rs)).toEqual({ criteria: counts, respondents });
        expect(scoreResponses(weighted, rs)).toEqual(computeIndices(weighted, counts, respondents));
      }),
    );
  });

  it('the indices equal a direct computation from the responses', () => {
    fc.assert(
      fc.property(responsesArb, (rs) => {
        const share = (id: string) => {
          const valid = rs.map((r) => r.answers[id]).filter((v): v is number => typeof v === 'number');
          return valid.length ? (valid.filter((v) => v >= 4).length / valid.length) * 100 : null;
        };
        const mean = (pairs: [number | null, number][]) => {
          const ok = pairs.filter((p): p is [number, number] => p[0] !== null);
          return ok.length ? ok.reduce((s, [v, w]) => s + v * w, 0) / ok.reduce((s, [, w]) => s + w, 0) : null;
        };
        const e1 = mean([[share('a1'), 1], [share('a2'), 3]]);
        const e2 = mean([[share('b1'), 1], [share('b2'), 1]]);
        const e3 = share('c1');
        const overall = mean([[e1, 1], [e2, 2], [e3, 1]]);
        const r = scoreResponses(weighted, rs);
        const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);
        return close(r.elements[0]!.value, e1) && close(r.elements[1]!.value, e2) && close(r.elements[2]!.value, e3) && close(r.overall.value, overall);
      }),
    );
  });
});
