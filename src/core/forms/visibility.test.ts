// showIf decides which questions a person sees; a wrong answer here shows or hides the wrong question on the tablet.
import { describe, expect, it } from 'vitest';
import { FormDefinition, type Condition } from './schema';
import { conditionHolds, isAnswered, visibleItems } from './visibility';
import type { Answers } from '../response/schema';

const L = (s: string) => ({ vi: s, en: s });
const opts = (...values: string[]) => values.map((value) => ({ value, label: L(value) }));

// A chain: visited → (visited = yes) service → (service answered) rating → (rating ≤ 2) why; plus independent items.
const form = FormDefinition.parse({
  id: 'visibility-test',
  version: 1,
  kind: 'interview',
  title: L('Thử'),
  sections: [
    {
      id: 's1',
      title: L('Phần 1'),
      items: [
        { id: 'visited', type: 'single', label: L('Đã đến chưa?'), options: opts('yes', 'no') },
        { id: 'service', type: 'multi', label: L('Dịch vụ'), options: opts('land', 'birth', 'business'), showIf: { item: 'visited', op: 'in', values: ['yes'] } },
        { id: 'rating', type: 'number', label: L('Điểm'), min: 1, max: 5, showIf: { item: 'service', op: 'answered' } },
      ],
    },
    {
      id: 's2',
      title: L('Phần 2'),
      items: [
        { id: 'why', type: 'longtext', label: L('Vì sao?'), showIf: { item: 'rating', op: 'lte', value: 2 } },
        { id: 'praise', type: 'text', label: L('Khen'), showIf: { item: 'rating', op: 'gte', value: 4 } },
        { id: 'notLand', type: 'text', label: L('Không phải đất đai'), showIf: { item: 'service', op: 'notIn', values: ['land'] } },
        { id: 'always', type: 'text', label: L('Luôn hiện') },
      ],
    },
  ],
});

const ids = (answers: Answers) => visibleItems(form, answers).map((i) => i.id);

describe('conditionHolds', () => {
  const c = (cond: Condition, answers: Answers) => conditionHolds(cond, answers);

  it('answered: blank strings, empty lists and null are not answers', () => {
    const cond: Condition = { item: 'x', op: 'answered' };
    expect(c(cond, {})).toBe(false);
    expect(c(cond, { x: null })).toBe(false);
    expect(c(cond, { x: '   ' })).toBe(false);
    expect(c(cond, { x: [] })).toBe(false);
    expect(c(cond, { x: 0 })).toBe(true);
    expect(c(cond, { x: 'na' })).toBe(true);
    expect(c(cond, { x: ['a'] })).toBe(true);
  });

  it('in / notIn work on single values and on any element of a multi answer', () => {
    expect(c({ item: 'x', op: 'in', values: ['a'] }, { x: 'a' })).toBe(true);
    expect(c({ item: 'x', op: 'in', values: ['a'] }, { x: ['b', 'a'] })).toBe(true);
    expect(c({ item: 'x', op: 'in', values: ['a'] }, { x: 'b' })).toBe(false);
    expect(c({ item: 'x', op: 'in', values: [1, 2] }, { x: 2 })).toBe(true);
    expect(c({ item: 'x', op: 'in', values: ['2'] }, { x: 2 })).toBe(false);
    expect(c({ item: 'x', op: 'notIn', values: ['a'] }, { x: 'b' })).toBe(true);
    expect(c({ item: 'x', op: 'notIn', values: ['a'] }, { x: ['b', 'a'] })).toBe(false);
    // Not answering is not "anything but a": the follow-up waits for an answer.
    expect(c({ item: 'x', op: 'notIn', values: ['a'] }, {})).toBe(false);
  });

  it('lte / gte hold only for numbers, so "na" never triggers a low-score follow-up', () => {
    expect(c({ item: 'x', op: 'lte', value: 2 }, { x: 2 })).toBe(true);
    expect(c({ item: 'x', op: 'lte', value: 2 }, { x: 3 })).toBe(false);
    expect(c({ item: 'x', op: 'lte', value: 2 }, { x: 'na' })).toBe(false);
    expect(c({ item: 'x', op: 'lte', value: 2 }, { x: '1' })).toBe(false);
    expect(c({ item: 'x', op: 'gte', value: 4 }, { x: 4 })).toBe(true);
    expect(c({ item: 'x', op: 'gte', value: 4 }, {})).toBe(false);
  });

  it('isAnswered agrees with "answered"', () => {
    expect([undefined, null, '', ' ', []].map((v) => isAnswered(v as never))).toEqual([false, false, false, false, false]);
    expect([0, 'x', ['x']].map((v) => isAnswered(v))).toEqual([true, true, true]);
  });
});

describe('visibleItems', () => {
  it('shows only unconditional items before anything is answered', () => {
    expect(ids({})).toEqual(['visited', 'always']);
  });

  it('reveals each link of the chain as it is answered, across sections', () => {
    expect(ids({ visited: 'yes' })).toEqual(['visited', 'service', 'always']);
    expect(ids({ visited: 'yes', service: ['birth'] })).toEqual(['visited', 'service', 'rating', 'notLand', 'always']);
    expect(ids({ visited: 'yes', service: ['land'], rating: 1 })).toEqual(['visited', 'service', 'rating', 'why', 'always']);
    expect(ids({ visited: 'yes', service: ['land'], rating: 5 })).toEqual(['visited', 'service', 'rating', 'praise', 'always']);
  });

  it('hides the whole chain when an early answer changes, even though later answers are still stored', () => {
    const stale = { visited: 'no', service: ['birth'], rating: 1, why: 'slow' };
    expect(ids(stale)).toEqual(['visited', 'always']);
    // One level up: service is visible again but emptied, so rating and its follow-ups hide.
    expect(ids({ visited: 'yes', service: [], rating: 1 })).toEqual(['visited', 'service', 'always']);
  });
});

describe('condition trees', () => {
  const c = (cond: Condition, answers: Answers) => conditionHolds(cond, answers);
  const yes: Condition = { item: 'x', op: 'in', values: ['yes'] };
  const high: Condition = { item: 'y', op: 'gte', value: 4 };

  it('all / any / not combine leaves as and / or / not', () => {
    expect(c({ op: 'all', conditions: [yes, high] }, { x: 'yes', y: 4 })).toBe(true);
    expect(c({ op: 'all', conditions: [yes, high] }, { x: 'yes', y: 3 })).toBe(false);
    expect(c({ op: 'any', conditions: [yes, high] }, { y: 5 })).toBe(true);
    expect(c({ op: 'any', conditions: [yes, high] }, {})).toBe(false);
    expect(c({ op: 'not', condition: yes }, {})).toBe(true);
    expect(c({ op: 'not', condition: { op: 'any', conditions: [yes, high] } }, { x: 'no', y: 1 })).toBe(true);
  });

  // "not" over a hidden question: the question was never asked, so its answer is empty.
  const tree = FormDefinition.parse({
    id: 'tree-test',
    version: 1,
    kind: 'interview',
    title: L('Thử'),
    sections: [
      {
        id: 's1',
        title: L('Phần 1'),
        items: [
          { id: 'visited', type: 'single', label: L('Đã đến chưa?'), options: opts('yes', 'no') },
          { id: 'trips', type: 'number', label: L('Mấy lần?'), showIf: { item: 'visited', op: 'in', values: ['yes'] } },
          { id: 'fewTrips', type: 'text', label: L('Ít lần'), showIf: { op: 'not', condition: { item: 'trips', op: 'gte', value: 3 } } },
          {
            id: 'unhappy',
            type: 'text',
            label: L('Không vui'),
            showIf: { op: 'any', conditions: [{ item: 'trips', op: 'gte', value: 3 }, { item: 'visited', op: 'in', values: ['no'] }] },
          },
        ],
      },
    ],
  });
  const treeIds = (answers: Answers) => visibleItems(tree, answers).map((i) => i.id);

  it('reads a hidden item as unanswered, even when a stale answer is still stored', () => {
    expect(treeIds({})).toEqual(['visited', 'fewTrips']);
    expect(treeIds({ visited: 'yes', trips: 1 })).toEqual(['visited', 'trips', 'fewTrips']);
    expect(treeIds({ visited: 'yes', trips: 4 })).toEqual(['visited', 'trips', 'unhappy']);
    expect(treeIds({ visited: 'no', trips: 4 })).toEqual(['visited', 'fewTrips', 'unhappy']);
  });
});

