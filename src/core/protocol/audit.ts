// The audit log as GET /api/v1/audit writes it: every change a person or a tablet made, newest first, paged.

/** Every action the server writes to the log; the console words each one in vi and en (a test holds it to that). */
export const AUDIT_ACTIONS = [
  'session.create',
  'session.end',
  'site.create',
  'site.update',
  'site.deactivate',
  'site.activate',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.password-reset',
  'user.pin-set',
  'user.pin-clear',
  'user.sites',
  'device.enrol',
  'device.rename',
  'device.revoke',
  'enrolment-code.create',
  'enrolment-code.cancel',
  'import',
  'people.import',
  'rollups.rebuild',
  'export.csv',
  'export.xlsx',
  'export.report',
  'alert-rule.update',
  'alert.open',
  'alert.close',
  'alert.acknowledge',
  'target.set',
  'target.clear',
  'form.upload',
  'form.replace-draft',
  'form.publish',
  'form.sites',
  'form.withdraw',
  'response.exclude',
  'response.restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
