// The server tells a duplicate from a conflict by the canonical bytes: key order must never change them, content must.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';

/** A copy of a JSON value with every object's keys in a shuffled order (seeded), values unchanged. */
function reorder(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, next));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, reorder(v, next)] as const);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    // fromEntries, not assignment, so a "__proto__" key stays an own key.
    return Object.fromEntries(entries);
  }
  return value;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('canonicalJson', () => {
  it('is independent of key order at every depth (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        expect(canonicalJson(reorder(value, rng(seed)))).toBe(canonicalJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('is valid JSON that parses back to the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // JSON has no negative zero; compare through JSON so -0 and 0 count as the same.
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('differs when any content differs', () => {
    const a = { id: 'x', answers: { q1: 4, q2: 'na' } };
    expect(canonicalJson({ answers: { q2: 'na', q1: 4 }, id: 'x' })).toBe(canonicalJson(a));
    expect(canonicalJson({ id: 'x', answers: { q1: 5, q2: 'na' } })).not.toBe(canonicalJson(a));
    expect(canonicalJson({ id: 'x', answers: { q1: '4', q2: 'na' } })).not.toBe(canonicalJson(a));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('drops undefined properties, as JSON would, and writes sorted keys without spaces', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: [null, 'ư'] })).toBe('{"b":1,"c":[null,"ư"]}');
    expect(canonicalJson({ z: { y: 1, x: 2 }, a: true })).toBe('{"a":true,"z":{"x":2,"y":1}}');
  });
});
