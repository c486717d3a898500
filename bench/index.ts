// `npm run bench`: runs every benchmark in turn and prints its table; never part of the pass/fail tests.
import { cpus, totalmem } from 'node:os';

const benches: [string, string][] = [
  ['answer save (Chromium)', './answer-save.ts'],
  ['bundle size per route', './bundle-size.ts'],
  ['kiosk route size', './kiosk-size.ts'],
  ['ingest throughput', './ingest.ts'],
  ['outbox drain (Chromium)', './drain.ts'],
  ['scores and exports', './scores.ts'],
];

const only = process.argv.slice(2);
console.log(`Hài Lòng benchmarks — ${new Date().toISOString()} — ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
for (const [name, file] of benches) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`## ${name}`);
  try {
    const mod = (await import(file)) as { run?: () => Promise<void> };
    if (!mod.run) console.log('(no run() exported)\n');
    else await mod.run();
  } catch (err) {
    console.log(`(failed: ${(err as Error).message})\n`);
  }
}
