// Starts the collection endpoint: reads the environment, migrates the database, serves API and PWA on one port.
import { buildApp } from './app';
import { openDb } from './db/index';
import { migrate } from './db/migrate';
import { faultFromEnv } from './fault';
import { parseTrustProxy } from './trust-proxy';

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '0.0.0.0';
  const db = openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const report = await migrate(db);
  const fault = faultFromEnv(env);
  const app = await buildApp({
    db,
    fault,
    distDir: env.DIST_DIR ?? 'dist',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logger: { level: env.LOG_LEVEL ?? 'info' },
  });
  if (report.applied.length) app.log.info({ migrations: report.applied }, 'database migrated');
  for (const f of report.divergedForms) app.log.warn(`built-in form ${f} differs from the stored one; the stored definition is kept (publish a new version instead)`);
  if (fault) app.log.warn({ fault }, 'FAULT INJECTION IS ON for /api/v1/submissions (tests only)');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port, host });
  app.log.info(`Hài Lòng on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (${db.describe})`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
