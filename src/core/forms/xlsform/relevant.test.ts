// A `relevant` must show and hide a question exactly as XLSForm means it, on the tablet and on the server alike:
// table-driven for every shape we read, and against a small XPath evaluator for random expressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../response/validate';
import type { Answers, AnswerValue } from '../../response/schema';
import type { Condition, FormDefinition } from '../schema';
import { conditionHolds, isVisible, itemsById } from '../visibility';
import { readXlsForm } from './index';
import { readRelevant, simplify, targetOf, writeRelevant, type Target } from './relevant';
import { CHOICES_HEADER, choices, likertChoices, q, settings, SURVEY_HEADER, workbook } from './fixtures/sheets';

/** The questions every expression may read, then `target` with the expression as its relevant. */
function formWith(relevant: string): FormDefinition {
  const r = readXlsForm(
    workbook({
      survey: [
        SURVEY_HEADER,
        q('begin_group', 'g', 'Phần'),
        q('select_one yn', 's', 'Có hay không'),
        q('select_multiple abc', 'm', 'Chọn nhiều'),
        q('integer', 'n', 'Số lần'),
        q('decimal', 'd', 'Số tiền'),
        q('select_one hl5', 'l', 'Mức hài lòng', { element: 'E1' }),
        q('text', 't', 'Ghi chú'),
        q('text', 'target', 'Câu có điều kiện', { relevant }),
        q('end_group', '', ''),
      ],
      choices: [CHOICES_HEADER, ...choices('yn', 'co', 'khong'), ...choices('abc', 'a', 'b', 'c'), ...likertChoices()],
      settings: settings(),
    }),
  );
  if (!r.ok) throw new Error(`${relevant}: ${JSON.stringify(r.errors)}`);
  return r.form;
}

const cache = new Map<string, FormDefinition>();
function shown(relevant: string, answers: Answers): boolean {
  let form = cache.get(relevant);
  if (!form) cache.set(relevant, (form = formWith(relevant)));
  return isVisible(form, itemsById(form).get('target')!, answers);
}

/** [relevant, answers, shown?] — an answer left out is a question not answered. */
const TABLE: [string, Answers, boolean][] = [
  // = and != on a single choice: an empty answer makes `=` false and `!=` true.
  ["${s} = 'co'", {}, false],
  ["${s} = 'co'", { s: 'co' }, true],
  ["${s} = 'co'", { s: 'khong' }, false],
  ["${s}='co'", { s: 'co' }, true],
  ['${s} = "co"', { s: 'co' }, true],
  ["'co' = ${s}", { s: 'co' }, true],
  ["${s} != 'co'", {}, true],
  ["${s} != 'co'", { s: 'co' }, false],
  ["${s} != 'co'", { s: 'khong' }, true],
  // selected() on multiple and single choices.
  ["selected(${m}, 'a')", {}, false],
  ["selected(${m}, 'a')", { m: ['a'] }, true],
  ["selected(${m}, 'a')", { m: ['b', 'a'] }, true],
  ["selected(${m}, 'a')", { m: ['b'] }, false],
  ["selected(${s}, 'co')", { s: 'co' }, true],
  ["selected(${s}, 'co')", {}, false],
  ["not(selected(${m}, 'a'))", {}, true],
  ["not(selected(${m}, 'a'))", { m: ['a', 'c'] }, false],
  // Number bounds: an empty answer is never >= or <= anything.
  ['${n} >= 3', {}, false],
  ['${n} >= 3', { n: 2 }, false],
  ['${n} >= 3', { n: 3 }, true],
  ['${n} <= 3', {}, false],
  ['${n} <= 3', { n: 3 }, true],
  ['${n} <= 3', { n: 4 }, false],
  ['3 <= ${n}', { n: 4 }, true],
  ['${n} > 3', { n: 3 }, false],
  ['${n} > 3', { n: 4 }, true],
  ['${n} < 3', { n: 2 }, true],
  ['${n} < 3', { n: 3 }, false],
  ['${n} >= -1', { n: -1 }, true],
  ['${n} = 0', { n: 0 }, true],
  ['${n} = 0', {}, false],
  ['${n} != 0', {}, true],
  ['${d} >= 1.5', { d: 1.5 }, true],
  ['${d} >= 1.5', { d: 1.4 }, false],
  // A criterion: numbers 1–5, and "na" is neither high nor low.
  ['${l} >= 4', { l: 4 }, true],
  ['${l} >= 4', { l: 'na' }, false],
  ['${l} <= 2', { l: 'na' }, false],
  ['${l} <= 2', {}, false],
  ["${l} = 'na'", { l: 'na' }, true],
  ["${l} = '5'", { l: 5 }, true],
  ['${l} = 5', { l: 5 }, true],
  ['${l} != 5', { l: 'na' }, true],
  // Answered or not.
  ["${s} != ''", {}, false],
  ["${s} != ''", { s: 'khong' }, true],
  ["${m} != ''", {}, false],
  ["${m} != ''", { m: ['c'] }, true],
  ["${t} != ''", { t: 'xin chào' }, true],
  ["${s} = ''", {}, true],
  ["${s} = ''", { s: 'co' }, false],
  ["${t} = 'có'", { t: 'có' }, true],
  // and / or / not, with XPath's precedence (and before or) and parentheses.
  ["${s} = 'co' and ${n} >= 3", { s: 'co', n: 3 }, true],
  ["${s} = 'co' and ${n} >= 3", { s: 'co' }, false],
  ["${s} = 'co' and ${n} >= 3", { n: 3 }, false],
  ["${s} = 'co' or ${n} >= 3", { n: 3 }, true],
  ["${s} = 'co' or ${n} >= 3", {}, false],
  ["not(${s} = 'co')", {}, true],
  ["not(${s} = 'co')", { s: 'co' }, false],
  ["not(${s} = 'co' or ${n} >= 3)", { s: 'khong', n: 1 }, true],
  ["not(${s} = 'co' or ${n} >= 3)", { n: 5 }, false],
  ["${s} = 'co' or ${n} >= 3 and selected(${m}, 'c')", { s: 'co' }, true],
  ["${s} = 'co' or ${n} >= 3 and selected(${m}, 'c')", { n: 4 }, false],
  ["(${s} = 'co' or ${n} >= 3) and selected(${m}, 'c')", { s: 'co' }, false],
  ["(${s} = 'co' or ${n} >= 3) and selected(${m}, 'c')", { n: 4, m: ['c'] }, true],
  ["${s} = 'co' and (${l} <= 2 or ${l} = 'na')", { s: 'co', l: 'na' }, true],
  ["${s} = 'co' and (${l} <= 2 or ${l} = 'na')", { s: 'co', l: 3 }, false],
];

describe('every supported relevant shape means what it means in XLSForm', () => {
  it.each(TABLE)('%s with %j → shown: %s', (relevant, answers, expected) => {
    expect(shown(relevant, answers)).toBe(expected);
    // The server's check is the same code: an answer to the question is refused exactly when it is hidden.
    const issues = validateAnswers(cache.get(relevant)!, { ...answers, target: 'trả lời' }, false);
    expect(issues.some((i) => i.path === 'answers.target' && i.message === 'answers a question that was not shown')).toBe(!expected);
  });

  it('reads a hidden question as unanswered, as XLSForm clears a non-relevant answer', () => {
    const r = readXlsForm(
      workbook({
        survey: [
          SURVEY_HEADER,
          q('select_one yn', 's', 'Có hay không'),
          q('integer', 'n', 'Số lần', { relevant: "${s} = 'co'" }),
          q('text', 'low', 'Ít lần', { relevant: 'not(${n} >= 3)' }),
          q('text', 'high', 'Nhiều lần', { relevant: '${n} >= 3' }),
        ],
        choices: [CHOICES_HEADER, ...choices('yn', 'co', 'khong')],
        settings: settings(),
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const byId = itemsById(r.form);
    // n = 5 is left over from before the answer to s changed: n is hidden, so it reads as empty.
    const stale = { s: 'khong', n: 5 };
    expect(isVisible(r.form, byId.get('low')!, stale)).toBe(true);
    expect(isVisible(r.form, byId.get('high')!, stale)).toBe(false);
    expect(isVisible(r.form, byId.get('high')!, { s: 'co', n: 5 })).toBe(true);
  });

  it('keeps a simple relevant as the leaf condition JSON forms already use', () => {
    expect(formWith("${s} = 'co'").sections[0].items.at(-1)?.showIf).toEqual({ item: 's', op: 'in', values: ['co'] });
    expect(formWith('${n} <= 1').sections[0].items.at(-1)?.showIf).toEqual({ item: 'n', op: 'lte', value: 1 });
    expect(formWith("${s} != ''").sections[0].items.at(-1)?.showIf).toEqual({ item: 's', op: 'answered' });
    expect(formWith("${s} = 'co' or ${s} = 'khong'").sections[0].items.at(-1)?.showIf).toEqual({ item: 's', op: 'in', values: ['co', 'khong'] });
  });

  it.each([
    ["${m} = 'a'", 'relevant-multi-equals'],
    ["${s} >= 'co'", 'relevant-compare-not-number'],
    ['${d} > 1', 'relevant-strict-comparison'],
    ['${n} > 1.5', 'relevant-strict-comparison'],
    ["${n} = 'nhiều'", 'relevant-not-number'],
    ["selected(${n}, '1')", 'relevant-selected-not-select'],
    ["${l} = '7'", 'relevant-unknown-choice'],
    ["${s} = ${m}", 'relevant-unsupported'],
    ["${s} = 'co' and", 'expression-unreadable'],
    ["${s} = 'co", 'expression-unreadable'],
    ['true()', 'relevant-unsupported'],
    ['${g} = 1', 'relevant-not-question'],
  ])('refuses %s (%s)', (relevant, code) => {
    expect(() => formWith(relevant)).toThrow(code);
  });
});

// --- random expressions against a reference XPath evaluator ---------------------------------------------------

type X =
  | { k: 'eq' | 'ne'; q: 's' | 'l' | 'n'; v: string | number }
  | { k: 'rel'; q: 'n' | 'l'; op: '<=' | '>=' | '<' | '>'; v: number }
  | { k: 'sel'; q: 's' | 'm'; v: string }
  | { k: 'empty'; q: 's' | 'm' | 't'; ne: boolean }
  | { k: 'and' | 'or'; xs: X[] }
  | { k: 'not'; x: X };

const leafX: fc.Arbitrary<X> = fc.oneof(
  fc.record({ k: fc.constantFrom('eq' as const, 'ne' as const), q: fc.constant('s' as const), v: fc.constantFrom('co', 'khong') }),
  fc.record({ k: fc.constantFrom('eq' as const, 'ne' as const), q: fc.constant('l' as const), v: fc.constantFrom<string | number>(1, 3, 5, '2', 'na') }),
  fc.record({ k: fc.constantFrom('eq' as const, 'ne' as const), q: fc.constant('n' as const), v: fc.integer({ min: -1, max: 6 }) }),
  fc.record({ k: fc.constant('rel' as const), q: fc.constantFrom('n' as const, 'l' as const), op: fc.constantFrom('<=' as const, '>=' as const, '<' as const, '>' as const), v: fc.integer({ min: -1, max: 6 }) }),
  fc.record({ k: fc.constant('sel' as const), q: fc.constant('m' as const), v: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ k: fc.constant('sel' as const), q: fc.constant('s' as const), v: fc.constantFrom('co', 'khong') }),
  fc.record({ k: fc.constant('empty' as const), q: fc.constantFrom('s' as const, 'm' as const, 't' as const), ne: fc.boolean() }),
);
const exprX: fc.Arbitrary<X> = fc.letrec<{ x: X }>((tie) => ({
  x: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafX,
    fc.record({ k: fc.constantFrom('and' as const, 'or' as const), xs: fc.array(tie('x'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ k: fc.constant('not' as const), x: tie('x') }),
  ),
})).x;

const lit = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v}'`);
function text(x: X, parens = false): string {
  switch (x.k) {
    case 'eq':
      return `\${${x.q}} = ${lit(x.v)}`;
    case 'ne':
      return `\${${x.q}} != ${lit(x.v)}`;
    case 'rel':
      return `\${${x.q}} ${x.op} ${x.v}`;
    case 'sel':
      return `selected(\${${x.q}}, '${x.v}')`;
    case 'empty':
      return `\${${x.q}} ${x.ne ? '!=' : '='} ''`;
    case 'not':
      return `not(${text(x.x)})`;
    default: {
      const s = x.xs.map((y) => text(y, true)).join(` ${x.k} `);
      return parens ? `(${s})` : s;
    }
  }
}

/** XPath 1.0 as ODK evaluates it: every answer is a string ('' when unanswered, choices space-separated). */
function xpath(x: X, answers: Answers): boolean {
  const str = (id: string) => {
    const v = answers[id];
    return v === undefined || v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  };
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  switch (x.k) {
    case 'eq':
    case 'ne': {
      const a = str(x.q);
      // A number literal compares as numbers (NaN for an empty answer); a string literal as strings.
      const equal = typeof x.v === 'number' ? num(a) === x.v : a === x.v;
      return x.k === 'eq' ? equal : typeof x.v === 'number' ? !(num(a) === x.v) : a !== x.v;
    }
    case 'rel': {
      const a = num(str(x.q));
      return x.op === '<=' ? a <= x.v : x.op === '>=' ? a >= x.v : x.op === '<' ? a < x.v : a > x.v;
    }
    case 'sel':
      return str(x.q).split(' ').includes(x.v);
    case 'empty':
      return x.ne ? str(x.q) !== '' : str(x.q) === '';
    case 'not':
      return !xpath(x.x, answers);
    case 'and':
      return x.xs.every((y) => xpath(y, answers));
    case 'or':
      return x.xs.some((y) => xpath(y, answers));
  }
}

const answersArb: fc.Arbitrary<Answers> = fc
  .record(
    {
      s: fc.constantFrom('co', 'khong'),
      m: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
      n: fc.integer({ min: -2, max: 7 }),
      l: fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 'na'),
      t: fc.constantFrom('có', 'không'),
    },
    { requiredKeys: [] },
  )
  .map((a) => a as Answers);

describe('random relevant expressions', () => {
  it('show the question exactly when XPath says the expression is true (empty answers included)', () => {
    fc.assert(
      fc.property(exprX, fc.array(answersArb, { minLength: 5, maxLength: 5 }), (x, answerSets) => {
        const relevant = text(x);
        const form = formWith(relevant);
        const target = itemsById(form).get('target')!;
        for (const answers of answerSets) expect(isVisible(form, target, answers), `${relevant} with ${JSON.stringify(answers)}`).toBe(xpath(x, answers));
      }),
      { numRuns: 300 },
    );
  });
});

// --- writer → reader for random condition trees --------------------------------------------------------------

const TARGETS = new Map<string, Target>(
  (
    [
      { id: 's', type: 'single', values: ['co', 'khong'] },
      { id: 'm', type: 'multi', values: ['a', 'b', 'c'] },
      { id: 'n', type: 'number', integer: true },
      { id: 'l', type: 'likert5', allowNA: true },
      { id: 't', type: 'text' },
    ] as Target[]
  ).map((t) => [t.id, t]),
);

const leafC: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ item: fc.constantFrom('s', 'm', 'n', 'l', 't'), op: fc.constant('answered' as const) }),
  fc.record({ item: fc.constant('s'), op: fc.constantFrom('in' as const, 'notIn' as const), values: fc.subarray(['co', 'khong'], { minLength: 1 }) }),
  fc.record({ item: fc.constant('m'), op: fc.constantFrom('in' as const, 'notIn' as const), values: fc.subarray(['a', 'b', 'c'], { minLength: 1 }) }),
  fc.record({ item: fc.constant('l'), op: fc.constantFrom('in' as const, 'notIn' as const), values: fc.subarray<string | number>([1, 2, 3, 4, 5, 'na'], { minLength: 1 }) }),
  fc.record({ item: fc.constant('n'), op: fc.constant('in' as const), values: fc.uniqueArray(fc.integer({ min: -3, max: 9 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ item: fc.constant('t'), op: fc.constant('in' as const), values: fc.constantFrom<(string | number)[]>(['có'], ["it's"], ['a', 'b']) }),
  fc.record({ item: fc.constantFrom('n', 'l'), op: fc.constantFrom('lte' as const, 'gte' as const), value: fc.integer({ min: -2, max: 7 }) }),
);
const treeC: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafC,
    fc.record({ op: fc.constantFrom('all' as const, 'any' as const), conditions: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant('not' as const), condition: tie('c') }),
  ),
})).c;

const resolve = (name: string) => TARGETS.get(name) ?? { problem: 'relevant-not-question' as const };

describe('writing a condition as a relevant and reading it back', () => {
  it('gives the canonical tree back, and it holds on the same answers', () => {
    fc.assert(
      fc.property(treeC, fc.array(answersArb, { minLength: 5, maxLength: 5 }), (cond, answerSets) => {
        const expression = writeRelevant(cond, TARGETS);
        const back = readRelevant(expression, resolve);
        expect(back.problems, expression).toEqual([]);
        expect(back.condition, expression).toEqual(simplify(cond));
        for (const answers of answerSets) expect(conditionHolds(back.condition!, answers), expression).toBe(conditionHolds(cond, answers));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the expressions a person would', () => {
    const targets = new Map([...TARGETS, ['x', targetOf({ id: 'x', type: 'single', label: { vi: 'x', en: 'x' }, required: false, options: [] })]]);
    expect(writeRelevant({ item: 's', op: 'in', values: ['co'] }, targets)).toBe("${s} = 'co'");
    expect(writeRelevant({ item: 'm', op: 'in', values: ['a', 'b'] }, targets)).toBe("selected(${m}, 'a') or selected(${m}, 'b')");
    expect(writeRelevant({ item: 'l', op: 'lte', value: 2 }, targets)).toBe('${l} <= 2');
    expect(writeRelevant({ item: 's', op: 'notIn', values: ['co'] }, targets)).toBe("${s} != '' and not(${s} = 'co')");
    expect(
      writeRelevant({ op: 'all', conditions: [{ item: 's', op: 'in', values: ['co', 'khong'] }, { op: 'not', condition: { item: 'n', op: 'gte', value: 3 } }] }, targets),
    ).toBe("(${s} = 'co' or ${s} = 'khong') and not(${n} >= 3)");
  });
});
