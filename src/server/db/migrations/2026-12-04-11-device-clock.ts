// A tablet's clock against the server's at its last report: a clock hours off puts its responses on the wrong day.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Milliseconds, tablet minus server; a double, since a clock years off passes a 32-bit integer's range.
  await db.schema.alterTable('devices').addColumn('clock_skew_ms', 'double precision').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').dropColumn('clock_skew_ms').execute();
}
