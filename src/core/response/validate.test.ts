// The rule book shared by tablet and server: what a complete, honest set of answers looks like.
import { describe, expect, it } from 'vitest';
import { FormDefinition } from '../forms/schema';
import { Response } from './schema';
import { validateAnswers, validateResponse } from './validate';

const L = (s: string) => ({ vi: s, en: s });
const scale = { levels: [1, 2, 3, 4, 5].map((n) => L(`Mức ${n}`)), na: L('Không áp dụng') };

const form = FormDefinition.parse({
  id: 'validate-test',
  version: 3,
  kind: 'interview',
  title: L('Thử'),
  scale,
  sections: [
    {
      id: 's1',
      title: L('Phần 1'),
      items: [
        { id: 'q1', type: 'likert5', label: L('Câu 1'), required: true },
        { id: 'q2', type: 'likert5', label: L('Câu 2'), required: true, allowNA: false },
        { id: 'why', type: 'text', label: L('Vì sao?'), required: true, maxLength: 10, showIf: { item: 'q1', op: 'lte', value: 2 } },
        { id: 'age', type: 'number', label: L('Tuổi'), min: 18, max: 120 },
        { id: 'pick', type: 'multi', label: L('Chọn'), max: 2, options: ['a', 'b', 'c'].map((v) => ({ value: v, label: L(v) })) },
        { id: 'one', type: 'single', label: L('Một'), options: ['x', 'y'].map((v) => ({ value: v, label: L(v) })) },
      ],
    },
  ],
});

describe('validateAnswers', () => {
  it('accepts a complete set, with "na" where allowed and null as "not answered"', () => {
    expect(validateAnswers(form, { q1: 'na', q2: 5, age: 40, pick: ['a', 'c'], one: 'y' })).toEqual([]);
    expect(validateAnswers(form, { q1: 4, q2: 1, age: null })).toEqual([]);
  });

  it('names every required visible item left blank, and only when complete', () => {
    expect(validateAnswers(form, {})).toEqual([
      { path: 'answers.q1', message: 'is required' },
      { path: 'answers.q2', message: 'is required' },
    ]);
    expect(validateAnswers(form, {}, false)).toEqual([]);
    // A required follow-up becomes required only once it is shown.
    expect(validateAnswers(form, { q1: 1, q2: 3 })).toEqual([{ path: 'answers.why', message: 'is required' }]);
    expect(validateAnswers(form, { q1: 1, q2: 3, why: '  ' })).toEqual([{ path: 'answers.why', message: 'is required' }]);
    expect(validateAnswers(form, { q1: 1, q2: 3, why: 'chậm' })).toEqual([]);
  });

  it('refuses "na" where the item does not allow it, and likert values outside 1–5', () => {
    expect(validateAnswers(form, { q1: 3, q2: 'na' })).toEqual([{ path: 'answers.q2', message: '"na" is not allowed here' }]);
    for (const bad of [0, 6, 2.5, '3', 'NA', ['4']])
      expect(validateAnswers(form, { q1: bad as never, q2: 3 }).filter((i) => i.path === 'answers.q1'), String(bad)).toEqual([
        { path: 'answers.q1', message: 'must be an integer 1–5 or "na"' },
      ]);
  });

  it('refuses an answer to a question that was not shown', () => {
    expect(validateAnswers(form, { q1: 5, q2: 5, why: 'khen' })).toEqual([
      { path: 'answers.why', message: 'answers a question that was not shown' },
    ]);
  });

  it('refuses answers to items the form does not have', () => {
    expect(validateAnswers(form, { q1: 5, q2: 5, q99: 3 })).toEqual([{ path: 'answers.q99', message: 'is not an item of this form' }]);
  });

  it('checks numbers, choices and text length', () => {
    const issues = (answers: Record<string, unknown>) => validateAnswers(form, { q1: 5, q2: 5, ...(answers as object) }).map((i) => `${i.path} ${i.message}`);
    expect(issues({ age: 17 })).toEqual(['answers.age must be at least 18']);
    expect(issues({ age: 121 })).toEqual(['answers.age must be at most 120']);
    expect(issues({ age: 30.5 })).toEqual(['answers.age must be a whole number']);
    expect(issues({ age: '30' })).toEqual(['answers.age must be a number']);
    expect(issues({ pick: ['a', 'b', 'c'] })).toEqual(['answers.pick allows at most 2 choices']);
    expect(issues({ pick: ['a', 'a'] })).toEqual(['answers.pick lists an option twice']);
    expect(issues({ pick: ['z'] })).toEqual(['answers.pick lists an unknown option']);
    expect(issues({ pick: 'a' })).toEqual(['answers.pick must be a list of options']);
    expect(issues({ one: 'z' })).toEqual(['answers.one must be one of the options']);
    expect(validateAnswers(form, { q1: 1, q2: 5, why: 'x'.repeat(11) })).toEqual([
      { path: 'answers.why', message: 'is longer than 10 characters' },
    ]);
  });
});

describe('validateResponse', () => {
  const base = Response.parse({
    id: '01890a5d-ac96-774b-bcce-b302099a8057',
    formId: 'validate-test',
    formVersion: 3,
    mode: 'interview',
    siteId: 'site-1',
    deviceId: 'dev-1',
    enumeratorId: 'enum-1',
    locale: 'vi',
    startedAt: '2026-11-26T09:00:00+07:00',
    completedAt: '2026-11-26T09:05:00+07:00',
    answers: { q1: 4, q2: 4 },
    appVersion: '0.1.0',
  });

  it('accepts a response on its own form and version', () => {
    expect(validateResponse(form, base)).toEqual([]);
  });

  it('refuses a response answered on another version, or in the wrong mode', () => {
    expect(validateResponse(form, { ...base, formVersion: 2 })).toEqual([{ path: 'formVersion', message: 'does not match the form' }]);
    expect(validateResponse(form, { ...base, mode: 'kiosk' })).toContainEqual({ path: 'mode', message: 'must be interview for this form' });
  });
});
