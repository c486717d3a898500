// Bench only (bench/scores.ts; no product code imports it): copies the million responses and the rollup SQLite's rebuild made into
// PostgreSQL by COPY, because inserting them (~1,000 responses/s, ~3,000 rollup rows/s on the loaded shared machine) takes hours.
import type { Db, PostgresDb } from '../index';

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
 * Fills target's `table` with every row of the same table in the SQLite file, in one COPY: PostgreSQL runs the sqlite3
 * command-line shell itself (COPY … FROM PROGRAM, a superuser's right, which the bench's own embedded server grants)
 * and reads its CSV, the fastest load PostgreSQL has; NULL stays NULL (unquoted empty field) and '' stays '' (the
 * shell quotes it). The file is opened immutable: the bench's own connection to it only reads meanwhile.
 */
export async function copyTableFromSqlite(sqliteFile: string, target: PostgresDb, table: 'responses' | 'score_rollup' | 'response_marks', columns: readonly string[]): Promise<number> {
  const select = `SELECT ${columns.join(', ')} FROM ${table}`;
  const program = `sqlite3 -csv ${shellQuote(`file:${sqliteFile}?immutable=1`)} ${shellQuote(select)}`;
  const r = await target.pool.query(`COPY ${table} (${columns.join(', ')}) FROM PROGRAM ${sqlLiteral(program)} WITH (FORMAT csv)`);
  return r.rowCount ?? 0;
}

/** Empties the tables (the rollup ones before a fresh copy). */
export async function emptyTables(target: PostgresDb, tables: readonly string[]): Promise<void> {
  await target.pool.query(`TRUNCATE ${tables.join(', ')}`);
}

const shellQuote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const sqlLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;
