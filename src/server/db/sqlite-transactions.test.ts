// SQLite with more than one connection (the ingest's worker threads, the admin CLI beside the server): a transaction
// that reads and then writes must not fail because another connection committed in between.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, type FreshDb } from '../test/databases';
import { openSqliteConnection, type SqliteConnection } from './index';

describe('SQLite transactions', () => {
  let fresh: FreshDb;
  let other: SqliteConnection;

  beforeAll(async () => {
    fresh = await testDatabases().find((d) => d.kind === 'sqlite')!.create();
    other = openSqliteConnection(path.join(fresh.env.DATA_DIR!, 'hailong.db'));
    // The other connection does not wait here: the test runs on one thread, so waiting would only stall it.
    other.pragma('busy_timeout = 0');
  });
  afterAll(async () => {
    other.close();
    await fresh.destroy();
  });

  it('a read-then-write transaction holds the write lock from its start: another connection waits its turn, and the transaction commits', async () => {
    const write = (id: string) =>
      other.prepare("insert into audit_log (id, at, actor, action, site_id, details) values (?, '2026-12-04T00:00:00.000Z', 'cli', 'rollups.rebuild', null, '{}')").run(id);
    let otherRefused: unknown = null;
    await fresh.db.k.transaction().execute(async (tx) => {
      await tx.selectFrom('audit_log').select('id').execute();
      try {
        write('from-the-other-connection');
      } catch (e) {
        otherRefused = e;
      }
      await tx.insertInto('audit_log').values({ id: 'from-the-transaction', at: '2026-12-04T00:00:01.000Z', actor: 'cli', action: 'rollups.rebuild', site_id: null, details: '{}' }).execute();
    });
    expect((otherRefused as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
    // Its turn once the transaction committed.
    write('from-the-other-connection');
    const ids = (await fresh.db.k.selectFrom('audit_log').select('id').where('actor', '=', 'cli').execute()).map((r) => r.id).sort();
    expect(ids).toEqual(['from-the-other-connection', 'from-the-transaction']);
  });
});
