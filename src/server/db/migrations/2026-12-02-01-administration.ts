// Administration from the console (issue 9): sites can be deactivated, tablets report their health, enrolment codes
// get an id to be listed and cancelled by, and audit rows name the site they concern so the log filters by site.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sites').addColumn('deactivated_at', 'text').execute();

  // What the tablet last reported (see DeviceReport in core/protocol/devices.ts), and what the server saw itself.
  const deviceColumns: [string, 'text' | 'integer' | 'double precision'][] = [
    ['last_seen_at', 'text'],
    ['last_sync_at', 'text'],
    ['reported_at', 'text'],
    ['app_version', 'text'],
    ['waiting', 'integer'],
    ['oldest_waiting_at', 'text'],
    // Bytes can pass 2^31 on a tablet; PostgreSQL's bigint would come back as a string, a double does not.
    ['storage_used_bytes', 'double precision'],
    ['storage_persisted', 'integer'],
    ['last_sync_error', 'text'],
  ];
  for (const [name, type] of deviceColumns) await db.schema.alterTable('devices').addColumn(name, type).execute();

  await db.schema.alterTable('enrolment_codes').addColumn('id', 'text').execute();
  await db.schema.alterTable('enrolment_codes').addColumn('cancelled_at', 'text').execute();
  // Codes made before this migration get an id too (random, never derived from the hash of the code).
  const codes = await db.selectFrom('enrolment_codes').select('code_hash').where('id', 'is', null).execute();
  for (const { code_hash } of codes) {
    await db.updateTable('enrolment_codes').set({ id: randomBytes(9).toString('base64url') }).where('code_hash', '=', code_hash).execute();
  }
  await db.schema.createIndex('enrolment_codes_id').on('enrolment_codes').column('id').unique().execute();

  await db.schema.alterTable('audit_log').addColumn('site_id', 'text').execute();
  await db.schema.createIndex('audit_log_site_at').on('audit_log').columns(['site_id', 'at']).execute();
  await db.schema.createIndex('audit_log_actor_at').on('audit_log').columns(['actor', 'at']).execute();
}
