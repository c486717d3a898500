// A few worker threads that prepare submission bodies, and on SQLite store them, so the main thread mostly serves HTTP.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FormDefinition } from '../../core/forms/schema';
import { prepareBody, type BodyOutcome } from './batch';
import type { DeviceScopeData } from './device-scope';
import type { PrepareRequest, PrepareResponse, WorkerOutcome, WorkerSetup } from './worker-protocol';

/**
 * INGEST_WORKERS when set (0 = everything on the main thread). Otherwise: workers that also store (SQLite) take
 * turns at the database while the others prepare, so one per core, at least two, at most four; workers that only
 * prepare (PostgreSQL) leave a core to the main thread, which then stores.
 */
function ingestWorkerCount(stores: boolean, env: NodeJS.ProcessEnv = process.env): number {
  const text = env.INGEST_WORKERS?.trim();
  if (text) {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, 16);
  }
  const cores = availableParallelism();
  if (cores < 2) return 0;
  return stores ? Math.min(4, Math.max(2, cores)) : Math.min(4, cores - 1);
}

type Pending = { resolve: (o: WorkerOutcome) => void; reject: (e: Error) => void };

/** tsx's ESM register API (the CommonJS build's register() cannot start hooks in a worker). */
function tsxApiUrl(): string {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve('tsx/esm/api');
    } catch {
      /* fall through */
    }
  }
  // require.resolve finds the CommonJS build; the ESM one sits beside it.
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

/** The worker's source runs as TypeScript through tsx when this file does, so the pool works under tsx, vitest and node alike. */
function startWorker(setup: WorkerSetup): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./prepare-worker${ext}`, import.meta.url).href;
  // A worker holds at most one batch (≤ 5 MB of JSON): small heaps keep the server's resident memory low, which
  // matters most while a large export streams on the main thread.
  const resourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };
  if (ext !== '.ts') return new Worker(new URL(entry), { execArgv: [], workerData: setup, resourceLimits });
  const boot = `import(${JSON.stringify(tsxApiUrl())}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, execArgv: [], workerData: setup, resourceLimits });
}

class Slot {
  readonly worker: Worker;
  ready = false;
  dead = false;
  readonly whenReady: Promise<void>;
  private markReady!: () => void;
  /** Version of the forms snapshot this worker holds. */
  formsVersion = -1;
  readonly pending = new Map<number, Pending>();

  constructor(
    readonly setup: WorkerSetup,
    onGone: (slot: Slot) => void,
  ) {
    this.whenReady = new Promise((resolve) => (this.markReady = resolve));
    this.worker = startWorker(setup);
    this.worker.unref();
    this.worker.on('message', (m: PrepareResponse | { ready: true }) => {
      if ('ready' in m) {
        this.ready = true;
        this.markReady();
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if ('error' in m) p.reject(new Error(m.error));
      else p.resolve(m.outcome);
    });
    const gone = (e: unknown) => {
      if (this.dead) return;
      this.dead = true;
      this.markReady();
      // A worker that died holding the write lock must not keep the others waiting for it.
      if (setup.writeLock) {
        const lock = new Int32Array(setup.writeLock);
        if (Atomics.compareExchange(lock, 0, setup.tag, 0) === setup.tag) Atomics.notify(lock, 0);
      }
      const err = e instanceof Error ? e : new Error(`ingest worker exited (${String(e)})`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      onGone(this);
    };
    this.worker.on('error', gone);
    this.worker.on('exit', gone);
  }

  run(req: PrepareRequest): Promise<WorkerOutcome> {
    return new Promise((resolve, reject) => {
      // Referenced only while it owes an answer: an idle pool never keeps the process alive.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(req.id, { resolve, reject });
      this.worker.postMessage(req);
    });
  }

  /** Asks the worker to close its database and stop between batches; forces it after a while. */
  async close(): Promise<void> {
    if (this.dead) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ close: true });
    const timer = setTimeout(() => void this.worker.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

export interface PoolOptions {
  /** Workers to run (default ingestWorkerCount). */
  size?: number;
  /** A SQLite database file the workers store batches in themselves (null or ':memory:' = they only prepare). */
  sqliteFile?: string | null;
}

/**
 * Prepares submission bodies (prepareBody) in worker threads, and stores them there when the database is a
 * SQLite file. Every answer is the one this thread would give: when there are no workers, none is ready yet or
 * one fails, the caller is told to prepare and store here (a worker can make a request slower, never different;
 * a batch a dying worker may already have stored is then judged against itself: duplicate, not twice).
 */
export class PreparePool {
  private slots: Slot[] = [];
  private started = false;
  private closed = false;
  private nextId = 1;
  private nextTag = 1;
  private readonly formsVersions = new WeakMap<ReadonlyMap<string, FormDefinition>, number>();
  private formsCounter = 0;
  private lastRespawn = 0;
  private readonly sqliteFile: string | null;
  private readonly writeLock: SharedArrayBuffer | null;
  readonly size: number;
  /** Bodies handled by a worker, and on this thread (no worker ready, or one failed). */
  readonly stats = { worker: 0, local: 0 };

  constructor(opts: PoolOptions | number = {}) {
    const o = typeof opts === 'number' ? { size: opts } : opts;
    this.sqliteFile = o.sqliteFile && o.sqliteFile !== ':memory:' ? o.sqliteFile : null;
    this.writeLock = this.sqliteFile ? new SharedArrayBuffer(4) : null;
    this.size = o.size ?? ingestWorkerCount(this.sqliteFile !== null);
  }

  /** True when workers store batches themselves (submit may answer with verdicts). */
  get stores(): boolean {
    return this.sqliteFile !== null && this.size > 0;
  }

  /** Starts the workers now rather than on the first request; resolves when each is ready (or gone). */
  async warm(): Promise<void> {
    this.pick();
    await Promise.all(this.slots.map((s) => s.whenReady));
  }

  /** Prepares a body; never stores it. */
  async prepare(body: Uint8Array, scope: DeviceScopeData, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string, maxItems: number): Promise<BodyOutcome> {
    const o = await this.dispatch(body, scope, forms, receivedAt, maxItems, false);
    // Asked not to store, a worker never answers with verdicts.
    return o && !('verdicts' in o) ? o : this.local(body, scope, forms, receivedAt, maxItems);
  }

  /**
   * Prepares a body and, when the workers store, stores it: verdicts, and whether a kiosk rating was stored. Undefined when no worker could take it:
   * the caller prepares and stores on this thread.
   */
  async submit(body: Uint8Array, scope: DeviceScopeData, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string, maxItems: number): Promise<WorkerOutcome | undefined> {
    const o = await this.dispatch(body, scope, forms, receivedAt, maxItems, this.stores);
    if (!o) this.stats.local++;
    return o;
  }

  private async dispatch(
    body: Uint8Array,
    scope: DeviceScopeData,
    forms: ReadonlyMap<string, FormDefinition>,
    receivedAt: string,
    maxItems: number,
    store: boolean,
  ): Promise<WorkerOutcome | undefined> {
    const slot = this.pick();
    if (!slot) return undefined;
    let version = this.formsVersions.get(forms);
    if (version === undefined) this.formsVersions.set(forms, (version = this.formsCounter++));
    const req: PrepareRequest = { id: this.nextId++, body, scope, receivedAt, maxItems, formsVersion: version, store };
    if (slot.formsVersion !== version) {
      req.forms = [...forms.values()];
      slot.formsVersion = version;
    }
    try {
      const outcome = await slot.run(req);
      this.stats.worker++;
      return outcome;
    } catch {
      // The worker failed (not the body: a bad body is an outcome). The caller does it here.
      slot.formsVersion = -1;
      return undefined;
    }
  }

  private local(...args: Parameters<typeof prepareBody>): BodyOutcome {
    this.stats.local++;
    return prepareBody(...args);
  }

  /** The ready worker with the fewest requests in hand; undefined means "do it here". */
  private pick(): Slot | undefined {
    if (this.size === 0 || this.closed) return undefined;
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < this.size; i++) this.spawn();
    }
    let best: Slot | undefined;
    for (const s of this.slots) if (s.ready && !s.dead && (!best || s.pending.size < best.pending.size)) best = s;
    return best;
  }

  private spawn(): void {
    const setup: WorkerSetup = { sqliteFile: this.sqliteFile, writeLock: this.writeLock, tag: this.nextTag++ };
    const slot = new Slot(setup, (gone) => {
      this.slots = this.slots.filter((s) => s !== gone);
      // Replace a lost worker, but not in a tight loop if workers keep dying.
      const now = Date.now();
      if (!this.closed && now - this.lastRespawn > 10_000) {
        this.lastRespawn = now;
        this.spawn();
      }
    });
    this.slots.push(slot);
  }

  /** Stops the workers (each closes its database first). */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.close()));
  }
}
