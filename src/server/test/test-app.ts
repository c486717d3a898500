// A fresh database with the server built on it: how most server test files begin and end.
import { buildApp, type App, type AppOptions } from '../app';
import type { FreshDb, TestDatabase } from './databases';
import { seedWorld, type World } from './fixtures';

/** A new, migrated database and the app on it; every option but `db` comes from the caller. */
export async function startApp(create: TestDatabase['create'], options: Omit<AppOptions, 'db'> = {}): Promise<{ fresh: FreshDb; app: App }> {
  const fresh = await create();
  try {
    return { fresh, app: await buildApp({ ...options, db: fresh.db }) };
  } catch (e) {
    await fresh.destroy();
    throw e;
  }
}

/** As startApp, with the two-site world of fixtures.ts stored first (enrolled at `seededAt`, default now). */
export async function startSeededApp(
  create: TestDatabase['create'],
  options: Omit<AppOptions, 'db'> = {},
  seededAt?: Date,
): Promise<{ fresh: FreshDb; app: App; w: World }> {
  const fresh = await create();
  try {
    const w = await seedWorld(fresh.db, seededAt);
    return { fresh, w, app: await buildApp({ ...options, db: fresh.db }) };
  } catch (e) {
    await fresh.destroy();
    throw e;
  }
}

/** Closes what startApp opened; safe when the start failed half-way. */
export async function stopApp({ app, fresh }: { app?: App; fresh?: FreshDb }): Promise<void> {
  await app?.close();
  await fresh?.destroy();
}
