// A site (one-stop desk) as /api/v1 writes it: in sessions, the device's own answer, enrolment, scores and lists.

export const SITE_KINDS = ['so-nganh', 'quan-huyen', 'xa-phuong'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export interface SiteJson {
  id: string;
  code: string;
  name: string;
  kind: SiteKind;
  /** IANA zone of the desk's clock (Asia/Ho_Chi_Minh): its local days are the days scores count by. */
  timeZone: string;
}

/** GET /api/v1/sites */
export interface SitesAnswer {
  sites: SiteJson[];
}
