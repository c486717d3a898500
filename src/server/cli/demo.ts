// `npm run demo`: fills the database (SQLite, or PostgreSQL by DATABASE_URL) with a demo world so the dashboard is alive at once.
import { pathToFileURL } from 'node:url';
import { openDb } from '../db/index';
import { migrate } from '../db/migrate';
import { DEMO_LOGINS, seedDemo } from '../demo/seed';

export async function runDemo(env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<void> {
  const db = openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrate(db);
    out(`Demo data in ${db.describe}`);
    const started = performance.now();
    const report = await seedDemo(db, { log: out });
    out(`${report.sites} sites (sở/ngành, quận/huyện, xã/phường) ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    out('');
    out('DEMO LOGINS — for trying the app only; never use these passwords on a real server:');
    const w = Math.max(...DEMO_LOGINS.map((l) => l.username.length));
    for (const l of DEMO_LOGINS) out(`  ${l.username.padEnd(w)}  ${l.password.padEnd(16)}  ${l.role.padEnd(10)}  ${l.sites}`);
    out('');
    out('Start the server with `npm start` and open /supervisor.');
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runDemo().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
