// The fast canonical writer must match core canonicalJson byte for byte, or duplicates would be judged conflicts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinForms } from '../../core/forms/builtin';
import { allItems } from '../../core/forms/schema';
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

  it('writes the same with the form given, whether or not every answer is an item of it', () => {
    const form = fc.constantFrom(...builtinForms);
    fc.assert(
      fc.property(form, response, fc.array(fc.tuple(fc.nat(), answer), { maxLength: 40 }), fc.boolean(), (f, input, picks, foreign) => {
        const ids = allItems(f).map((i) => i.id);
        // Mostly the form's own items, sometimes a key it does not have (then the general writer must take over).
        const answers: Record<string, unknown> = foreign ? { ...input.answers } : {};
        for (const [n, v] of picks) answers[foreign && n % 7 === 0 ? `x${n}` : ids[n % ids.length]] = v;
        // Durations by the form's own sections, with now and then a key it does not have.
        const sections = f.sections.map((x) => x.id);
        const durationMs: Record<string, number> = foreign ? { ...input.durationMs } : {};
        for (const [n] of picks) durationMs[foreign && n % 5 === 0 ? `s${n}` : sections[n % sections.length]] = n;
        const parsed = Response.safeParse({ ...input, answers, durationMs, enumeratorId: input.mode === 'interview' ? 'e-1' : input.enumeratorId ?? null });
        fc.pre(parsed.success);
        expect(canonicalResponseJson(parsed.data!, f)).toBe(canonicalJson(parsed.data));
      }),
      { numRuns: 500 },
    );
  });

  it('knows every field of the response schema', () => {
    expect([...CANONICAL_RESPONSE_KEYS].sort()).toEqual(Object.keys(Response.def.shape).sort());
  });
});
