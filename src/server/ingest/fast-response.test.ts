// The fast Response check must take exactly zod's decision, with zod's output, on valid and broken responses alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Response } from '../../core/response/schema';
import { makeResponse } from '../test/fixtures';
import { fastParseResponse } from './fast-response';

const owner = { siteId: 'site-a', deviceId: 'tablet-1', enumeratorId: 'enum-1' };
const FORMS = ['sipas-2017', 'sipas-2023', 'desk-rating'];

/** Strings near every limit the schema has (1, 64, 300 code units), padded, empty, non-ASCII, lone surrogates. */
const edgeString = fc.oneof(
  fc.constantFrom('', ' ', 'x', ' x ', '\t1.001\n', 'Đăng ký', 'na', 'NA', '4', '\u0000', '\ud800', 'kiosk-misuse', 'followup-unanswered', '__proto__', 'constructor'),
  fc.constantFrom(63, 64, 65, 299, 300, 301).chain((n) => fc.constantFrom('a'.repeat(n), ` ${'b'.repeat(n - 1)}`, `${'ệ'.repeat(n)}`)),
  fc.string({ maxLength: 70 }),
);
const edgeNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 4, 5, 6, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -Number.MAX_SAFE_INTEGER, 1e300, -1e-300, Infinity, -Infinity, NaN),
  fc.integer(),
  fc.double(),
);
const edgeDate = fc.constantFrom(
  '2026-11-26T10:00:00+07:00', '2026-11-26T03:00:00Z', '2026-11-26T03:00:00.123456Z', '2026-11-26T10:00:00+0700', '2026-11-26T10:00+07:00',
  '2026-11-26T10:00:00', '2026-11-26', '2026-02-29T10:00:00Z', '2024-02-29T10:00:00Z', '2026-02-30T00:00:00+07:00', '2026-13-01T00:00:00Z',
  '2026-11-26T24:00:00Z', '2026-11-26T10:00:00-23:59', '2026-11-26T10:00:00+24:00', '2026-11-26t10:00:00z', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: edgeString },
  { weight: 3, arbitrary: edgeNumber },
  { weight: 1, arbitrary: edgeDate },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, ['x'], [1], ['a', 'a'], { code: 'x' }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Values worth trying for each field: its own edges first, then anything. */
const FIELD_EDGES: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.constantFrom('019ac0de-0000-7000-8000-000000000001', '019AC0DE-0000-7000-8000-000000000001', '019ac0de-0000-4000-8000-000000000001', '019ac0de-0000-7000-c000-000000000001', ' 019ac0de-0000-7000-8000-000000000001'),
  formVersion: fc.constantFrom(0, 1, 2, -1, 1.5, '1', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, Infinity, NaN),
  mode: fc.constantFrom('interview', 'kiosk', 'Interview', 'kiosk '),
  locale: fc.constantFrom('vi', 'en', 'VI', 'fr', ''),
  enumeratorId: fc.constantFrom(null, undefined, '', 'e', 'e'.repeat(64), 'e'.repeat(65)),
  procedure: fc.constantFrom(null, undefined, { code: ' ' }, { code: ' a ' }, { code: '', name: 'Đăng ký khai sinh' }, { code: ' ', name: ' ' }, { code: '', name: '' }, { name: 'Đăng ký' }, { code: 'a', name: null }, { code: 'a', name: ' ' }, { code: 'a'.repeat(65) }, { code: ` ${'a'.repeat(64)} ` }, { code: 'a', extra: 1 }, ['a']),
  startedAt: edgeDate,
  completedAt: edgeDate,
  durationMs: fc.constantFrom(undefined, {}, { a: 0 }, { a: -0 }, { a: -1 }, { a: 1.5 }, { a: Number.MAX_SAFE_INTEGER }, { a: Number.MAX_SAFE_INTEGER + 1 }, { a: Infinity }, { ['k'.repeat(65)]: 1 }, []),
  flags: fc.constantFrom(undefined, [], ['kiosk-misuse'], ['followup-unanswered', 'kiosk-misuse'], ['x'], [null], 'kiosk-misuse'),
  answers: fc.constantFrom({}, [], null, { a: Infinity }, { a: NaN }, { a: [undefined] }, { a: ['x', 1] }, { ['k'.repeat(64)]: 1 }, { ['k'.repeat(65)]: 1 }, { a: { b: 1 } }, { a: undefined }),
};
const fieldValue = (k: string) => (Object.hasOwn(FIELD_EDGES, k) ? fc.oneof({ weight: 3, arbitrary: FIELD_EDGES[k] }, { weight: 1, arbitrary: anyValue }) : anyValue);

type Obj = Record<string, unknown>;
type Mutation = (r: Obj) => void;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One way to change a valid response; most keep it JSON-shaped, some break it, some keep it valid. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...Object.keys(Response.def.shape), 'extra', 'Id', '__proto__').chain((k) => fieldValue(k).map((v): Mutation => (r) => { r[k] = v; })),
  fc.constantFrom(...Object.keys(Response.def.shape)).map((k): Mutation => (r) => { delete r[k]; }),
  fc.tuple(fc.oneof(edgeString, fc.constantFrom('E1.1', 'gender', 'rating')), anyValue).map(([k, v]): Mutation => (r) => { r.answers = { ...(isObj(r.answers) ? r.answers : {}), [k]: v }; }),
  fc.tuple(fc.oneof(edgeString, fc.constantFrom('e1', 's1')), anyValue).map(([k, v]): Mutation => (r) => { r.durationMs = { ...(isObj(r.durationMs) ? r.durationMs : {}), [k]: v }; }),
  fc.tuple(fc.constantFrom('code', 'name', 'other'), fc.oneof(edgeString, anyValue)).map(([k, v]): Mutation => (r) => { r.procedure = { ...(isObj(r.procedure) ? r.procedure : { code: '1.001' }), [k]: v }; }),
  fc.constantFrom<Mutation>(
    (r) => { r.procedure = { code: '1.001' }; },
    (r) => { r.enumeratorId = undefined; },
    (r) => { r.flags = ['kiosk-misuse', 'kiosk-misuse']; },
    (r) => { r.mode = r.mode === 'kiosk' ? 'interview' : 'kiosk'; },
    (r) => { [r.startedAt, r.completedAt] = [r.completedAt, r.startedAt]; },
    (r) => { r.completedAt = r.startedAt; },
    (r) => { r.id = String(r.id).toUpperCase(); },
    (r) => { r.id = '3b241101-e2bb-4255-8caf-4136c566a962'; },
  ),
);

const response = fc
  .tuple(fc.constantFrom(...FORMS), fc.nat({ max: 1000 }), fc.array(mutation, { maxLength: 3 }), fc.boolean())
  .map(([form, seed, mutations, viaJson]) => {
    const r = makeResponse(owner, {}, form, seed) as unknown as Obj;
    r.answers = { ...(r.answers as Obj) };
    for (const m of mutations) m(r);
    // Through JSON text, as the endpoint receives it ("__proto__" becomes an own key), or as a JS object.
    return { input: viaJson ? (JSON.parse(JSON.stringify(r)) as unknown) : r, viaJson };
  });

/** Keys zod drops on purpose; the fast path declines them rather than copy that rule. */
function hasProtoKey(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  return Object.keys(v).some((k) => k === '__proto__' || hasProtoKey((v as Obj)[k]));
}

describe('fastParseResponse', () => {
  it('takes the same decision as zod, with the same output, on valid and mutated responses', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(response, ({ input, viaJson }) => {
        const z = Response.safeParse(input);
        const fast = fastParseResponse(input);
        if (fast !== null) {
          expect(z.success).toBe(true);
          // toEqual, not toStrictEqual: an answer keyed "constructor" would make the latter compare two arrays by identity.
          expect(fast).toEqual(z.data);
          expect(Object.keys(fast)).toEqual(Object.keys(z.data!));
        } else if (viaJson && !hasProtoKey(input)) {
          // JSON text is all the endpoint ever parses; a JS object given another prototype (r.__proto__ = …) may fall back.
          expect(z.success, JSON.stringify(input)).toBe(false);
        }
        if (z.success) accepted++;
        else refused++;
      }),
      { numRuns: 4000 },
    );
    // Both sides of the decision were exercised many times.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });

  it('accepts every valid response of the built-in forms without falling back', () => {
    for (const form of FORMS) {
      for (let seed = 0; seed < 50; seed++) {
        const r = makeResponse(owner, {}, form, seed);
        expect(fastParseResponse(JSON.parse(JSON.stringify(r)))).toStrictEqual(Response.parse(r));
      }
    }
  });

  it('declines a "__proto__" answer key, which zod drops', () => {
    const r = JSON.parse(JSON.stringify(makeResponse(owner))) as Obj;
    (r.answers as Obj) = JSON.parse(`{"__proto__": 1, ${JSON.stringify(r.answers).slice(1)}`) as Obj;
    expect(fastParseResponse(r)).toBeNull();
    expect(Response.safeParse(r).success).toBe(true);
  });
});
