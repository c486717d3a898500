// The response rate from counts: interviews and refusals summed per site, per enumerator and in all, as the dashboard's
// card and the Excel report give it.
import { REFUSAL_REASONS, rateFigures, type EnumeratorRate, type RefusalReason, type ResponseRateJson } from '../../core/protocol/refusals';
import type { Db } from '../db/index';
import { enumeratorNames } from '../db/queries/people';
import { countInterviews, countRefusalsBy, type InterviewCount, type RefusalCount } from '../db/queries/refusals';
import type { RollupFilter } from '../db/queries/scores';
import type { Site } from '../db/schema';

export type ResponseRates = Omit<ResponseRateJson, 'period'>;

/** The rates of the sites in scope for a form and period, read from the stored responses and refusals. */
export async function readResponseRates(db: Db, sites: readonly Site[], filter: RollupFilter): Promise<ResponseRates> {
  const [interviews, refusals, names] = await Promise.all([countInterviews(db, filter), countRefusalsBy(db, filter), enumeratorNames(db)]);
  return responseRates(sites, interviews, refusals, names);
}

interface Tally {
  interviews: number;
  reasons: Record<RefusalReason, number>;
}

const emptyTally = (): Tally => ({ interviews: 0, reasons: { 'not-adult': 0, 'no-result': 0, declined: 0 } });
const isReason = (r: string): r is RefusalReason => (REFUSAL_REASONS as readonly string[]).includes(r);

function responseRates(
  sites: readonly Site[],
  interviews: readonly InterviewCount[],
  refusals: readonly RefusalCount[],
  names: ReadonlyMap<string, string>,
): ResponseRates {
  const total = emptyTally();
  const bySite = new Map<string, Tally>(sites.map((s) => [s.id, emptyTally()]));
  const byEnumerator = new Map<string, Tally & { siteId: string; enumeratorId: string }>();
  const enumeratorTally = (siteId: string, enumeratorId: string) => {
    const key = `${siteId}\u0000${enumeratorId}`;
    let t = byEnumerator.get(key);
    if (!t) byEnumerator.set(key, (t = { ...emptyTally(), siteId, enumeratorId }));
    return t;
  };
  for (const c of interviews) {
    total.interviews += c.n;
    const s = bySite.get(c.site_id);
    if (s) s.interviews += c.n;
    if (c.enumerator_id) enumeratorTally(c.site_id, c.enumerator_id).interviews += c.n;
  }
  for (const c of refusals) {
    // A reason this build does not know is not one of the three asked about: it cannot have come through the route.
    if (!isReason(c.reason)) continue;
    total.reasons[c.reason] += c.n;
    const s = bySite.get(c.site_id);
    if (s) s.reasons[c.reason] += c.n;
    enumeratorTally(c.site_id, c.enumerator_id).reasons[c.reason] += c.n;
  }
  const enumerators: EnumeratorRate[] = [...byEnumerator.values()].map((t) => ({
    enumeratorId: t.enumeratorId,
    name: names.get(t.enumeratorId) ?? null,
    siteId: t.siteId,
    ...rateFigures(t.interviews, t.reasons),
  }));
  const siteOrder = new Map(sites.map((s, i) => [s.id, i]));
  enumerators.sort((a, b) => (siteOrder.get(a.siteId) ?? 0) - (siteOrder.get(b.siteId) ?? 0) || (a.name ?? a.enumeratorId).localeCompare(b.name ?? b.enumeratorId, 'vi'));
  return {
    total: rateFigures(total.interviews, total.reasons),
    sites: sites.map((s) => {
      const t = bySite.get(s.id)!;
      return { siteId: s.id, code: s.code, name: s.name, ...rateFigures(t.interviews, t.reasons) };
    }),
    enumerators,
  };
}
