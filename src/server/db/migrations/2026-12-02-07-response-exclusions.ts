// A supervisor's exclusion of a response (issue 11): who, when and the reason typed, beside responses.excluded
// ('supervisor'); the indexes the responses list pages by, newest first, across a form or within one site; and one
// that finds a procedure code's latest response, whose payload names it (the breakdown by procedure shows names).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('excluded_note', 'text').execute();
  await db.schema.alterTable('responses').addColumn('excluded_by', 'text').execute();
  await db.schema.alterTable('responses').addColumn('excluded_at', 'text').execute();
  // Keyset pages in (local day, completed at, id) order: a whole form's month, or one site's.
  await db.schema.createIndex('responses_list_form').on('responses').columns(['form_id', 'local_day', 'completed_at', 'id']).execute();
  await db.schema.createIndex('responses_list_site').on('responses').columns(['site_id', 'form_id', 'local_day', 'completed_at', 'id']).execute();
  await db.schema.createIndex('responses_procedure_id').on('responses').columns(['procedure_code', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_procedure_id').execute();
  await db.schema.dropIndex('responses_list_site').execute();
  await db.schema.dropIndex('responses_list_form').execute();
  await db.schema.alterTable('responses').dropColumn('excluded_at').execute();
  await db.schema.alterTable('responses').dropColumn('excluded_by').execute();
  await db.schema.alterTable('responses').dropColumn('excluded_note').execute();
}
