// The refusals of an export's filter as rows of the workbook's "Lượt từ chối" sheet: who was asked where and when,
// and why there was no interview, in the export's language, times on the site's clock.
import type { ExportLocale } from '../../core/export/labels';
import type { Cell } from '../../core/export/rows';
import { DEFAULT_TIME_ZONE } from '../../core/format';
import { localDateTime } from '../../core/local-day';
import type { RefusalReason } from '../../core/protocol/refusals';
import type { Db } from '../db/index';
import { enumeratorNames } from '../db/queries/people';
import { listRefusals } from '../db/queries/refusals';
import type { RollupFilter } from '../db/queries/scores';
import type { Site } from '../db/schema';

const HEADER: Record<ExportLocale, string[]> = {
  vi: ['Mã lượt từ chối', 'Phiên bản biểu mẫu', 'Mã đơn vị', 'Tên đơn vị', 'Ngày', 'Thời điểm', 'Điều tra viên', 'Mã máy', 'Mã lý do', 'Lý do'],
  en: ['Refusal id', 'Form version', 'Site code', 'Site name', 'Day', 'Time', 'Enumerator', 'Device id', 'Reason code', 'Reason'],
};

const REASONS: Record<ExportLocale, Record<RefusalReason, string>> = {
  vi: { 'not-adult': 'Chưa đủ 18 tuổi', 'no-result': 'Chưa nhận kết quả', declined: 'Không đồng ý tham gia' },
  en: { 'not-adult': 'Under 18', 'no-result': 'No result received yet', declined: 'Declined to take part' },
};

export interface RefusalSheet {
  header: string[];
  rows: Cell[][];
}

export async function refusalSheet(db: Db, filter: RollupFilter, sites: readonly Site[], lang: ExportLocale): Promise<RefusalSheet> {
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const [rows, names] = await Promise.all([listRefusals(db, filter), enumeratorNames(db)]);
  return {
    header: HEADER[lang],
    rows: rows.map((r) => {
      const site = siteById.get(r.site_id);
      return [
        r.id,
        r.form_version,
        site?.code ?? r.site_id,
        site?.name ?? '',
        r.local_day,
        localDateTime(r.occurred_at, site?.time_zone ?? DEFAULT_TIME_ZONE),
        names.get(r.enumerator_id) ?? r.enumerator_id,
        r.device_id,
        r.reason,
        REASONS[lang][r.reason as RefusalReason] ?? r.reason,
      ];
    }),
  };
}
