// The messages between the main thread and an ingest worker (both sides import these types, nothing else).
import type { FormDefinition } from '../../core/forms/schema';
import type { BodyOutcome } from './batch';
import type { DeviceScopeData } from './device-scope';
import type { StoredBatch } from './ingest';

/** Given to each worker at start. */
export interface WorkerSetup {
  /** The SQLite file the worker stores batches in with a connection of its own; null: it only prepares them. */
  sqliteFile: string | null;
  /** One Int32 shared by the pool's workers: who holds the right to write (0 = nobody), so they queue without SQLite's sleeping busy handler. */
  writeLock: SharedArrayBuffer | null;
  /** This worker's non-zero tag in writeLock. */
  tag: number;
}

export interface PrepareRequest {
  id: number;
  body: Uint8Array;
  scope: DeviceScopeData;
  receivedAt: string;
  maxItems: number;
  formsVersion: number;
  /** Sent when the worker has not seen this version of the forms snapshot yet. */
  forms?: FormDefinition[];
  /** Store the batch too (the worker has a connection), answering with verdicts rather than the batch. */
  store: boolean;
}

/** A prepared batch (for the main thread to store), the verdicts of a batch the worker stored (and whether it stored a kiosk rating), or a refusal. */
export type WorkerOutcome = BodyOutcome | ({ ok: true } & StoredBatch);

export type PrepareResponse = { id: number; outcome: WorkerOutcome } | { id: number; error: string };
