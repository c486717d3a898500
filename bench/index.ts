// `npm run bench`: runs every benchmark in turn and prints its table; never part of the pass/fail tests.
// `npm run bench -- drain ingest` runs only the benches whose file names contain one of the words.
import { header } from './harness';

const benches: [string, string][] = [
  ['answer save (Chromium)', './answer-save.ts'],
  ['bundle size per route (the kiosk against its budget)', './bundle-size.ts'],
  ['first load (Lighthouse, Chromium)', './lighthouse.ts'],
  ['ingest throughput', './ingest.ts'],
  ['outbox drain (Chromium)', './drain.ts'],
  ['people import read and check', './people-import.ts'],
  ['scores and exports', './scores.ts'],
  ['XLSForm upload read', './xlsform.ts'],
];

const only = process.argv.slice(2);
header('Hài Lòng benchmarks');
console.log('');
for (const [name, file] of benches) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`## ${name}`);
  try {
    const mod = (await import(file)) as { run?: () => Promise<unknown> };
    if (!mod.run) console.log('(no run() exported)\n');
    else await mod.run();
  } catch (err) {
    console.log(`(failed: ${(err as Error).message})\n`);
  }
}
