// The dashboard's own state (what crosses the wire is in core/protocol): its filters and why sign-in shows again.
import type { Compare, PeriodKind } from '../../core/protocol/period';

/** The filters every panel of the dashboard reads. */
export interface Filters {
  formId: string;
  /** '' = every site in scope. */
  siteId: string;
  period: PeriodKind;
  /** The day, or a day in the week/month; start of a custom range. */
  from: string;
  to: string;
  /** '' = no comparison. */
  compare: Compare | '';
}

/** Why the sign-in screen is shown again, if there is something to say. */
export type LoginNotice = 'expired' | 'signedOut' | 'offline' | null;
