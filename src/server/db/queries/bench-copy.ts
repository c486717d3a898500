// Bench only (bench/scores.ts; no product code imports it): copies the rollup tables a SQLite rebuild made into PostgreSQL, because
// upserting ~7 million rollup rows again through the PostgreSQL rebuild takes longer than the whole SQLite fill on the shared machine.
import type { Db, PostgresDb, SqliteDb } from '../index';

const ROLLUP_TABLES = ['score_rollup', 'response_marks'] as const;
const CHUNK = 20_000;

/** Counts and sums that differ when any rollup row differs in its counts (a cheap equality check over millions of rows). */
export interface RollupFingerprint {
  rollupRows: number;
  valid: number;
  satisfied: number;
  n1: number;
  n5: number;
  misuse: number;
  marks: number;
}

export async function rollupFingerprint(db: Db): Promise<RollupFingerprint> {
  const sums = await db.k
    .selectFrom('score_rollup')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('rollupRows'),
      eb.fn.sum<string | number>('valid').as('valid'),
      eb.fn.sum<string | number>('satisfied').as('satisfied'),
      eb.fn.sum<string | number>('n1').as('n1'),
      eb.fn.sum<string | number>('n5').as('n5'),
      eb.fn.sum<string | number>('misuse').as('misuse'),
    ])
    .executeTakeFirstOrThrow();
  const marks = await db.k.selectFrom('response_marks').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return {
    rollupRows: Number(sums.rollupRows),
    valid: Number(sums.valid ?? 0),
    satisfied: Number(sums.satisfied ?? 0),
    n1: Number(sums.n1 ?? 0),
    n5: Number(sums.n5 ?? 0),
    misuse: Number(sums.misuse ?? 0),
    marks: Number(marks.n),
  };
}

/**
 * Replaces target's score_rollup and response_marks with source's, in one transaction: plain INSERTs of CHUNK rows
 * as one JSON parameter each (no ON CONFLICT, the tables are emptied first). Source and target must hold the same
 * responses, which is what makes the copy equal to a rebuild on the target.
 */
export async function copyRollupTables(source: SqliteDb, target: PostgresDb): Promise<void> {
  const client = await target.pool.connect();
  try {
    await client.query('BEGIN');
    for (const table of ROLLUP_TABLES) {
      await client.query(`DELETE FROM ${table}`);
      const insert = `INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1::json)`;
      let batch: unknown[] = [];
      // Iterating holds the SQLite connection; nothing else reads the source while the bench copies.
      for (const row of source.sqlite.prepare(`SELECT * FROM ${table}`).iterate()) {
        batch.push(row);
        if (batch.length === CHUNK) {
          await client.query(insert, [JSON.stringify(batch)]);
          batch = [];
        }
      }
      if (batch.length) await client.query(insert, [JSON.stringify(batch)]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
