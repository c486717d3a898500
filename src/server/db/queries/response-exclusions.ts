// A supervisor's exclusion of a response and its restoration: the row, the rollup, the marks and the audit row change in one transaction.
import type { Db } from '../index';
import { withSqlite } from '../index';
import type { Selectable } from 'kysely';
import { ROLLUP_COUNT_COLUMNS, type ResponsesTable } from '../schema';
import { auditRow, type AuditEntry } from './audit';
import { writeRollupPostgres, writeRollupSqlite, type RollupRows } from './rollup';

export type StoredRow = Selectable<ResponsesTable>;

export interface ExclusionChange {
  id: string;
  /** What `excluded` must hold now for the change to apply: null to exclude, 'supervisor' to restore. */
  expect: string | null;
  /** The exclusion to write, or null to restore. */
  set: { reason: string; note: string; by: string; at: string } | null;
  /** The counts to add for the row (negative when it leaves the scores) and the marks to insert. */
  rollup: (row: StoredRow) => RollupRows;
  /** Written in the same transaction; built from the row (its site). */
  audit: (row: StoredRow) => AuditEntry;
  now: Date;
}

/** The row after the change; `conflict` when it held something else than `expect` (nothing was changed); undefined when there is no such row. */
export type ExclusionOutcome = { row: StoredRow; conflict: boolean } | undefined;

// A rollup row whose counts all went back to 0 is deleted, so the table equals what a rebuild writes.
const ZERO = ROLLUP_COUNT_COLUMNS.map((c) => `${c} = 0`).join(' AND ');
const DELETE_ZERO = (p: (i: number) => string) =>
  `DELETE FROM score_rollup WHERE form_id = ${p(1)} AND local_day = ${p(2)} AND site_id = ${p(3)} AND form_version = ${p(4)} AND ${ZERO}`;
const UPDATE = (p: (i: number) => string) =>
  `UPDATE responses SET excluded = ${p(1)}, excluded_note = ${p(2)}, excluded_by = ${p(3)}, excluded_at = ${p(4)} WHERE id = ${p(5)}`;
const AUDIT = (p: (i: number) => string) => `INSERT INTO audit_log (id, at, actor, action, site_id, details) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})`;

export async function changeExclusion(db: Db, c: ExclusionChange): Promise<ExclusionOutcome> {
  const values = (row: StoredRow) => [c.set?.reason ?? null, c.set?.note ?? null, c.set?.by ?? null, c.set?.at ?? null, row.id];
  const after = (row: StoredRow): StoredRow => ({ ...row, excluded: c.set?.reason ?? null, excluded_note: c.set?.note ?? null, excluded_by: c.set?.by ?? null, excluded_at: c.set?.at ?? null });
  const auditValues = (row: StoredRow) => {
    const a = auditRow(c.audit(row), c.now);
    return [a.id, a.at, a.actor, a.action, a.site_id, a.details];
  };
  if (db.kind === 'sqlite') {
    return withSqlite(db, (sqlite) =>
      sqlite
        .transaction((): ExclusionOutcome => {
          const row = sqlite.prepare('SELECT * FROM responses WHERE id = ?').get(c.id) as StoredRow | undefined;
          if (!row) return undefined;
          if ((row.excluded ?? null) !== c.expect) return { row, conflict: true };
          sqlite.prepare(UPDATE(() => '?')).run(...values(row));
          if (c.set) sqlite.prepare('DELETE FROM response_marks WHERE response_id = ?').run(row.id);
          writeRollupSqlite(sqlite, c.rollup(row));
          sqlite.prepare(DELETE_ZERO(() => '?')).run(row.form_id, row.local_day, row.site_id, row.form_version);
          sqlite.prepare(AUDIT(() => '?')).run(...auditValues(row));
          return { row: after(row), conflict: false };
        })
        .immediate(),
    );
  }
  const p = (i: number) => `$${i}`;
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    // FOR UPDATE: two supervisors excluding the same response at once take turns; the second finds it excluded.
    const found = await client.query<StoredRow>('SELECT * FROM responses WHERE id = $1 FOR UPDATE', [c.id]);
    const row = found.rows[0];
    let out: ExclusionOutcome;
    if (!row) out = undefined;
    else if ((row.excluded ?? null) !== c.expect) out = { row, conflict: true };
    else {
      await client.query(UPDATE(p), values(row));
      if (c.set) await client.query('DELETE FROM response_marks WHERE response_id = $1', [row.id]);
      await writeRollupPostgres(client, c.rollup(row));
      await client.query(DELETE_ZERO(p), [row.form_id, row.local_day, row.site_id, row.form_version]);
      await client.query(AUDIT(p), auditValues(row));
      out = { row: after(row), conflict: false };
    }
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
