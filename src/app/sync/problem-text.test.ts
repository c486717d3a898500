// One map from the server's problem catalogue to plain words: every code has a message in Vietnamese and English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The server's catalogue is the contract; reading it here (a test, not app code) keeps the two from drifting.
import { PROBLEMS } from '../../server/problems';

type Tree = { [k: string]: string | Tree };
const locale = (lang: string) => JSON.parse(readFileSync(new URL(`../i18n/locales/${lang}/problems.json`, import.meta.url), 'utf8')) as Tree;

function lookup(tree: Tree, code: string): unknown {
  const [status, sub] = code.split('.');
  const group = tree[status];
  return typeof group === 'object' ? group[sub] : undefined;
}

describe('problem messages', () => {
  for (const lang of ['vi', 'en']) {
    it(`has a ${lang} message for every code in the server's catalogue`, () => {
      const tree = locale(lang);
      const missing = Object.keys(PROBLEMS).filter((code) => typeof lookup(tree, code) !== 'string' || !(lookup(tree, code) as string).trim());
      expect(missing).toEqual([]);
      for (const key of ['network', 'timeout', 'badAnswer', 'status', 'unknown']) expect(typeof tree[key]).toBe('string');
    });
  }

  it('says a revoked tablet keeps its responses, in both languages', () => {
    expect(lookup(locale('vi'), '401.2')).toMatch(/thu hồi.*giữ/);
    expect(lookup(locale('en'), '401.2')).toMatch(/revoked.*kept/);
  });
});
