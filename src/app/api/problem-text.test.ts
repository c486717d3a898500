// One map from the problem catalogue to plain words: every code has a message in Vietnamese and English, worded for
// the tablet, with staff wording where the tablet's would be wrong.
import i18n from 'i18next';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type ProblemCode } from '../../core/protocol/problems';
import type en from '../i18n/locales/en/problems.json';
import type vi from '../i18n/locales/vi/problems.json';
import { ApiError } from './api-error';
import { errorText } from './error-text';
import { failureText, problemText } from './problem-text';

type Tree = { [k: string]: string | Tree };
const locale = (lang: string) => JSON.parse(readFileSync(new URL(`../i18n/locales/${lang}/problems.json`, import.meta.url), 'utf8')) as Tree;

function lookup(tree: Tree, code: string): unknown {
  const [status, sub] = code.split('.');
  const group = tree[status];
  return typeof group === 'object' ? group[sub] : undefined;
}

// A code added to the catalogue without its words in both locale files does not compile.
type Missing<M> = { [C in ProblemCode]: C extends `${infer S}.${infer N}` ? (S extends keyof M ? (N extends keyof M[S] ? never : C) : C) : C }[ProblemCode];
const everyCodeWorded: [Missing<typeof vi>, Missing<typeof en>] extends [never, never] ? true : false = true;

describe('problem messages', () => {
  for (const lang of ['vi', 'en']) {
    it(`has a ${lang} message for every code in the catalogue`, () => {
      const tree = locale(lang);
      const missing = PROBLEM_CODES.filter((code) => typeof lookup(tree, code) !== 'string' || !(lookup(tree, code) as string).trim());
      expect(missing).toEqual([]);
      expect(everyCodeWorded).toBe(true);
      for (const key of ['network', 'timeout', 'badAnswer', 'status', 'unknown']) expect(typeof tree[key]).toBe('string');
    });
  }

  it('says a revoked tablet keeps its responses, in both languages', () => {
    expect(lookup(locale('vi'), '401.2')).toMatch(/thu hồi.*giữ/);
    expect(lookup(locale('en'), '401.2')).toMatch(/revoked.*kept/);
  });
});

describe('problemText', () => {
  beforeAll(async () => {
    await i18n.init({ resources: { vi: { problems: locale('vi') }, en: { problems: locale('en') } }, lng: 'vi', fallbackLng: 'vi', interpolation: { escapeValue: false } });
  });

  it('words a code for the tablet, or for staff where the tablet wording would be wrong', () => {
    expect(problemText(401.1, 'en')).toMatch(/does not recognise this tablet/);
    expect(problemText(401.1, 'en', { audience: 'staff' })).toBe('Your session has expired. Please sign in again.');
    expect(problemText('401.3', 'vi', { audience: 'staff' })).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(problemText('409.1', 'vi')).toBe(lookup(locale('vi'), '409.1'));
  });

  it('falls back on the status for a code it does not know, and says server trouble to staff', () => {
    expect(problemText('499.7', 'en')).toBe('The server reported error 499; the tablet will try again later.');
    expect(problemText(null, 'en', { status: 502 })).toBe('The server reported error 502; the tablet will try again later.');
    expect(problemText(null, 'en', { status: 502, audience: 'staff' })).toBe('The server has a problem. Please try again in a few minutes.');
    expect(problemText('500.1', 'vi', { audience: 'staff' })).toBe('Máy chủ đang gặp lỗi. Vui lòng thử lại sau ít phút.');
    expect(problemText(null, 'en', { status: 418, audience: 'staff' })).toBe('Unexpected error (code 418).');
    expect(problemText(undefined, 'en')).toBe('Something went wrong while sending.');
  });

  it('words failed requests by kind', () => {
    expect(failureText({ kind: 'network' }, 'vi')).toMatch(/khi có mạng/);
    expect(failureText({ kind: 'network' }, 'en', 'staff')).toBe('Cannot reach the server. Check the connection and try again.');
    expect(failureText({ kind: 'problem', status: 401, code: '401.2' }, 'vi')).toBe(lookup(locale('vi'), '401.2'));
    expect(errorText(new ApiError({ kind: 'timeout' }), 'en')).toMatch(/did not answer in time/);
    expect(errorText(new Error('boom'), 'en', 'staff')).toBe('Unexpected error.');
  });
});
