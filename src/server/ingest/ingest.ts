// A batch of submitted items → one verdict each, in order: invalid items are judged first, the rest stored in one transaction.
import type { FormDefinition } from '../../core/forms/schema';
import { CONFLICT_REASON } from '../../core/protocol/problems';
import type { Verdict, VerdictCounts } from '../../core/protocol/verdicts';
import type { Db, SqliteConnection } from '../db/index';
import { insertResponses, insertResponsesSqlite, type InsertRollup } from '../db/queries/responses';
import { deltaOf, RollupDelta } from '../scores/rollup';
import { prepareBatch, type PreparedBatch } from './batch';
import type { Scope } from './prepare';

export type { Scope } from './prepare';

export async function ingest(
  db: Db,
  items: readonly unknown[],
  scope: Scope,
  forms: ReadonlyMap<string, FormDefinition>,
  receivedAt: Date,
): Promise<Verdict[]> {
  return (await storeBatch(db, prepareBatch(items, scope, forms, receivedAt.toISOString()), forms)).verdicts;
}

/** A stored batch's answer, and whether it stored a kiosk rating now (only then can a site's kiosk alert change). */
export interface StoredBatch {
  verdicts: Verdict[];
  kiosk: boolean;
}

/**
 * The score rollup for the insert's transaction. When every row of the batch was inserted (the usual case) it
 * adds the delta prepared with the batch; when some were already stored it counts only those inserted now,
 * from their payloads, exactly as a rebuild would.
 */
function rollupFor(batch: PreparedBatch, forms: ReadonlyMap<string, FormDefinition>): InsertRollup {
  return (inserted) => (inserted.length === batch.rows.length ? RollupDelta.fromData(batch.rollup, forms) : deltaOf(inserted, forms));
}

/** Stores a prepared batch (one transaction, scores included) and answers every item. `forms` must be the snapshot it was prepared with. */
export async function storeBatch(db: Db, batch: PreparedBatch, forms: ReadonlyMap<string, FormDefinition>): Promise<StoredBatch> {
  return storedOf(batch, await insertResponses(db, batch.rows, rollupFor(batch, forms)));
}

/** storeBatch on a connection of this thread's own (an ingest worker's), synchronously. */
export function storeBatchSqlite(sqlite: SqliteConnection, batch: PreparedBatch, forms: ReadonlyMap<string, FormDefinition>): StoredBatch {
  return storedOf(batch, insertResponsesSqlite(sqlite, batch.rows, rollupFor(batch, forms)));
}

function storedOf(batch: PreparedBatch, stored: readonly (string | null)[]): StoredBatch {
  // Only a row inserted now counts: a repeated kiosk rating changes no window.
  const kiosk = batch.rows.some((r, k) => stored[k] === null && r.mode === 'kiosk');
  return { verdicts: verdictsOf(batch, stored), kiosk };
}

/** What verdictsOf needs of a judged batch: the early verdicts, the rows written (id and hash) and the repeats. */
type JudgedBatch = Pick<PreparedBatch, 'verdicts' | 'rowIndex' | 'repeats'> & { rows: readonly { id: string; payload_hash: string }[] };

/** The verdict for an id stored with other content (409.1 for a response; refusals say 409.8). */
type ConflictVerdict = (id: string) => Verdict;

/**
 * Every item's verdict, given for each row null (stored now) or the hash already stored under its id. Refusals
 * (issue 11) are judged by the same rules, with their own conflict.
 */
export function verdictsOf(batch: JudgedBatch, stored: readonly (string | null)[], conflict: ConflictVerdict = responseConflict): Verdict[] {
  const { rows, rowIndex, repeats } = batch;
  const verdicts = batch.verdicts as (Verdict | null)[];
  // Hashes by id are only needed to judge repeats within the batch.
  const finalHash = repeats.length ? new Map<string, string>() : null;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const storedHash = stored[k];
    finalHash?.set(row.id, storedHash ?? row.payload_hash);
    verdicts[rowIndex[k]] = storedHash === null ? { id: row.id, status: 'accepted' } : storedHash === row.payload_hash ? { id: row.id, status: 'duplicate' } : conflict(row.id);
  }
  for (const r of repeats) {
    const hash = finalHash!.get(r.id)!;
    verdicts[r.index] = hash === r.hash ? { id: r.id, status: 'duplicate' } : conflict(r.id);
  }
  return verdicts as Verdict[];
}

function responseConflict(id: string): Verdict {
  return { id, status: 'conflict', code: 409.1, reason: CONFLICT_REASON };
}

export function countVerdicts(verdicts: readonly Verdict[]): VerdictCounts {
  const counts: VerdictCounts = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0 };
  for (const v of verdicts) counts[v.status]++;
  return counts;
}
