// An ingest worker thread: reads a submissions body and prepares its batch (parse, validate, canonicalise, hash, score delta), and on SQLite stores it too.
import { parentPort, workerData } from 'node:worker_threads';
import type { FormDefinition } from '../../core/forms/schema';
import { openSqliteConnection } from '../db/index';
import { prepareBody, prepareBodyBatch } from './batch';
import { storeBatchSqlite } from './ingest';
import type { PrepareRequest, PrepareResponse, WorkerOutcome, WorkerSetup } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('prepare-worker.ts runs as a worker thread only');
const setup = workerData as WorkerSetup;

// The same file, settings and statements as the main thread's connection; SQLite's own locking keeps them apart.
const sqlite = setup.sqliteFile ? openSqliteConnection(setup.sqliteFile) : null;
const lock = setup.writeLock ? new Int32Array(setup.writeLock) : null;

/** Runs fn holding the pool's write lock: one worker writes while the others prepare their next batch. */
function exclusively<T>(fn: () => T): T {
  if (!lock) return fn();
  for (;;) {
    const holder = Atomics.compareExchange(lock, 0, 0, setup.tag);
    if (holder === 0) break;
    Atomics.wait(lock, 0, holder, 100);
  }
  try {
    return fn();
  } finally {
    Atomics.store(lock, 0, 0);
    Atomics.notify(lock, 0, 1);
  }
}

// The forms snapshot the main thread last sent, by its version; requests name the version they were prepared for.
let forms: { version: number; byKey: Map<string, FormDefinition> } | undefined;

function handle(m: PrepareRequest): WorkerOutcome {
  if (m.forms) forms = { version: m.formsVersion, byKey: new Map(m.forms.map((f) => [`${f.id}@${f.version}`, f])) };
  if (!forms || forms.version !== m.formsVersion) throw new Error(`worker has forms v${forms?.version}, request needs v${m.formsVersion}`);
  if (!m.store) return prepareBody(m.body, m.scope, forms.byKey, m.receivedAt, m.maxItems);
  if (!sqlite) throw new Error('this worker has no database to store in');
  const prepared = prepareBodyBatch(m.body, m.scope, forms.byKey, m.receivedAt, m.maxItems);
  if (!prepared.ok) return prepared;
  const byKey = forms.byKey;
  return { ok: true, ...exclusively(() => storeBatchSqlite(sqlite, prepared.batch, byKey)) };
}

port.on('message', (m: PrepareRequest | { close: true }) => {
  if ('close' in m) {
    // Between batches (messages are handled one at a time), so no transaction is open.
    sqlite?.close();
    process.exit(0);
  }
  let out: PrepareResponse;
  try {
    out = { id: m.id, outcome: handle(m) };
  } catch (e) {
    // Not the client's fault (that is an outcome): the main thread does this one itself.
    out = { id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(out);
});
port.postMessage({ ready: true });
