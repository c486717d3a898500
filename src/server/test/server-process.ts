// Real endpoint processes for the tests of more than one process on one database: started as `npm start` starts
// the server (src/server/main.ts, here through tsx), stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './embedded-postgres';

export interface ServerProcess {
  base: string;
  stop(): Promise<void>;
}

const PORTS = { from: 18300, to: 18399 };
const START_TIMEOUT_MS = 120_000;

async function healthy(base: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering:\n${stderr()}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server at ${base} did not answer /api/health within ${START_TIMEOUT_MS / 1000} s:\n${stderr()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts `count` processes at the same moment on the database `env` names (each migrates it as it starts). */
export async function startServerProcesses(count: number, env: Record<string, string | undefined>): Promise<ServerProcess[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await freePort((ports.at(-1) ?? PORTS.from - 1) + 1, PORTS.to));
  const children = ports.map((port) => {
    let err = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: '/nonexistent', LOG_LEVEL: 'warn', HAILONG_FAULT_RATE: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    return { port, child, stderr: () => err };
  });
  const stopAll = () => Promise.all(children.map(({ child }) => stop(child)));
  try {
    await Promise.all(children.map(({ port, child, stderr }) => healthy(`http://127.0.0.1:${port}`, child, stderr)));
  } catch (e) {
    await stopAll();
    throw e;
  }
  return children.map(({ port, child }) => ({ base: `http://127.0.0.1:${port}`, stop: () => stop(child) }));
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
