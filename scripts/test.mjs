// `npm test`: the type check and the linter (boundaries, unused code) first, then unit and integration tests (vitest,
// SQLite and PostgreSQL), then browser tests (Playwright in Debian's Chromium); ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}; the browser tests need it.\n` +
      `Install Debian's Chromium:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or set CHROMIUM_PATH to a Chromium binary. Never "npx playwright install": it downloads a browser.`,
  );
  process.exit(1);
}

mkdirSync('.tmp', { recursive: true });
const vitestJson = '.tmp/vitest-results.json';
const pwJson = '.tmp/playwright-results.json';
rmSync(vitestJson, { force: true });
rmSync(pwJson, { force: true });

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const only = process.argv[2];
// A type error, a boundary crossed or dead code fails the run before any test spends minutes on it.
for (const check of ['typecheck', 'lint']) {
  console.log(`> npm run ${check}`);
  if (run('npm', ['run', '-s', check]) !== 0) {
    console.error(`\nnpm run ${check} failed: fix it before the tests run.`);
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}
let status = 0;
if (only !== 'e2e') status |= run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (only !== 'unit') status |= run('npx', ['playwright', 'test'], { PW_JSON: pwJson });

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
}
if (existsSync(pwJson)) {
  const p = JSON.parse(readFileSync(pwJson, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
