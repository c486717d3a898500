// One export in a process of its own, so its peak RSS is the export's: bench/scores.ts bundles this file to plain JS and runs it.
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { openDb } from '../src/server/db/index';
import { listSites } from '../src/server/db/queries/sites';
import { prepareExport, type ExportFormat } from '../src/server/exports/run';
import { resolveForm } from '../src/server/scores/scope';

function statusMiB(field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const cfg = JSON.parse(process.argv[2] ?? '{}') as { dataDir?: string; databaseUrl?: string; format: ExportFormat; from: string; to: string; file: string };
const db = openDb(cfg.databaseUrl ? { databaseUrl: cfg.databaseUrl, poolSize: 2 } : { dataDir: cfg.dataDir });
const form = await resolveForm(db, 'sipas-2017');
const sites = await listSites(db);
const idle = statusMiB('VmHWM');
const t0 = performance.now();
const prepared = await prepareExport(db, {
  form,
  filter: { formId: form.id, from: cfg.from, to: cfg.to },
  sites,
  allSites: true,
  format: cfg.format,
  lang: 'vi',
  now: new Date(),
});
const out = createWriteStream(cfg.file);
const rows = await prepared.write(out);
await finished(out);
const seconds = (performance.now() - t0) / 1000;
await db.close();
process.stdout.write(JSON.stringify({ rows, expected: prepared.rows, seconds, bytes: statSync(cfg.file).size, idle, peak: statusMiB('VmHWM') }) + '\n');
