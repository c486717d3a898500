// Stored rows → coded export rows (core's encoder) with the site, enumerator and server quality flags filled in.
import { exportHeader } from '../../core/export/columns';
import { createRowLabeller } from '../../core/export/labelled';
import type { ExportLocale } from '../../core/export/labels';
import { createRowEncoder, type Cell } from '../../core/export/rows';
import { DEFAULT_TIME_ZONE } from '../../core/format';
import { localDateTime } from '../../core/local-day';
import type { FormDefinition } from '../../core/forms/schema';
import type { Response } from '../../core/response/schema';
import type { Db } from '../db/index';
import { enumeratorNames } from '../db/queries/people';
import type { RollupFilter } from '../db/queries/scores';
import type { Site } from '../db/schema';
import { flagsOf, loadQualityContext } from '../scores/quality';
import { responsePages, type ExportRow } from './source';

/** Header of the column that marks responses left out of the scores (issue 11): last, after core's columns. */
const EXCLUDED_HEADER = { vi: 'Loại khỏi điểm', en: 'Excluded from scores' } as const;

/** The export's header row: core's columns, then the exclusion mark. */
export function exportFileHeader(form: FormDefinition, lang: ExportLocale): string[] {
  return [...exportHeader(form, lang), EXCLUDED_HEADER[lang]];
}

export interface ExportSource {
  /** Stored rows, a page at a time (keyset order: local day, then id). */
  pages(): AsyncGenerator<ExportRow[]>;
  /** One stored row as cells; called as each row is written, so encoded rows never pile up. */
  encode(row: ExportRow): Cell[];
}

/** Codes (the default, what a statistician loads) or the codebook's words in the export's language. */
type ExportValues = { values: 'codes' } | { values: 'labels'; lang: ExportLocale };

export async function exportSource(db: Db, form: FormDefinition, filter: RollupFilter, sites: readonly Site[], values: ExportValues = { values: 'codes' }): Promise<ExportSource> {
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const names = await enumeratorNames(db);
  const qc = await loadQualityContext(db, form, filter);
  const coded = createRowEncoder(form);
  const label = values.values === 'labels' ? createRowLabeller(form, values.lang) : null;
  const encode: typeof coded = label ? (r, c) => label(coded(r, c)) : coded;
  const encodeRow = (r: ExportRow): Cell[] => {
    const response = JSON.parse(r.payload) as Response;
    const site = siteById.get(r.site_id);
    // Times as the desk's clock read them (with the offset), like every time shown to people.
    const zone = site?.time_zone ?? DEFAULT_TIME_ZONE;
    // kiosk-misuse is the tablet's own flag and already in the payload's flags.
    const flags = flagsOf(r, qc).filter((f) => f !== 'kiosk-misuse');
    const cells = encode(response, {
      siteCode: site?.code ?? r.site_id,
      siteName: site?.name ?? '',
      localDay: r.local_day,
      enumerator: r.enumerator_id ? (names.get(r.enumerator_id) ?? r.enumerator_id) : null,
      flags,
      startedAt: localDateTime(response.startedAt, zone),
      completedAt: localDateTime(response.completedAt, zone),
    });
    // The last column (EXCLUDED_HEADER): why the response is left out of the scores, empty when it counts.
    cells.push(r.excluded ?? null);
    return cells;
  };
  return {
    pages: () => responsePages(db, filter),
    encode: encodeRow,
  };
}
