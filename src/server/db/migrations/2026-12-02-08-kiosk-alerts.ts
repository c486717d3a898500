// Kiosk-rating alerts (issue 11 item 5): each site's rule (absent = the defaults), the alerts it raised, and the index
// the rule's one count over the window reads (a site's kiosk ratings by completion time).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_rules')
    .addColumn('site_id', 'text', (c) => c.primaryKey())
    .addColumn('window_minutes', 'integer', (c) => c.notNull())
    .addColumn('threshold_percent', 'integer', (c) => c.notNull())
    .addColumn('min_ratings', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('kiosk_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('ratings', 'integer', (c) => c.notNull())
    .addColumn('unhappy', 'integer', (c) => c.notNull())
    .addColumn('window_minutes', 'integer', (c) => c.notNull())
    .addColumn('threshold_percent', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('ack_comment', 'text')
    .execute();
  // At most one open alert per site, whoever evaluates at once (two batches of the same site).
  await db.schema.createIndex('kiosk_alerts_one_open').on('kiosk_alerts').column('site_id').unique().where(sql.ref('closed_at'), 'is', null).execute();
  await db.schema.createIndex('kiosk_alerts_site_opened').on('kiosk_alerts').columns(['site_id', 'opened_at']).execute();
  await db.schema.createIndex('responses_kiosk_window').on('responses').columns(['site_id', 'mode', 'completed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_kiosk_window').execute();
  await db.schema.dropTable('kiosk_alerts').execute();
  await db.schema.dropTable('alert_rules').execute();
}
