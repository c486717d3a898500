// The fast canonical writer must match core canonicalJson byte for byte, or duplicates would be judged conflicts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/response/canonical';
import { Response } from '../../core/response/schema';
import { CANONICAL_RESPONSE_KEYS, canonicalResponseJson } from './canonical-response';

const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const key = fc.string({ unit: 'binary', minLength: 0, maxLength: 12 });
const answer = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), text, fc.array(text, { maxLength: 4 }), fc.constant(null));

const response = fc.record({
  id: fc.constant('019ac0de-0000-7000-8000-000000000001'),
  formId: fc.constantFrom('sipas-2017', 'desk-rating', 'Mẫu-1'),
  formVersion: fc.integer({ min: 1, max: 1000 }),
  mode: fc.constantFrom('interview', 'kiosk'),
  siteId: text.filter((s) => s.length > 0),
  deviceId: text.filter((s) => s.length > 0),
  enumeratorId: fc.option(fc.constant('e-1'), { nil: undefined }),
  procedure: fc.option(fc.record({ code: fc.constant('1.000123'), name: text }), { nil: null }),
  locale: fc.constantFrom('vi', 'en'),
  startedAt: fc.constant('2026-11-26T08:00:00+07:00'),
  completedAt: fc.constant('2026-11-26T08:10:00.5+07:00'),
  answers: fc.dictionary(key, answer, { maxKeys: 30 }),
  durationMs: fc.option(fc.dictionary(key, fc.nat(), { maxKeys: 8 }), { nil: undefined }),
  flags: fc.option(fc.subarray(['kiosk-misuse', 'followup-unanswered']), { nil: undefined }),
  appVersion: fc.constant('0.1.0'),
});

describe('canonicalResponseJson', () => {
  it('writes exactly what canonicalJson writes for any valid response', () => {
    fc.assert(
      fc.property(response, (input) => {
        const parsed = Response.safeParse({ ...input, enumeratorId: input.mode === 'interview' ? 'e-1' : input.enumeratorId ?? null });
        fc.pre(parsed.success);
        expect(canonicalResponseJson(parsed.data!)).toBe(canonicalJson(parsed.data));
      }),
      { numRuns: 500 },
    );
  });

  it('knows every field of the response schema', () => {
    expect([...CANONICAL_RESPONSE_KEYS].sort()).toEqual(Object.keys(Response.def.shape).sort());
  });
});
