// The app's own locale files, so page models find buttons by the words a person reads, in either language.
import { readFileSync } from 'node:fs';

export type Lang = 'vi' | 'en';

type Tree = { [k: string]: string | Tree };
const cache = new Map<string, Tree>();

function load(lang: Lang, ns: string): Tree {
  const key = `${lang}/${ns}`;
  let tree = cache.get(key);
  if (!tree) {
    tree = JSON.parse(readFileSync(new URL(`../../src/app/i18n/locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as Tree;
    cache.set(key, tree);
  }
  return tree;
}

/** t('interview:nav.next', 'en') → "Next"; {{name}} placeholders are filled from vars; count picks _one/_other. */
export function t(key: string, lang: Lang = 'vi', vars: Record<string, string | number> = {}): string {
  const [ns, path] = key.includes(':') ? key.split(':') : ['common', key];
  const parts = path.split('.');
  let node: string | Tree | undefined = load(lang, ns);
  for (const [i, p] of parts.entries()) {
    if (typeof node !== 'object') break;
    const last = i === parts.length - 1;
    node = last && 'count' in vars && !(p in node) ? node[`${p}_${vars.count === 1 ? 'one' : 'other'}`] : node[p];
  }
  if (typeof node !== 'string') throw new Error(`no string ${lang}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? `{{${k}}}`));
}
