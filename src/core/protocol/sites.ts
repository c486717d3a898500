// A site (one-stop desk) as /api/v1 writes it: in sessions, the device's own answer, enrolment, scores and lists,
// and what an admin sends to create or change one.

export const SITE_KINDS = ['so-nganh', 'quan-huyen', 'xa-phuong'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** A site code as an IT officer types it in the console, the CLI or an import file: "Q1", "SO-TNMT", "P.BEN-NGHE". */
export const SITE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export interface SiteJson {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  /** IANA zone of the desk's clock (Asia/Ho_Chi_Minh): its local days are the days scores count by. */
  timeZone: string;
  /**
   * When an admin deactivated the site (ISO), or null while it is active. A deactivated site enrols no new tablet;
   * its data stays in scores and exports. Absent from servers older than this field: read as active.
   */
  deactivatedAt?: string | null;
}

/** GET /api/v1/sites: the caller's sites (all for an admin), deactivated ones included and marked. */
export interface SitesAnswer {
  sites: SiteJson[];
}

/** POST /api/v1/sites (admin). */
export interface SiteBody {
  code: string;
  name: string;
  kind: SiteKind;
  /** Default Asia/Ho_Chi_Minh. */
  timeZone?: string;
}

/** PATCH /api/v1/sites/:id (admin): only the fields sent change; active false deactivates, true reactivates. */
export interface SitePatch {
  name?: string;
  kind?: SiteKind;
  timeZone?: string;
  active?: boolean;
}
