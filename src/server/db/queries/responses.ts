// Storing responses exactly once: INSERT … ON CONFLICT (id) DO NOTHING decides, then the stored hash tells duplicate from conflict.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db, PostgresDb, SqliteDb } from '../index';
import { withSqlite } from '../index';
import type { ResponseRow } from '../schema';
import { writeRollupPostgres, writeRollupSqlite, type RollupRows } from './rollup';

/** A row as ingest writes it: every column but the exclusion's, which only a later judgement sets. */
export type StoredResponseRow = Required<Omit<ResponseRow, 'excluded' | 'excluded_note' | 'excluded_by' | 'excluded_at'>>;

/** Column order shared by both insert paths and the benchmark's raw baseline. */
const RESPONSE_COLUMNS = [
  'id',
  'payload',
  'payload_hash',
  'form_id',
  'form_version',
  'site_id',
  'device_id',
  'enumerator_id',
  'mode',
  'started_at',
  'completed_at',
  'received_at',
  'local_day',
  'duration_ms',
  'flags',
  'procedure_code',
] as const satisfies readonly (keyof StoredResponseRow)[];

/**
 * The score counts of the rows actually inserted (never the duplicates), asked for only when there are some:
 * they are written in the insert's transaction, so they commit or fail with it. Synchronous, because
 * better-sqlite3 transactions cannot span an await.
 */
export type InsertRollup = (inserted: readonly StoredResponseRow[]) => RollupRows;

/**
 * Inserts the rows (ids must be distinct) in one transaction. For each row: null when it was stored now,
 * otherwise the payload hash of the row already stored under its id.
 */
export function insertResponses(db: Db, rows: readonly StoredResponseRow[], rollup?: InsertRollup): Promise<(string | null)[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return db.kind === 'sqlite' ? insertSqlite(db, rows, rollup) : insertPostgres(db, rows, rollup);
}

// ---- SQLite: one prepared single-row statement run in a synchronous transaction (no round trips to save).

interface SqliteStatements {
  insertMany: BetterSqlite3.Transaction<(rows: readonly StoredResponseRow[], rollup?: InsertRollup) => (string | null)[]>;
}
const sqliteStatements = new WeakMap<BetterSqlite3.Database, SqliteStatements>();

const SQLITE_INSERT_SQL = `INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')}) VALUES (${RESPONSE_COLUMNS.map(() => '?').join(', ')})`;
/** The statement the ingest runs for each row (the benchmark's raw baseline runs the same). */
export const SQLITE_INGEST_SQL = `${SQLITE_INSERT_SQL} ON CONFLICT (id) DO NOTHING`;

function statementsFor(sqlite: BetterSqlite3.Database): SqliteStatements {
  let s = sqliteStatements.get(sqlite);
  if (!s) {
    const insert = sqlite.prepare(SQLITE_INGEST_SQL);
    const storedHash = sqlite.prepare('SELECT payload_hash FROM responses WHERE id = ?').pluck();
    const insertMany = sqlite.transaction((rows: readonly StoredResponseRow[], rollup?: InsertRollup) => {
      const out: (string | null)[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        const info = insert.run(
          r.id, r.payload, r.payload_hash, r.form_id, r.form_version, r.site_id, r.device_id, r.enumerator_id,
          r.mode, r.started_at, r.completed_at, r.received_at, r.local_day, r.duration_ms, r.flags, r.procedure_code,
        );
        out[i] = info.changes === 1 ? null : (storedHash.get(r.id) as string);
      }
      if (rollup) {
        const inserted = rows.filter((_, i) => out[i] === null);
        if (inserted.length) writeRollupSqlite(sqlite, rollup(inserted));
      }
      return out;
    });
    s = { insertMany };
    sqliteStatements.set(sqlite, s);
  }
  return s;
}

/**
 * insertResponses on a better-sqlite3 connection, synchronously: for an ingest worker thread that holds its own
 * connection to the same file. BEGIN IMMEDIATE takes the write lock first, so connections queue for it (busy_timeout)
 * instead of failing to upgrade a read.
 */
export function insertResponsesSqlite(sqlite: BetterSqlite3.Database, rows: readonly StoredResponseRow[], rollup?: InsertRollup): (string | null)[] {
  if (rows.length === 0) return [];
  return statementsFor(sqlite).insertMany.immediate(rows, rollup);
}

function insertSqlite(db: SqliteDb, rows: readonly StoredResponseRow[], rollup?: InsertRollup): Promise<(string | null)[]> {
  return withSqlite(db, (sqlite) => statementsFor(sqlite).insertMany.immediate(rows, rollup));
}

// ---- PostgreSQL: one prepared statement whatever the batch size, fed by one JSON array of rows.

/**
 * The rows travel as one JSON parameter: JSON.stringify escapes the payloads natively, where pg's array literals
 * escape every element in JavaScript (measured: about half the Node CPU per inserted row).
 */
const PG_INSERT_JSON_SQL =
  `INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')}) ` +
  `SELECT ${RESPONSE_COLUMNS.join(', ')} FROM json_populate_recordset(null::responses, $1::json)`;

/** The statement the ingest runs for each batch (the benchmark's raw baseline runs the same). */
export const PG_INGEST_SQL = `${PG_INSERT_JSON_SQL} ON CONFLICT (id) DO NOTHING RETURNING id`;

/** The rows as the JSON parameter of PG_INSERT_JSON_SQL (only the columns, whatever else the objects carry). */
export function toJsonRows(rows: readonly StoredResponseRow[]): string {
  return JSON.stringify(rows, RESPONSE_COLUMNS as unknown as string[]);
}

const RETRYABLE = new Set(['40P01', '40001']);

/** With a rollup: BEGIN, the insert, the rollup on the same connection, COMMIT (all or nothing). */
async function insertReturningIds(db: PostgresDb, sorted: readonly StoredResponseRow[], rollup?: InsertRollup): Promise<Set<string>> {
  const query = { name: 'hailong_insert_responses', text: PG_INGEST_SQL, values: [toJsonRows(sorted)] };
  if (!rollup) {
    // A single statement is its own transaction: all rows or none.
    const r = await db.pool.query<{ id: string }>(query);
    return new Set(r.rows.map((x) => x.id));
  }
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const r = await client.query<{ id: string }>(query);
    const ids = new Set(r.rows.map((x) => x.id));
    const inserted = sorted.filter((row) => ids.has(row.id));
    if (inserted.length) await writeRollupPostgres(client, rollup(inserted));
    await client.query('COMMIT');
    return ids;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

async function insertPostgres(db: PostgresDb, rows: readonly StoredResponseRow[], rollup?: InsertRollup): Promise<(string | null)[]> {
  // Every batch locks ids in the same (sorted) order, so two overlapping batches cannot deadlock each other.
  const order = rows.map((_, i) => i).sort((a, b) => (rows[a].id < rows[b].id ? -1 : rows[a].id > rows[b].id ? 1 : 0));
  const sorted = order.map((i) => rows[i]);
  let inserted: Set<string> | undefined;
  for (let attempt = 0; !inserted; attempt++) {
    try {
      inserted = await insertReturningIds(db, sorted, rollup);
    } catch (e) {
      if (attempt < 3 && RETRYABLE.has((e as { code?: string }).code ?? '')) continue;
      throw e;
    }
  }
  const out: (string | null)[] = rows.map(() => null);
  const missing = rows.filter((r) => !inserted.has(r.id)).map((r) => r.id);
  if (missing.length) {
    // The rows that stopped ours are committed (ON CONFLICT waited for them), so this read sees them.
    const r = await db.pool.query<{ id: string; payload_hash: string }>({
      name: 'hailong_stored_hashes',
      text: 'SELECT id, payload_hash FROM responses WHERE id = ANY($1::text[])',
      values: [missing],
    });
    const stored = new Map(r.rows.map((x) => [x.id, x.payload_hash]));
    rows.forEach((row, i) => {
      if (!inserted.has(row.id)) out[i] = stored.get(row.id) ?? '';
    });
  }
  return out;
}

export async function countResponses(db: Db, where: { siteId?: string } = {}): Promise<number> {
  let q = db.k.selectFrom('responses').select((eb) => eb.fn.countAll<string | number>().as('n'));
  if (where.siteId) q = q.where('site_id', '=', where.siteId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Responses left out of the scores (responses.excluded set), of one form and some sites when given. */
export async function countExcludedResponses(db: Db, where: { formId?: string; siteIds?: readonly string[] } = {}): Promise<number> {
  if (where.siteIds && where.siteIds.length === 0) return 0;
  let q = db.k
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('excluded', 'is not', null);
  if (where.formId) q = q.where('form_id', '=', where.formId);
  if (where.siteIds) q = q.where('site_id', 'in', where.siteIds);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export function getStoredResponse(db: Db, id: string) {
  return db.k.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many responses these devices have stored (the demo seeds only while its tablets have none). */
export async function countResponsesOfDevices(db: Db, deviceIds: readonly string[]): Promise<number> {
  if (!deviceIds.length) return 0;
  const row = await db.k
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('device_id', 'in', deviceIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
