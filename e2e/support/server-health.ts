// Waiting for a server this process started (the sync tests' own servers, the benches'): its /api/health answers.
import type { ChildProcess } from 'node:child_process';

/** Resolves once `base`/api/health answers 200; fails as soon as the server process exits, or after `timeoutMs`. */
export async function waitForHealth(base: string, child: ChildProcess, timeoutMs = 240_000): Promise<void> {
  const exited = new Promise<never>((_, reject) => {
    if (child.exitCode !== null) reject(new Error(`the server for ${base} exited (${child.exitCode})`));
    child.once('exit', (code) => reject(new Error(`the server for ${base} exited (${code})`)));
  });
  exited.catch(() => {});
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Not listening yet is the normal case at start: asked again a moment later.
    const up = await Promise.race([fetch(`${base}/api/health`).then((r) => r.ok, () => false), exited]);
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server for ${base} did not answer /api/health in ${timeoutMs / 1000} s`);
}
