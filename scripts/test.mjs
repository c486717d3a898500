// `npm test`: the type check and the linter (boundaries, unused code) first, then unit and integration tests (vitest,
// SQLite and PostgreSQL), then browser tests (Playwright in Debian's Chromium); ends with one "N passed, N failed" line.
// The checks run side by side, and the app the browser tests serve (and the release they deploy) is built while the
// unit tests run, which mostly wait on a database or a child process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { appIsStale, buildApp, e2eFolders, ensureRelease } from './app-build.mjs';

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

/** Runs a command with its output kept, so commands run side by side print one after the other. */
const runQuiet = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });

const only = process.argv[2];
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

// A type error, a boundary crossed or dead code fails the run before any test spends minutes on it.
// The same three commands as `npm run typecheck` and `npm run lint` (eslint, then knip), here all at once.
const checks = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['eslint', 'npx', ['eslint', '.']],
  ['knip', 'npx', ['knip']],
];
const checksStarted = Date.now();
console.log(`> ${checks.map(([name]) => name).join(' + ')}`);
const results = await Promise.all(checks.map(([, cmd, args]) => runQuiet(cmd, args)));
let checksFailed = false;
for (const [i, [name]] of checks.entries()) {
  const { status, output } = results[i];
  if (output.trim()) console.log(output.trimEnd());
  if (status !== 0) {
    console.error(`\n${name} failed: fix it before the tests run.`);
    checksFailed = true;
  }
}
if (checksFailed) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
console.log(`checks clean (${seconds(checksStarted)})`);

// The browser tests' builds, made now unless fresh ones are there: playwright.config.ts's webServer and
// e2e/support/deploy.ts then find them and build nothing. A failed build is left for them to meet and report.
let builds;
if (only !== 'unit') {
  const dirs = e2eFolders();
  const started = Date.now();
  builds = (async () => {
    if (appIsStale(dirs.dist) && (await buildApp(dirs.dist)).status !== 0) return 'the app build failed; the webServer tries again';
    await ensureRelease(dirs);
    return `ready in ${seconds(started)}`;
  })().catch((e) => `${e.message.split('\n')[0]}; the update specs try again`);
}

let status = 0;
if (only !== 'e2e') status |= await new Promise((resolve) => {
  const child = spawn('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { stdio: 'inherit' });
  child.on('close', (code) => resolve(code ?? 1));
});
if (only !== 'unit') {
  console.log(`\n(the browser tests' builds: ${await builds})`);
  status |= run('npx', ['playwright', 'test'], { PW_JSON: pwJson });
}

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
