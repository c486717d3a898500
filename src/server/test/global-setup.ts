// Starts one throwaway PostgreSQL for the server tests, unless TEST_DATABASE_URL names one.
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL; each test file creates its own database on it. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<void | (() => Promise<void>)> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('pgUrl', given);
    return;
  }
  const started = await startEmbeddedPostgres({ portFrom: 18150, portTo: 18199, durable: false });
  project.provide('pgUrl', started.url);
  return () => started.stop();
}
