// The audit log: who did what and when, for imports, enrolments, revocations and exports.
import { newResponseId as newId } from '../../../core/response/id';
import type { Db } from '../index';

export async function audit(db: Db, entry: { actor: string | null; action: string; details: Record<string, unknown> }, now: Date): Promise<void> {
  await db.k
    .insertInto('audit_log')
    .values({ id: newId(), at: now.toISOString(), actor: entry.actor, action: entry.action, details: JSON.stringify(entry.details) })
    .execute();
}

export function listAudit(db: Db, limit = 100) {
  return db.k.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(limit).execute();
}
