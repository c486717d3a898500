// Brings either database to the latest schema and makes sure the built-in forms are stored, at every start.
import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { builtinForms } from '../../core/forms/builtin';
import type { Db } from './index';
import { migrations } from './migrations';
import { seedForm } from './queries/forms';
import { countExcludedResponses } from './queries/responses';
import { rebuildRollups } from '../scores/rebuild';

export interface MigrateReport {
  applied: string[];
  /** Built-in forms whose stored definition differs from the code's: the stored one is kept (versions are immutable). */
  divergedForms: string[];
}

const EXCLUDING_MIGRATION = '2026-12-02-05-implausible-times';

const provider = { getMigrations: async () => migrations };
// Branches written in parallel land in main in any order, so a database may have run a later-named migration before an
// earlier-named one arrives: each runs once, whatever the order (the migrations touch separate tables and columns).
const ORDER = { allowUnorderedMigrations: true } as const;

/** A start may wait this long for another process that is migrating the same SQLite file. */
const SQLITE_MIGRATION_WAIT_MS = 10 * 60_000;

/**
 * Kysely's migrator holds a PostgreSQL advisory lock, so processes that start at once migrate one after the other.
 * On SQLite its lock is a no-op and its transaction starts deferred: two processes would both read the migration
 * table, then one would fail to write. So on SQLite the whole run is one BEGIN IMMEDIATE transaction, which takes
 * the file's write lock first; a second process waits for it, then finds nothing left to do.
 */
async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  if (db.kind === 'postgres') return new Migrator({ db: db.k, provider, ...ORDER }).migrateToLatest();
  return db.k.connection().execute(async (conn) => {
    const waitMs = Number(db.sqlite.pragma('busy_timeout', { simple: true }));
    db.sqlite.pragma(`busy_timeout = ${SQLITE_MIGRATION_WAIT_MS}`);
    try {
      await sql`begin immediate`.execute(conn);
    } finally {
      db.sqlite.pragma(`busy_timeout = ${waitMs}`);
    }
    const result = await new Migrator({ db: conn as Kysely<unknown>, provider, disableTransactions: true, ...ORDER }).migrateToLatest();
    await sql.raw(result.error ? 'rollback' : 'commit').execute(conn);
    return result;
  });
}

export async function migrate(db: Db, now: Date = new Date()): Promise<MigrateReport> {
  const { error, results } = await migrateToLatest(db);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  // Responses the time-bounds migration just excluded still sit in the rollups: count them out by a rebuild.
  if (applied.includes(EXCLUDING_MIGRATION) && (await countExcludedResponses(db)) > 0) await rebuildRollups(db);
  const divergedForms: string[] = [];
  for (const form of builtinForms) {
    const outcome = await seedForm(db, form, now);
    if (outcome === 'diverged') divergedForms.push(`${form.id}@${form.version}`);
  }
  return { applied, divergedForms };
}
