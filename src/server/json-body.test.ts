// The body reader must refuse exactly what Fastify's own JSON parser refuses (prototype poisoning, bad JSON), and read the rest alike.
import fc from 'fast-check';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Problem } from '../core/protocol/problems';
import { readJsonBody } from './json-body';

const fastifyParse = (() => {
  const parse = Fastify().getDefaultJsonParser('error', 'error');
  return (text: string): { ok: true; value: unknown } | { ok: false } => {
    let out: { ok: true; value: unknown } | { ok: false } = { ok: false };
    parse({} as never, text, (err, value) => (out = err ? { ok: false } : { ok: true, value }));
    return out;
  };
})();

function ours(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: readJsonBody(Buffer.from(text)) };
  } catch (e) {
    expect(e).toBeInstanceOf(Problem);
    expect((e as Problem).code).toBe('400.1');
    return { ok: false };
  }
}

/** Keys that matter to the guard, plain and \u-escaped, among ordinary ones. */
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'proto', 'a', 'responses', '\\u005f\\u005fproto__', 'constructo\\u0072', 'pro\\u0074otype'),
  fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s).slice(1, -1)),
);
const json: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom('1', 'null', '"x"', 'true', '[]', '{}'), tie('object'), tie('array')),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((kv) => `{${kv.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
})).value as fc.Arbitrary<string>;

describe('readJsonBody', () => {
  it('accepts and refuses exactly what Fastify’s parser does, with the same value', () => {
    let refused = 0;
    fc.assert(
      fc.property(json, (text) => {
        const a = fastifyParse(text);
        const b = ours(text);
        expect(b.ok, text).toBe(a.ok);
        if (a.ok && b.ok) expect(b.value).toEqual(a.value);
        if (!a.ok) refused++;
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  it('reads nothing as no body, drops a BOM, and refuses broken UTF-8 and broken JSON', () => {
    expect(readJsonBody(Buffer.alloc(0))).toBeUndefined();
    expect(readJsonBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"Đ"}')]))).toEqual({ a: 'Đ' });
    expect(() => readJsonBody(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))).toThrow(/not valid UTF-8/);
    expect(() => readJsonBody(Buffer.from('{"a":'))).toThrow(/not valid JSON/);
  });

  it('walks deep nesting without overflowing the stack', () => {
    const deep = `${'{"a":'.repeat(100_000)}{"__proto__":1}${'}'.repeat(100_000)}`;
    expect(() => readJsonBody(Buffer.from(deep))).toThrow(Problem);
  });
});
