// Recomputes score_rollup and response_marks from the stored payloads: after a restore, an import by SQL, or a bug fix.
import type { Db } from '../db/index';
import { loadAllForms } from '../db/queries/all-forms';
import { countRollupTables, refillRollups } from '../db/queries/rollup';
import { RollupDelta } from './rollup';

/** Flush the in-memory sums before they grow past this many keys, so memory stays bounded on any database size. */
const FLUSH_AT = 100_000;

export interface RebuildReport {
  responses: number;
  rollupRows: number;
  marks: number;
}

/** Empties and refills the rollup tables in one transaction that keeps new responses out meanwhile (see refillRollups). */
export async function rebuildRollups(db: Db): Promise<RebuildReport> {
  const forms = await loadAllForms(db);
  const delta = new RollupDelta();
  const responses = await refillRollups(db, (row) => delta.add(row, forms), delta, FLUSH_AT);
  return { responses, ...(await countRollupTables(db)) };
}
