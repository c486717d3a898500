// Refusals (issue 11 item 4): a person who was asked but not interviewed, recorded on the tablet without answers or
// anything personal, so the response rate (interviews ÷ people asked) can be told per site and enumerator.
import * as z from 'zod/mini';
import { Id64, IsoWithOffset, UUID_V7 } from '../response/schema';
import type { Period } from './period';
import type { ScopeQuery } from './scores';

/** Which consent question got the "no": not 18 or over, no result received yet, or declined to take part. */
export const REFUSAL_REASONS = ['not-adult', 'no-result', 'declined'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const Refusal = z.strictObject({
  id: z.string().check(z.regex(UUID_V7, 'must be a UUIDv7 (lower-case)')),
  formId: Id64(),
  formVersion: z.int().check(z.gte(1)),
  siteId: Id64(),
  deviceId: Id64(),
  /** Only interviews are refused: kiosk ratings are nobody's to ask. */
  enumeratorId: Id64(),
  reason: z.enum(REFUSAL_REASONS),
  occurredAt: IsoWithOffset,
  appVersion: Id64(),
});
export type Refusal = z.infer<typeof Refusal>;

/** The consent answers as the interview keeps them: null until asked. */
interface ConsentAnswers {
  adult: boolean | null;
  receivedResult: boolean | null;
  agreed: boolean | null;
}

/**
 * The reason of a refusal from the consent answers, the first "no" in the order they are asked (eligibility before
 * agreement), or null when nothing was refused.
 */
export function refusalReason(c: ConsentAnswers): RefusalReason | null {
  if (c.adult === false) return 'not-adult';
  if (c.receivedResult === false) return 'no-result';
  if (c.agreed === false) return 'declined';
  return null;
}

/** The body of POST /api/v1/refusals; the answer is SubmissionsAnswer (one verdict per item, in order). */
export interface RefusalsBody {
  refusals: Refusal[];
}

/** GET /api/v1/response-rate */
export type ResponseRateQuery = ScopeQuery;

/** Interviews (stored, counted in the scores), refusals, and the rate interviews ÷ (interviews + refusals). */
export interface RateFigures {
  interviews: number;
  refusals: number;
  /** Refusals by reason. */
  reasons: Record<RefusalReason, number>;
  /** Between 0 and 1; null when nobody was asked. */
  rate: number | null;
}

interface SiteRate extends RateFigures {
  siteId: string;
  code: string;
  name: string;
}

export interface EnumeratorRate extends RateFigures {
  enumeratorId: string;
  /** The enumerator's display name; null when the id names nobody known. */
  name: string | null;
  siteId: string;
}

export interface ResponseRateJson {
  period: Period;
  total: RateFigures;
  /** Every site in scope, with zeros where nobody was asked. */
  sites: SiteRate[];
  /** Every enumerator who interviewed or recorded a refusal in scope and period, per site. */
  enumerators: EnumeratorRate[];
}

/** The figures of some counts: the rate is null, never 0/0. */
export function rateFigures(interviews: number, reasons: Record<RefusalReason, number>): RateFigures {
  const refusals = REFUSAL_REASONS.reduce((n, r) => n + reasons[r], 0);
  const asked = interviews + refusals;
  return { interviews, refusals, reasons, rate: asked === 0 ? null : interviews / asked };
}
