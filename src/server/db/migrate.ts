// Brings either database to the latest schema and makes sure the built-in forms are stored, at every start.
import { Migrator } from 'kysely';
import { builtinForms } from '../../core/forms/builtin';
import type { Db } from './index';
import { migrations } from './migrations';
import { seedForm } from './queries/forms';

export interface MigrateReport {
  applied: string[];
  /** Built-in forms whose stored definition differs from the code's: the stored one is kept (versions are immutable). */
  divergedForms: string[];
}

export async function migrate(db: Db, now: Date = new Date()): Promise<MigrateReport> {
  const migrator = new Migrator({ db: db.k, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const divergedForms: string[] = [];
  for (const form of builtinForms) {
    const outcome = await seedForm(db, form, now);
    if (outcome === 'diverged') divergedForms.push(`${form.id}@${form.version}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), divergedForms };
}
