// Writes score_rollup and response_marks: the upserts the ingest runs inside its insert transaction, and the rebuild's refill.
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Db } from '../index';
import { withSqlite } from '../index';
import { ROLLUP_COUNT_COLUMNS, ROLLUP_KEY_COLUMNS, type ResponseMark, type ResponsesTable, type RollupKey } from '../schema';

/** A rollup row's key without its item: one count vector per group holds every item of the form. */
export type RollupGroupKey = Omit<RollupKey, 'item_id'>;

/** Summed counts ready to be added to the rollup tables (what scores/rollup.ts's RollupDelta holds). */
export interface RollupRows {
  /**
   * Every item with a count, in no order: its group, item id, and the count vector holding its counts from
   * `offset` on, in ROLLUP_COUNT_COLUMNS order. No row objects: this runs on the ingest's critical path.
   */
  eachSlot(fn: (key: RollupGroupKey, itemId: string, counts: Int32Array, offset: number) => void): void;
  /** The same rows as objects, sorted by key. */
  rows(): { key: RollupKey; counts: number[] }[];
  readonly marks: readonly ResponseMark[];
}

const NC = ROLLUP_COUNT_COLUMNS.length;
const VALID = ROLLUP_COUNT_COLUMNS.indexOf('valid');
const UPSERT_COLUMNS = [...ROLLUP_KEY_COLUMNS, ...ROLLUP_COUNT_COLUMNS];
const CONFLICT_KEY = ROLLUP_KEY_COLUMNS.join(', ');
const UPDATE_SET = ROLLUP_COUNT_COLUMNS.map((c) => `${c} = score_rollup.${c} + excluded.${c}`).join(', ');

// ---- SQLite: synchronous, so it runs inside the better-sqlite3 transaction that inserted the rows

const SQLITE_ROLLUP_UPSERT =
  `INSERT INTO score_rollup (${UPSERT_COLUMNS.join(', ')}) VALUES (${UPSERT_COLUMNS.map(() => '?').join(', ')}) ` +
  `ON CONFLICT (${CONFLICT_KEY}) DO UPDATE SET ${UPDATE_SET}`;
// Slots that only count respondents (#n, #all, elements, follow-ups) carry just `valid`: a narrower statement binds 9 values, not 17.
const SQLITE_ROLLUP_UPSERT_VALID =
  `INSERT INTO score_rollup (${CONFLICT_KEY}, valid) VALUES (${ROLLUP_KEY_COLUMNS.map(() => '?').join(', ')}, ?) ` +
  `ON CONFLICT (${CONFLICT_KEY}) DO UPDATE SET valid = score_rollup.valid + excluded.valid`;
const SQLITE_MARK = 'INSERT INTO response_marks (response_id, flag, form_id, site_id, local_day) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';

interface SqliteStatements {
  upsert: BetterSqlite3.Statement;
  upsertValid: BetterSqlite3.Statement;
  mark: BetterSqlite3.Statement;
}
const sqliteStatements = new WeakMap<BetterSqlite3.Database, SqliteStatements>();

/**
 * Adds the counts inside the caller's SQLite transaction. Unsorted: SQLite has one writer at a time, so the
 * row order that keeps PostgreSQL free of deadlocks buys nothing here. Arguments are passed one by one (no
 * spread, no intermediate row objects): this runs on the ingest's critical path.
 */
export function writeRollupSqlite(sqlite: BetterSqlite3.Database, delta: RollupRows): void {
  let s = sqliteStatements.get(sqlite);
  if (!s) {
    s = { upsert: sqlite.prepare(SQLITE_ROLLUP_UPSERT), upsertValid: sqlite.prepare(SQLITE_ROLLUP_UPSERT_VALID), mark: sqlite.prepare(SQLITE_MARK) };
    sqliteStatements.set(sqlite, s);
  }
  const { upsert, upsertValid } = s;
  delta.eachSlot((k, item, c, o) => {
    let others = 0;
    for (let j = 0; j < NC; j++) if (j !== VALID) others |= c[o + j];
    if (others === 0) {
      upsertValid.run(k.form_id, k.grain, k.local_day, k.site_id, k.form_version, k.procedure_code, k.enumerator_id, item, c[o + VALID]);
    } else {
      upsert.run(k.form_id, k.grain, k.local_day, k.site_id, k.form_version, k.procedure_code, k.enumerator_id, item,
        c[o], c[o + 1], c[o + 2], c[o + 3], c[o + 4], c[o + 5], c[o + 6], c[o + 7], c[o + 8]);
    }
  });
  for (const m of delta.marks) s.mark.run(m.response_id, m.flag, m.form_id, m.site_id, m.local_day);
}

// ---- PostgreSQL: one statement of column arrays for the counts, one for the marks

const PG_KEY_TYPES: Record<(typeof ROLLUP_KEY_COLUMNS)[number], string> = {
  form_id: 'text',
  grain: 'text',
  local_day: 'text',
  site_id: 'text',
  form_version: 'int4',
  procedure_code: 'text',
  enumerator_id: 'text',
  item_id: 'text',
};
const PG_ROLLUP_UPSERT =
  `INSERT INTO score_rollup (${UPSERT_COLUMNS.join(', ')}) SELECT * FROM unnest(` +
  [...ROLLUP_KEY_COLUMNS.map((c, i) => `$${i + 1}::${PG_KEY_TYPES[c]}[]`), ...ROLLUP_COUNT_COLUMNS.map((_, j) => `$${ROLLUP_KEY_COLUMNS.length + j + 1}::int4[]`)].join(', ') +
  `) ON CONFLICT (${CONFLICT_KEY}) DO UPDATE SET ${UPDATE_SET}`;
const PG_MARKS =
  'INSERT INTO response_marks (response_id, flag, form_id, site_id, local_day) ' +
  'SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING';

const PG_CHUNK = 20_000;

/** Adds the counts on the client holding the caller's transaction, rows in key order so concurrent batches cannot deadlock. */
export async function writeRollupPostgres(client: pg.PoolClient, delta: RollupRows): Promise<void> {
  const rows = delta.rows();
  for (let i = 0; i < rows.length; i += PG_CHUNK) {
    const chunk = rows.slice(i, i + PG_CHUNK);
    const values: unknown[][] = [
      ...ROLLUP_KEY_COLUMNS.map((c) => chunk.map((r) => r.key[c])),
      ...ROLLUP_COUNT_COLUMNS.map((_, j) => chunk.map((r) => r.counts[j])),
    ];
    await client.query({ name: 'hailong_rollup_upsert', text: PG_ROLLUP_UPSERT, values });
  }
  for (let i = 0; i < delta.marks.length; i += PG_CHUNK) {
    const m = delta.marks.slice(i, i + PG_CHUNK);
    await client.query({
      name: 'hailong_marks_insert',
      text: PG_MARKS,
      values: [m.map((x) => x.response_id), m.map((x) => x.flag), m.map((x) => x.form_id), m.map((x) => x.site_id), m.map((x) => x.local_day)],
    });
  }
}

// ---- the rebuild: empty both tables and count every stored response again, in one transaction

/** The columns of a stored response the rollup counts from. */
const ROLLUP_SOURCE_COLUMNS = ['id', 'form_id', 'form_version', 'site_id', 'local_day', 'procedure_code', 'enumerator_id', 'flags', 'payload'] as const;
export type RollupSourceRow = Pick<ResponsesTable, (typeof ROLLUP_SOURCE_COLUMNS)[number]>;

/** Counts summed in memory while the rebuild reads: written and cleared whenever it holds `flushAt` slots, and at the end. */
export interface RollupBuffer extends RollupRows {
  readonly size: number;
  clear(): void;
}

const PAGE = 5_000;
const SOURCE_LIST = ROLLUP_SOURCE_COLUMNS.join(', ');

/**
 * Empties score_rollup and response_marks and hands every stored response that counts (not excluded), in id order, to `count`, which adds
 * it to `buffer`. One transaction that also keeps new responses out meanwhile (SQLite: the write lock;
 * PostgreSQL: a SHARE lock on responses), so no insert is counted twice or missed. Returns the responses read.
 */
export async function refillRollups(db: Db, count: (row: RollupSourceRow) => void, buffer: RollupBuffer, flushAt: number): Promise<number> {
  let responses = 0;
  if (db.kind === 'sqlite') {
    await withSqlite(db, (sqlite) => {
      const page = sqlite.prepare(`SELECT ${SOURCE_LIST} FROM responses WHERE id > ? AND excluded IS NULL ORDER BY id LIMIT ${PAGE}`);
      sqlite.transaction(() => {
        sqlite.exec('DELETE FROM score_rollup; DELETE FROM response_marks;');
        let after = '';
        for (;;) {
          const rows = page.all(after) as RollupSourceRow[];
          if (rows.length === 0) break;
          for (const r of rows) count(r);
          responses += rows.length;
          after = rows[rows.length - 1]?.id ?? after;
          if (buffer.size >= flushAt) {
            writeRollupSqlite(sqlite, buffer);
            buffer.clear();
          }
        }
        writeRollupSqlite(sqlite, buffer);
      }).immediate();
    });
    return responses;
  }
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE responses IN SHARE MODE');
    await client.query('DELETE FROM score_rollup');
    await client.query('DELETE FROM response_marks');
    let after = '';
    for (;;) {
      const { rows } = await client.query<RollupSourceRow>({ text: `SELECT ${SOURCE_LIST} FROM responses WHERE id > $1 AND excluded IS NULL ORDER BY id LIMIT ${PAGE}`, values: [after] });
      if (rows.length === 0) break;
      for (const r of rows) count(r);
      responses += rows.length;
      after = rows[rows.length - 1]?.id ?? after;
      if (buffer.size >= flushAt) {
        await writeRollupPostgres(client, buffer);
        buffer.clear();
      }
    }
    await writeRollupPostgres(client, buffer);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  return responses;
}

/** Rows in each rollup table (what a rebuild reports). */
export async function countRollupTables(db: Db): Promise<{ rollupRows: number; marks: number }> {
  const rollup = await db.k.selectFrom('score_rollup').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const marks = await db.k.selectFrom('response_marks').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return { rollupRows: Number(rollup.n), marks: Number(marks.n) };
}
