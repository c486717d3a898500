// Recomputes score_rollup and response_marks from the stored payloads: after a restore, an import by SQL, or a bug fix.
import type { Db } from '../db/index';
import { withSqlite } from '../db/index';
import { loadAllForms } from '../db/queries/all-forms';
import { RollupDelta, writeDeltaPostgres, writeDeltaSqlite, type RollupSource } from './rollup';

const PAGE = 5_000;
/** Flush the in-memory sums before they grow past this many keys, so memory stays bounded on any database size. */
const FLUSH_AT = 100_000;

const COLUMNS = 'id, form_id, form_version, site_id, local_day, procedure_code, enumerator_id, flags, payload';

export interface RebuildReport {
  responses: number;
  rollupRows: number;
  marks: number;
}

/**
 * Empties and refills the rollup tables in one transaction that also keeps new responses out meanwhile
 * (SQLite: the write lock; PostgreSQL: a SHARE lock on responses), so no insert is counted twice or missed.
 */
export async function rebuildRollups(db: Db): Promise<RebuildReport> {
  const forms = await loadAllForms(db);
  let responses = 0;
  const delta = new RollupDelta();

  if (db.kind === 'sqlite') {
    await withSqlite(db, (sqlite) => {
      const page = sqlite.prepare(`SELECT ${COLUMNS} FROM responses WHERE id > ? ORDER BY id LIMIT ${PAGE}`);
      sqlite.transaction(() => {
        sqlite.exec('DELETE FROM score_rollup; DELETE FROM response_marks;');
        let after = '';
        for (;;) {
          const rows = page.all(after) as RollupSource[];
          if (rows.length === 0) break;
          for (const r of rows) delta.add(r, forms);
          responses += rows.length;
          after = rows[rows.length - 1]!.id;
          if (delta.size >= FLUSH_AT) {
            writeDeltaSqlite(sqlite, delta);
            delta.clear();
          }
        }
        writeDeltaSqlite(sqlite, delta);
      }).immediate();
    });
  } else {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE responses IN SHARE MODE');
      await client.query('DELETE FROM score_rollup');
      await client.query('DELETE FROM response_marks');
      let after = '';
      for (;;) {
        const { rows } = await client.query<RollupSource>({ text: `SELECT ${COLUMNS} FROM responses WHERE id > $1 ORDER BY id LIMIT ${PAGE}`, values: [after] });
        if (rows.length === 0) break;
        for (const r of rows) delta.add(r, forms);
        responses += rows.length;
        after = rows[rows.length - 1]!.id;
        if (delta.size >= FLUSH_AT) {
          await writeDeltaPostgres(client, delta);
          delta.clear();
        }
      }
      await writeDeltaPostgres(client, delta);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  const count = async (table: 'score_rollup' | 'response_marks') => {
    const r = await db.k.selectFrom(table as never).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number((r as { n: string | number }).n);
  };
  return { responses, rollupRows: await count('score_rollup'), marks: await count('response_marks') };
}
