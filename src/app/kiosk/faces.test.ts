// Faces follow the form: unhappy levels frown, satisfied ones smile, each level of a scale its own face.
import { describe, expect, it } from 'vitest';
import { levelsInOrder, moodFor } from './faces';

describe('moodFor', () => {
  it('three levels with satisfaction from 2: a frown, a smile, a grin', () => {
    expect([1, 2, 3].map((l) => moodFor(l, 3, 2))).toEqual([1, 3, 4]);
  });

  it('five levels with satisfaction from 4: every face different, from very sad to very happy', () => {
    expect([1, 2, 3, 4, 5].map((l) => moodFor(l, 5, 4))).toEqual([0, 1, 2, 3, 4]);
  });

  it('five levels with satisfaction from 3: the middle level is neutral but counted satisfied', () => {
    expect([1, 2, 3, 4, 5].map((l) => moodFor(l, 5, 3))).toEqual([0, 1, 2, 3, 4]);
  });

  it('never draws a smile for an unhappy level or a frown for a satisfied one', () => {
    for (const levels of [3, 5])
      for (let s = 2; s <= levels; s++)
        for (let l = 1; l <= levels; l++) {
          const m = moodFor(l, levels, s);
          if (l < s) expect(m).toBeLessThanOrEqual(2);
          else expect(m).toBeGreaterThanOrEqual(2);
        }
  });
});

describe('levelsInOrder', () => {
  it('most satisfied first, as provincial desk ratings read, for 3 and 5 levels', () => {
    expect(levelsInOrder(3)).toEqual([3, 2, 1]);
    expect(levelsInOrder(5)).toEqual([5, 4, 3, 2, 1]);
    expect(levelsInOrder(3).map((l) => moodFor(l, 3, 2))).toEqual([4, 3, 1]);
  });
});
