// Forms get a lifecycle (draft → published → withdrawn, issue 10) with who and when, and an assignment to sites:
// every existing row keeps being served as before (published ones stay published, for every site).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('forms')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published').check(sql`status in ('draft', 'published', 'withdrawn')`))
    .execute();
  await db.updateTable('forms').set({ status: 'draft' }).where('published', '=', 0).execute();
  for (const column of ['created_by', 'published_at', 'published_by', 'withdrawn_at', 'withdrawn_by']) {
    await db.schema.alterTable('forms').addColumn(column, 'text').execute();
  }
  await db.updateTable('forms').set({ published_at: sql`created_at` }).where('status', '=', 'published').execute();
  // 1: offered to every site, also those created later (the built-in forms); 0: only the sites in form_sites.
  await db.schema.alterTable('forms').addColumn('all_sites', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // The status says it all now; two columns that could disagree would be one too many.
  await db.schema.alterTable('forms').dropColumn('published').execute();

  await db.schema
    .createTable('form_sites')
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addPrimaryKeyConstraint('form_sites_pk', ['form_id', 'form_version', 'site_id'])
    .addForeignKeyConstraint('form_sites_form_fk', ['form_id', 'form_version'], 'forms', ['id', 'version'])
    .execute();
  await db.schema.createIndex('form_sites_site').on('form_sites').column('site_id').execute();
}
