// The shapes the supervisor screens read from /api/v1 (scores, quality, sessions), written down once.
import type { FlaggedResponse } from '../../core/scoring/flagged-response';
import type { QualityFlag } from '../../core/scoring/quality';

export type Text = { vi: string; en: string; [lang: string]: string };

export interface SiteJson {
  id: string;
  code: string;
  name: string;
  kind: 'so-nganh' | 'quan-huyen' | 'xa-phuong';
  timeZone?: string;
}

export interface Me {
  user: { id: string; username: string; displayName: string; role: 'admin' | 'supervisor'; sites: SiteJson[] };
  expiresAt: string;
}

export interface Figure {
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
  smallSample: boolean;
  k?: number;
}

export interface Group extends Figure {
  key: string;
  label: Text | null;
  responses: number;
  elements?: (Figure & { elementId: string })[];
}

export interface CriterionScore extends Figure {
  itemId: string;
  elementId: string;
  label: Text;
  weight: number;
}

export interface ElementScore extends Figure {
  elementId: string;
  label: Text;
  criteria: CriterionScore[];
}

export interface KioskScore {
  satisfied: Figure & { k: number };
  excludedMisuse: number;
  followUpUnanswered: number;
  distribution: { level: number; label: Text; count: number; share: number | null; satisfied: boolean }[];
  followUps: { itemId: string; label: Text; answered: number; options: { value: string; label: Text; count: number }[] }[];
}

export interface Period {
  kind: 'day' | 'week' | 'month' | 'custom';
  from: string;
  to: string;
}

export interface ScoresJson {
  form: { id: string; version: number; kind: 'interview' | 'kiosk'; title: Text };
  period: Period;
  sites: SiteJson[];
  responses: number;
  headline: Figure;
  index: { overall: Figure; elements: ElementScore[]; criteria: CriterionScore[] } | null;
  kiosk: KioskScore | null;
  breakdown: string;
  groups: Group[];
}

export interface FormSummary {
  id: string;
  version: number;
  kind: 'interview' | 'kiosk';
  title: Text;
}

export type { QualityFlag } from '../../core/scoring/quality';
export type { FlaggedResponse } from '../../core/scoring/flagged-response';

export interface QualityJson {
  checked: number;
  counts: Record<QualityFlag, number>;
  flaggedResponses: number;
  items: FlaggedResponse[];
  truncated: boolean;
}

export interface ResponseDetail {
  id: string;
  form: { id: string; version: number; title: Text | null };
  site: { id: string; code: string | null; name: string | null };
  localDay: string;
  mode: string;
  enumeratorId: string | null;
  procedure: { code: string; name: string } | null;
  startedAt: string;
  completedAt: string;
  receivedAt: string;
  durationMs: number;
  clientFlags: string[];
  flags: QualityFlag[];
  answers: { id: string; type: string | null; label: Text | null; element: string | null; value: unknown; valueLabel: Text | null }[];
}

/** The filters every panel of the dashboard reads. */
export interface Filters {
  formId: string;
  /** '' = every site in scope. */
  siteId: string;
  period: Period['kind'];
  /** The day, or a day in the week/month; start of a custom range. */
  from: string;
  to: string;
}

/** Why the sign-in screen is shown again, if there is something to say. */
export type LoginNotice = 'expired' | 'signedOut' | 'offline' | null;
