// A release, as it reaches a tablet: a second build of the app with another build id, deployed over the folder a
// server serves. Each deploying spec file has a server and a served folder of its own, so a release it deploys never
// reaches a spec in the other worker; the release itself is built once per run (or ahead of it by `npm test`).
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRelease } from '../../scripts/app-build.mjs';
import { E2E_DIST_DIR, E2E_FOLDERS } from './env';
import { underRunLock } from './run-once';
import { SyncServer } from './sync-server';

/** The release build of the current sources, made unless a fresh one is there; resolves with its build id. */
function releaseBuild(): Promise<string> {
  return underRunLock('e2e-release-build', () => ensureRelease(E2E_FOLDERS));
}

/** A server on a port of its own serving its own copy of the run's build, for a spec that deploys releases over it. */
export class DeployServer {
  private constructor(
    private readonly server: SyncServer,
    private readonly servedDir: string,
    /** Started with the server, so the build overlaps the spec's first steps. */
    private readonly release: Promise<string>,
  ) {}

  static async start(port: number): Promise<DeployServer> {
    const servedDir = `${E2E_DIST_DIR}-served-${port}`;
    rmSync(servedDir, { recursive: true, force: true });
    cpSync(E2E_DIST_DIR, servedDir, { recursive: true });
    const release = releaseBuild();
    // Awaited by deployRelease; a failure is reported there, by the test that needs the release.
    release.catch(() => {});
    return new DeployServer(await SyncServer.start(port, {}, servedDir), servedDir, release);
  }

  get baseURL(): string {
    return this.server.baseURL;
  }

  /** Copies the release over the served folder; returns its build id and a function that puts the run's build back. */
  async deployRelease(): Promise<{ buildId: string; restore: () => void }> {
    const buildId = await this.release;
    cpSync(E2E_FOLDERS.release, this.servedDir, { recursive: true, force: true });
    const restore = () => {
      for (const name of readdirSync(this.servedDir)) rmSync(join(this.servedDir, name), { recursive: true, force: true });
      mkdirSync(this.servedDir, { recursive: true });
      cpSync(E2E_DIST_DIR, this.servedDir, { recursive: true });
    };
    return { buildId, restore };
  }

  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.servedDir, { recursive: true, force: true });
  }
}
