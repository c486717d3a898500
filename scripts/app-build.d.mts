// Types for app-build.mjs (plain JavaScript, so start.mjs and test.mjs run it without a TypeScript loader).

export function newest(path: string): number;
export function appIsStale(distDir: string): boolean;
export function buildApp(distDir: string, options?: { buildId?: string; logLevel?: string; inherit?: boolean }): Promise<{ status: number; output: string }>;

export interface E2eFolders {
  dist: string;
  data: string;
  release: string;
  releaseId: string;
}
export function e2eFolders(port?: string | number): E2eFolders;
export function ensureRelease(folders: Pick<E2eFolders, 'release' | 'releaseId'>): Promise<string>;
