// Quality flags on read: too fast against the site's median, straight-lining, a device clock that cannot be right, kiosk misuse.
import type { FormDefinition } from '../../core/forms/schema';
import type { FlaggedResponse } from '../../core/scoring/flagged-response';
import { hasClockSkew, isTooFast, median, QUALITY_FLAGS, type QualityFlag } from '../../core/scoring/quality';
import type { Db } from '../db/index';
import { deviceEnrolmentTimes } from '../db/queries/devices';
import { listResponseMarks } from '../db/queries/response-marks';
import { keysetResponsePages } from '../db/queries/response-pages';
import type { RollupFilter } from '../db/queries/scores';
import type { ResponsesTable } from '../db/schema';

/** A device clock this far behind its own enrolment is wrong, not merely offline. */
const BEFORE_ENROLMENT_TOLERANCE_MS = 10 * 60_000;

/** The columns a flag is judged on: no payload, so flagging never parses answers. */
const TIMING_COLUMNS = ['id', 'site_id', 'local_day', 'device_id', 'enumerator_id', 'procedure_code', 'started_at', 'completed_at', 'received_at', 'flags'] as const;
export type TimingRow = Pick<ResponsesTable, (typeof TIMING_COLUMNS)[number]>;

export interface QualityContext {
  /** Median wall-clock duration (ms) per site over the period; interview forms only. */
  medians: Map<string, number>;
  /** Enrolment time of each device (ms). */
  enrolled: Map<string, number>;
  /** response id → flags found at ingest (straight-lining, kiosk-misuse). */
  marks: Map<string, Set<string>>;
  tooFastApplies: boolean;
}

/** The columns a flag needs, a page at a time in (local day, id) order: a season's worth never sits in memory at once. */
function timingPages(db: Db, f: RollupFilter, pageSize = 2_000): AsyncGenerator<TimingRow[]> {
  return keysetResponsePages(db, f, TIMING_COLUMNS, pageSize);
}

const durationOf = (r: { started_at: string; completed_at: string }) => Date.parse(r.completed_at) - Date.parse(r.started_at);

/**
 * Everything needed to flag responses of the filter without reading their payloads. Durations are
 * wall clock (completedAt − startedAt), the definition core/scoring uses and the export prints.
 */
export async function loadQualityContext(db: Db, form: FormDefinition, f: RollupFilter): Promise<QualityContext> {
  const tooFastApplies = form.kind === 'interview';
  const medians = new Map<string, number>();
  if (tooFastApplies) {
    const bySite = new Map<string, number[]>();
    const addDuration = (site: string, ms: number) => {
      let list = bySite.get(site);
      if (!list) bySite.set(site, (list = []));
      list.push(ms);
    };
    for await (const page of timingPages(db, f)) for (const r of page) addDuration(r.site_id, durationOf(r));
    for (const [site, list] of bySite) medians.set(site, median(list) as number);
  }
  const enrolled = await deviceEnrolmentTimes(db);
  const marks = new Map<string, Set<string>>();
  for (const m of await listResponseMarks(db, f)) {
    let s = marks.get(m.response_id);
    if (!s) marks.set(m.response_id, (s = new Set()));
    s.add(m.flag);
  }
  return { medians, enrolled, marks, tooFastApplies };
}

/**
 * The clock check the server can make. The sync protocol does not carry the device's clock at send time,
 * so a response completed long before it arrived is taken as held offline, never as skewed; what no
 * offline spell explains is flagged: completed after it arrived, or before its device was enrolled.
 */
function serverClockSkew(r: { completed_at: string; received_at: string; device_id: string }, enrolled: ReadonlyMap<string, number>): boolean {
  // deviceClockAt = receivedAt leaves core's "completed in the future" test and switches off the offline-prone one.
  if (hasClockSkew(r.completed_at, { receivedAt: r.received_at, deviceClockAt: r.received_at })) return true;
  const at = enrolled.get(r.device_id);
  return at !== undefined && Date.parse(r.completed_at) < at - BEFORE_ENROLMENT_TOLERANCE_MS;
}

/** Server-side flags of one response, in QUALITY_FLAGS order. `straight` overrides the ingest mark (the single-response view recomputes it from the payload). */
export function flagsOf(r: TimingRow, qc: QualityContext, straight?: boolean): QualityFlag[] {
  const marks = qc.marks.get(r.id);
  const on: Record<QualityFlag, boolean> = {
    'too-fast': qc.tooFastApplies && isTooFast(durationOf(r), qc.medians.get(r.site_id)),
    'straight-lining': straight ?? marks?.has('straight-lining') ?? false,
    'clock-skew': serverClockSkew(r, qc.enrolled),
    'kiosk-misuse': (marks?.has('kiosk-misuse') ?? false) || r.flags.includes('"kiosk-misuse"'),
  };
  return QUALITY_FLAGS.filter((f) => on[f]);
}

export interface QualityReport {
  checked: number;
  counts: Record<QualityFlag, number>;
  flaggedResponses: number;
  medians: { siteId: string; medianMs: number }[];
  items: FlaggedResponse[];
  truncated: boolean;
}

export async function qualityReport(db: Db, form: FormDefinition, f: RollupFilter, only: readonly QualityFlag[] | undefined, limit: number): Promise<QualityReport> {
  if (f.siteIds && f.siteIds.length === 0) {
    return { checked: 0, counts: { 'too-fast': 0, 'straight-lining': 0, 'clock-skew': 0, 'kiosk-misuse': 0 }, flaggedResponses: 0, medians: [], items: [], truncated: false };
  }
  // Two passes: the medians need every duration first; the flags are then judged page by page.
  const qc = await loadQualityContext(db, form, f);
  const counts: Record<QualityFlag, number> = { 'too-fast': 0, 'straight-lining': 0, 'clock-skew': 0, 'kiosk-misuse': 0 };
  const flagged: FlaggedResponse[] = [];
  let checked = 0;
  for await (const page of timingPages(db, f)) {
    for (const r of page) {
      checked++;
      const flags = flagsOf(r, qc);
      if (flags.length === 0) continue;
      for (const fl of flags) counts[fl]++;
      if (only && !flags.some((fl) => only.includes(fl))) continue;
      flagged.push({
        id: r.id,
        siteId: r.site_id,
        localDay: r.local_day,
        enumeratorId: r.enumerator_id,
        procedureCode: r.procedure_code,
        completedAt: r.completed_at,
        receivedAt: r.received_at,
        durationMs: durationOf(r),
        medianMs: qc.medians.get(r.site_id) ?? null,
        flags,
      });
    }
  }
  flagged.sort((a, b) => (a.completedAt < b.completedAt ? 1 : a.completedAt > b.completedAt ? -1 : 0));
  return {
    checked,
    counts,
    flaggedResponses: flagged.length,
    medians: [...qc.medians.entries()].map(([siteId, medianMs]) => ({ siteId, medianMs })),
    items: flagged.slice(0, limit),
    truncated: flagged.length > limit,
  };
}
