// Both databases for every integration test file: a fresh SQLite file and a fresh PostgreSQL database each time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDb, type Db, type DbKind } from '../db/index';
import { migrate } from '../db/migrate';

export interface FreshDb {
  db: Db;
  /** What DATABASE_URL / DATA_DIR would name this database (for the CLI). */
  env: { DATABASE_URL?: string; DATA_DIR?: string };
  destroy(): Promise<void>;
}

export interface TestDatabase {
  kind: DbKind;
  /** A new, migrated, empty database. */
  create(): Promise<FreshDb>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const sqlite: TestDatabase = {
  kind: 'sqlite',
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'hailong-sqlite-'));
    const db = openDb({ dataDir: dir });
    await migrate(db);
    return {
      db,
      env: { DATA_DIR: dir },
      destroy: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestDatabase = {
  kind: 'postgres',
  async create() {
    const adminUrl = inject('pgUrl');
    const name = `hl_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = openDb({ databaseUrl: url.toString(), poolSize: 8 });
    await migrate(db);
    return {
      db,
      env: { DATABASE_URL: url.toString() },
      destroy: async () => {
        await db.close();
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  },
};

/** For describe.each: every test runs against SQLite and against PostgreSQL. */
export function testDatabases(): TestDatabase[] {
  return [sqlite, postgres];
}

/** A new database with no schema at all, named as DATABASE_URL / DATA_DIR would name it: for tests of processes that migrate it themselves. */
export async function emptyDatabase(kind: DbKind): Promise<{ env: FreshDb['env']; open(): Db; destroy(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'hailong-sqlite-'));
    return { env: { DATA_DIR: dir }, open: () => openDb({ dataDir: dir }), destroy: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('pgUrl');
  const name = `hl_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDb({ databaseUrl: url.toString(), poolSize: 4 }),
    destroy: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
