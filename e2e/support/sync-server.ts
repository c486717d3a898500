// The real endpoint for sync tests: the default Playwright server or one started here (fault switch), its admin CLI and database.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request as apiRequest, type APIRequestContext } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { runAdmin } from '../../src/server/cli/admin';
import { E2E_DATA_DIR, E2E_DIST_DIR, E2E_PORT } from './env';
import { waitForHealth } from './server-health';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface TestSite {
  code: string;
  id: string;
  name: string;
  enumerators: string[];
}

export class SyncServer {
  private constructor(
    readonly port: number,
    /** Relative to the project root, as the server was given it. */
    readonly dataDir: string,
    private readonly child?: ChildProcess,
  ) {}

  get baseURL(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The server Playwright's config starts for every run (fresh database per run). */
  static shared(): SyncServer {
    return new SyncServer(E2E_PORT, E2E_DATA_DIR);
  }

  /**
   * Starts `node scripts/start.mjs` on a port of its own, with a fresh database and the given extra environment;
   * it serves the build the shared server made (start.mjs rebuilds it only if the sources changed), or `distDir`.
   */
  static async start(port: number, env: Record<string, string>, distDir = E2E_DIST_DIR): Promise<SyncServer> {
    const dataDir = `.tmp/sync-${port}`;
    rmSync(`${root}/${dataDir}`, { recursive: true, force: true });
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DIST_DIR: distDir,
        LOG_LEVEL: 'error',
        ...env,
      },
    });
    const server = new SyncServer(port, dataDir, child);
    await waitForHealth(server.baseURL, child);
    return server;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }

  /** Runs `npm run admin -- …` in-process against this server's database; returns what it printed. */
  async admin(...args: string[]): Promise<string> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(args, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: { ...process.env, DATA_DIR: `${root}/${this.dataDir}`, DATABASE_URL: '' },
    });
    if (code !== 0) throw new Error(`admin ${args[0]} failed (${code}): ${err.join('\n')}`);
    return out.join('\n');
  }

  /**
   * A site with two enumerators and a supervisor (password "supervisor-pass"), named after the test; pins gives an
   * enumerator (by position) a PIN the tablet then asks for.
   */
  async createSite(tag: string, pins: (string | null)[] = []): Promise<TestSite> {
    const code = `s-${tag}`;
    const name = `UBND phường ${tag}`;
    const line = await this.admin('create-site', '--code', code, '--name', name, '--kind', 'xa-phuong');
    const id = /\(id ([^)]+)\)/.exec(line)?.[1];
    if (!id) throw new Error(`no site id in "${line}"`);
    const enumerators = [`Nguyễn Thị Lan ${tag}`, `Trần Văn Minh ${tag}`];
    for (const [i, n] of enumerators.entries()) {
      const pin = pins[i] ? ['--pin', pins[i]] : [];
      await this.admin('create-user', '--username', `dtv${i}-${tag}`, '--role', 'enumerator', '--name', n, '--sites', code, ...pin);
    }
    await this.admin('create-user', '--username', `gsv-${tag}`, '--role', 'supervisor', '--name', `Giám sát ${tag}`, '--sites', code, '--password', 'supervisor-pass');
    return { code, id, name, enumerators };
  }

  async enrolmentCode(siteCode: string): Promise<string> {
    return (await this.admin('enrolment-code', '--site', siteCode)).trim();
  }

  /** A signed-in API client: the site's supervisor, or an admin made for the purpose. */
  async signIn(username: string, password: string): Promise<APIRequestContext> {
    const api = await apiRequest.newContext({ baseURL: this.baseURL });
    const r = await api.post('/api/v1/sessions', { data: { username, password } });
    if (!r.ok()) throw new Error(`sign-in as ${username} failed: ${r.status()} ${await r.text()}`);
    return api;
  }

  async createAdmin(tag: string): Promise<APIRequestContext> {
    await this.admin('create-admin', '--username', `admin-${tag}`, '--password', 'admin-pass-123');
    return this.signIn(`admin-${tag}`, 'admin-pass-123');
  }

  private query<T>(sql: string, ...params: unknown[]): T[] {
    const db = new BetterSqlite3(`${root}/${this.dataDir}/hailong.db`, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }

  /** Ids of the responses stored for a site (each id is the primary key: present once or not at all). */
  storedIds(siteId: string): string[] {
    return this.query<{ id: string }>('select id from responses where site_id = ? order by id', siteId).map((r) => r.id);
  }

  /** The refusals stored for a site (issue 11), by id. */
  storedRefusals(siteId: string): { id: string; reason: string; enumerator_id: string }[] {
    return this.query('select id, reason, enumerator_id from refusals where site_id = ? order by id', siteId);
  }

  storedRows(siteId: string): { id: string; device_id: string; payload: string }[] {
    return this.query('select id, device_id, payload from responses where site_id = ? order by id', siteId);
  }
}

/** A short tag unique to one test, so tests share a server without sharing sites. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
