// Score rollups kept in the ingest transaction, so a month of scores over a million responses is a small SUM, not a JSON scan.
import { sql, SqliteAdapter, type Kysely } from 'kysely';

/*
 * score_rollup: one row per (form, grain, day, site, version, procedure, enumerator, item) holding summed counts.
 * The grain keeps it small: 't' rows are totals (procedure_code = enumerator_id = ''), 'p' rows break down by
 * procedure only, 'e' rows by enumerator only. Keying every row by both procedure and enumerator would make
 * nearly every interview its own key and the table larger than the responses it summarises.
 * Key order: form, grain, day first, so "a month across all sites" is one contiguous range; a second index
 * serves per-site queries.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const counts = ['satisfied', 'valid', 'n1', 'n2', 'n3', 'n4', 'n5', 'na', 'misuse'] as const;
  let t = db.schema
    .createTable('score_rollup')
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('local_day', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('enumerator_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull());
  for (const c of counts) t = t.addColumn(c, 'integer', (col) => col.notNull().defaultTo(0));
  t = t.addPrimaryKeyConstraint('score_rollup_pk', [
    'form_id',
    'grain',
    'local_day',
    'site_id',
    'form_version',
    'procedure_code',
    'enumerator_id',
    'item_id',
  ]);
  // SQLite: the primary key IS the table (clustered), so a range over it reads contiguous pages.
  if (sqlite) t = t.modifyEnd(sql`without rowid`);
  await t.execute();
  await db.schema.createIndex('score_rollup_site').on('score_rollup').columns(['site_id', 'form_id', 'grain', 'local_day']).execute();

  // Quality flags that need the answers (straight-lining) or the client's word (kiosk misuse), found while the
  // payload is parsed anyway for the rollup; only flagged responses get a row, so the table stays tiny.
  await db.schema
    .createTable('response_marks')
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('local_day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_marks_pk', ['response_id', 'flag'])
    .execute();
  await db.schema.createIndex('response_marks_site_day').on('response_marks').columns(['site_id', 'local_day']).execute();

  // Exports page through a form's responses in (day, id) order: this index makes each page an ordered range read.
  await db.schema.createIndex('responses_form_day_id').on('responses').columns(['form_id', 'local_day', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_form_day_id').execute();
  await db.schema.dropTable('response_marks').execute();
  await db.schema.dropTable('score_rollup').execute();
}
