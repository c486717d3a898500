// Failed sign-ins and enrolment codes counted in the database, so every endpoint process sees the same counts and a
// restart forgets nothing (issue 12, findings 4 and 9). Keys are SHA-256 hashes: a password typed into the username
// field is never stored.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_failures')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_failures_key_at').on('auth_failures').columns(['scope', 'key_hash', 'at']).execute();
  // Expired rows are deleted by time.
  await db.schema.createIndex('auth_failures_at').on('auth_failures').column('at').execute();
}
