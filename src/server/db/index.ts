// Opens the database: SQLite (one file, WAL) by default, PostgreSQL when DATABASE_URL says postgres://.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, sql, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DbKind = 'sqlite' | 'postgres';

interface DbBase {
  k: Kysely<Database>;
  /** Where it is, for logs and the CLI (never the password). */
  describe: string;
  close(): Promise<void>;
}
export interface SqliteDb extends DbBase {
  kind: 'sqlite';
  sqlite: BetterSqlite3.Database;
}
export interface PostgresDb extends DbBase {
  kind: 'postgres';
  pool: pg.Pool;
}
export type Db = SqliteDb | PostgresDb;

export interface OpenOptions {
  /** postgres://… for PostgreSQL; anything else (or nothing) means SQLite. */
  databaseUrl?: string;
  /** Folder of hailong.db when SQLite is used (default ./data). */
  dataDir?: string;
  /** Exact SQLite file, overriding dataDir (tests use a temp file). */
  sqliteFile?: string;
  poolSize?: number;
}

function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function openDb(opts: OpenOptions = {}): Db {
  if (isPostgresUrl(opts.databaseUrl)) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  const file = opts.sqliteFile ?? path.join(opts.dataDir ?? 'data', 'hailong.db');
  return openSqlite(file);
}

/** The pragmas every SQLite connection gets (the ingest benchmark's raw baseline opens its database with openDb too). */
function applySqlitePragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode stays consistent after a crash; only the last commits before a power loss may roll back.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
}

/** A raw better-sqlite3 connection, for the synchronous query functions (the ingest's insert transaction). */
export type SqliteConnection = BetterSqlite3.Database;

/**
 * Another connection to an existing SQLite file with the same settings as the server's (an ingest worker's own):
 * SQLite's locking keeps the connections apart.
 */
export function openSqliteConnection(file: string): SqliteConnection {
  const sqlite = new BetterSqlite3(file);
  applySqlitePragmas(sqlite);
  return sqlite;
}

/**
 * Kysely's SQLite transactions begin DEFERRED: one that reads, then writes after another connection (an ingest
 * worker thread, the admin CLI) committed meanwhile fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT),
 * a 500 to whoever asked. BEGIN IMMEDIATE takes the write lock first, waiting busy_timeout for it like any write.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

function openSqlite(file: string): SqliteDb {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = openSqliteConnection(file);
  const k = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return {
    kind: 'sqlite',
    k,
    sqlite,
    describe: `sqlite:${path.resolve(file)}`,
    // Kysely's destroy closes the better-sqlite3 handle too.
    close: () => k.destroy(),
  };
}

function openPostgres(url: string, poolSize = 10): PostgresDb {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => {});
  const k = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return {
    kind: 'postgres',
    k,
    pool,
    describe: `postgres://${u.host}${u.pathname}`,
    close: () => k.destroy(),
  };
}

/**
 * Runs synchronous better-sqlite3 work while holding Kysely's single SQLite connection, so it can never
 * land inside a Kysely transaction that another request has open between awaits.
 */
export function withSqlite<T>(db: SqliteDb, fn: (sqlite: BetterSqlite3.Database) => T): Promise<T> {
  return db.k.connection().execute(async () => fn(db.sqlite));
}

/** One round trip to the database: the health check's proof that it answers. */
export async function pingDb(db: Db): Promise<void> {
  await sql`select 1`.execute(db.k);
}

/** The SQLite file other threads can open too, or null (PostgreSQL, or an in-memory or temporary SQLite). */
export function sharedSqliteFile(db: Db): string | null {
  if (db.kind !== 'sqlite' || db.sqlite.memory || !db.sqlite.name) return null;
  return path.resolve(db.sqlite.name);
}
