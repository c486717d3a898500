// Lint rules, and the package boundaries the three layers rely on: core stays pure, app and server never import each other.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'http', 'https', 'net', 'url', 'zlib', 'util'];
const SERVER_PACKAGES = ['fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'pg', 'exceljs', 'csv-stringify'];
const BROWSER_PACKAGES = ['react', 'react-dom', 'react-dom/*', 'react/*', 'react-i18next', 'i18next', 'dexie', 'dexie-react-hooks', 'workbox-window', 'virtual:*', 'uplot'];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'fetch', 'XMLHttpRequest'];

const restrict = (message, ...groups) => ({ group: groups.flat(), message });

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', '.tmp/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-undef': 'off',
    },
  },
  {
    files: ['src/app/**/*.tsx', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // A migration describes the tables as they were on its day, so it must not be typed by today's schema.
    files: ['src/server/db/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...[0, 1, 2, 3, 4].flatMap((depth) => {
    // Relative specifiers are matched as written, so each folder depth gets the exact "../" that leaves its layer.
    const dirs = '*/'.repeat(depth);
    const toSrc = '../'.repeat(depth + 1);
    const other = (layer) => [`${toSrc}${layer}`, `${toSrc}${layer}/**`];
    const boundary = (layer, message, packages) => ({
      files: [`src/${layer}/${dirs}*.{ts,tsx}`],
      // Tests in core may read fixtures from disk (node:fs, exceljs); only what ships must stay pure.
      ...(layer === 'core' ? { ignores: ['src/core/**/*.test.ts'] } : {}),
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...packages,
              ...(layer === 'core'
                ? [restrict('src/core must not depend on the app or the server', other('app'), other('server'))]
                : [restrict(message, other(layer === 'app' ? 'server' : 'app'))]),
            ],
          },
        ],
      },
    });
    return [
      boundary('core', '', [
        restrict('src/core is pure: no node:* modules (it runs in the browser too)', NODE_BUILTINS),
        restrict('src/core is pure: no browser or UI libraries', BROWSER_PACKAGES),
        restrict('src/core is pure: no server libraries', SERVER_PACKAGES),
      ]),
      boundary('app', 'the app talks to the server over HTTP only; shared shapes live in src/core', [
        restrict('server libraries do not belong in the browser', SERVER_PACKAGES),
      ]),
      boundary('server', 'the server never imports the app; shared shapes live in src/core', [
        restrict('browser libraries do not belong in the server', BROWSER_PACKAGES),
      ]),
    ];
  }),
  {
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [restrict('core tests must not depend on the app or the server', ['**/app/**', '**/server/**'])] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'src/core is pure: no DOM or browser globals' }))],
    },
  },
);
