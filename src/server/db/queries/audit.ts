// The audit log: who did what and when (people, sites, tablets, enrolment codes, imports, exports), and the site it concerns.
import { sql } from 'kysely';
import type { AuditAction } from '../../../core/protocol/audit';
import { newResponseId as newId } from '../../../core/response/id';
import type { Db } from '../index';

export interface AuditEntry {
  actor: string | null;
  action: AuditAction;
  /** The site the change concerns, when it concerns one: the log filters by it, and a supervisor sees their sites' rows. */
  siteId?: string | null;
  details: Record<string, unknown>;
}

/** The audit_log row of an entry, for a writer that inserts it inside its own transaction (response exclusions). */
export function auditRow(entry: AuditEntry, now: Date) {
  return { id: newId(), at: now.toISOString(), actor: entry.actor, action: entry.action, site_id: entry.siteId ?? null, details: JSON.stringify(entry.details) };
}

export async function audit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await db.k.insertInto('audit_log').values(auditRow(entry, now)).execute();
}

export function listAudit(db: Db, limit = 100) {
  return db.k.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(limit).execute();
}

export interface AuditFilter {
  actor?: string;
  /** Exact, or a prefix when it ends with ".". */
  action?: string;
  /** Only rows of these sites (a supervisor's scope), or every row when undefined. */
  siteIds?: readonly string[];
  /** ISO instants: from included, to excluded. */
  fromAt?: string;
  toAt?: string;
}

/** One page of the log, newest first, and how many rows match in all. */
export async function auditPage(db: Db, f: AuditFilter, offset: number, limit: number) {
  if (f.siteIds && f.siteIds.length === 0) return { rows: [], total: 0 };
  let q = db.k.selectFrom('audit_log');
  if (f.actor !== undefined) q = q.where('actor', '=', f.actor);
  if (f.action !== undefined) {
    const action = f.action;
    // substr rather than LIKE: an action's "_" or "%" would be a wildcard there.
    q = action.endsWith('.') ? q.where(sql<string>`substr(action, 1, ${action.length})`, '=', action) : q.where('action', '=', action);
  }
  if (f.siteIds) q = q.where('site_id', 'in', f.siteIds);
  if (f.fromAt !== undefined) q = q.where('at', '>=', f.fromAt);
  if (f.toAt !== undefined) q = q.where('at', '<', f.toAt);
  const counted = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  return { rows, total: Number(counted?.n ?? 0) };
}
