// The audit log as GET /api/v1/audit writes it: every change a person or a tablet made, newest first, paged.

export interface AuditQuery {
  /** The actor as written in the log: a username, or "device:<id>". */
  actor?: string;
  /** An action, e.g. "site.create", or a prefix ending in "." ("user."). */
  action?: string;
  siteId?: string;
  /** Local days (YYYY-MM-DD, Asia/Ho_Chi_Minh), both included. */
  from?: string;
  to?: string;
  /** 1-based. */
  page?: string;
}

export interface AuditEntryJson {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  /** The site the change concerns, when it concerns one. */
  siteId: string | null;
  details: Record<string, unknown>;
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditAnswer {
  entries: AuditEntryJson[];
  page: number;
  pageSize: number;
  total: number;
}
