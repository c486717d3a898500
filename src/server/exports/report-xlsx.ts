// The report as an Excel workbook: the same content as the printed dashboard (headline, blocks, ranking, per-site
// figures, the response rate of an interview form, notes).
import ExcelJS from 'exceljs';
import type { ExportLocale } from '../../core/export/labels';
import type { FormDefinition } from '../../core/forms/schema';
import { REFUSAL_REASONS, type RateFigures } from '../../core/protocol/refusals';
import type { SiteKind } from '../../core/protocol/sites';
import { sampleProgress } from '../../core/scoring/sample-size';
import type { Db } from '../db/index';
import type { RollupFilter } from '../db/queries/scores';
import type { Site } from '../db/schema';
import { scoreFilter, type Labeller } from '../scores/report';
import type { ResponseRates } from '../scores/response-rate';

type Text = Record<ExportLocale, string>;
const W = {
  sheets: { vi: ['Báo cáo', 'Khối', 'Xếp hạng', 'Theo đơn vị', 'Ghi chú'], en: ['Report', 'Blocks', 'Ranking', 'By site', 'Notes'] },
  rateSheet: { vi: 'Tỷ lệ trả lời', en: 'Response rate' },
  rate: { vi: 'Tỷ lệ trả lời (%)', en: 'Response rate (%)' },
  total: { vi: 'Tổng', en: 'Total' },
  rateHead: {
    vi: ['Mã đơn vị', 'Tên đơn vị', 'Điều tra viên', 'Số phiếu phỏng vấn', 'Số lượt từ chối', 'Chưa đủ 18 tuổi', 'Chưa nhận kết quả', 'Không đồng ý', 'Tỷ lệ trả lời (%)'],
    en: ['Site code', 'Site name', 'Enumerator', 'Interviews', 'Refusals', 'Under 18', 'No result received yet', 'Declined', 'Response rate (%)'],
  },
  rateNote: {
    vi: 'Tỷ lệ trả lời = số phiếu phỏng vấn ÷ (số phiếu phỏng vấn + số lượt từ chối); phiếu phỏng vấn là phiếu đã lưu và được tính điểm. Lượt từ chối không được tính vào chỉ số nào. Ô trống: không có ai được hỏi.',
    en: 'Response rate = interviews ÷ (interviews + refusals); interviews are the stored responses counted in the scores. Refusals never enter an index. Blank: nobody was asked.',
  },
  title: { vi: 'Báo cáo kết quả khảo sát mức độ hài lòng', en: 'Satisfaction survey report' },
  form: { vi: 'Biểu mẫu', en: 'Form' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  all: { vi: 'Tất cả đơn vị', en: 'All sites' },
  period: { vi: 'Thời gian', en: 'Period' },
  responses: { vi: 'Số phiếu', en: 'Responses' },
  pooled: { vi: 'Chỉ số chung (gộp tất cả phiếu, %)', en: 'Overall index (all responses pooled, %)' },
  unitMean: { vi: 'Trung bình các đơn vị (%)', en: 'Mean of the units (%)' },
  exported: { vi: 'Xuất lúc', en: 'Exported at' },
  figureHead: { vi: ['Chỉ số (%)', 'n', 'Cận dưới 95% (%)', 'Cận trên 95% (%)', 'Mẫu nhỏ (n < 30)'], en: ['Index (%)', 'n', '95% low (%)', '95% high (%)', 'Small sample (n < 30)'] },
  blockHead: {
    vi: ['Khối', 'Số đơn vị', 'Số phiếu', 'Gộp tất cả phiếu (%)', 'n', 'Cận dưới 95% (%)', 'Cận trên 95% (%)', 'Trung bình các đơn vị (%)', 'Đơn vị cao nhất (%)', 'Đơn vị thấp nhất (%)', 'Chênh lệch (điểm)'],
    en: ['Block', 'Sites', 'Responses', 'All responses pooled (%)', 'n', '95% low (%)', '95% high (%)', 'Mean of the units (%)', 'Best site (%)', 'Worst site (%)', 'Gap (points)'],
  },
  rankHead: {
    vi: ['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Khối', 'Số phiếu đạt được', 'Chỉ số (%)', 'n', 'Cận dưới 95% (%)', 'Cận trên 95% (%)', 'Mẫu nhỏ (n < 30)', 'N (số giao dịch trong kỳ)', 'Cỡ mẫu cần đạt (n)', 'Đạt so với cỡ mẫu cần đạt (%)'],
    en: ['Rank', 'Site code', 'Site name', 'Block', 'Responses achieved', 'Index (%)', 'n', '95% low (%)', '95% high (%)', 'Small sample (n < 30)', 'N (transactions in the period)', 'Sample target (n)', 'Achieved against target (%)'],
  },
  siteHead: {
    vi: ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Mã', 'Nội dung', 'Chỉ số (%)', 'n', 'Cận dưới 95% (%)', 'Cận trên 95% (%)', 'Mẫu nhỏ (n < 30)'],
    en: ['Site code', 'Site name', 'Level', 'ID', 'Label', 'Index (%)', 'n', '95% low (%)', '95% high (%)', 'Small sample (n < 30)'],
  },
  overall: { vi: 'Chỉ số chung', en: 'Overall' },
  element: { vi: 'Yếu tố', en: 'Element' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  yes: { vi: 'Có', en: 'Yes' },
  notes: {
    vi: [
      'Chỉ số hài lòng: tỷ lệ câu trả lời “Hài lòng” hoặc “Rất hài lòng” trên số câu trả lời có ý kiến (không tính “Không áp dụng / không biết”).',
      'Khoảng tin cậy 95% theo phương pháp Wilson; n là số câu trả lời được tính. Con số có n < 30 là mẫu nhỏ.',
      '“Trung bình các đơn vị” là trung bình cộng chỉ số chung của từng đơn vị; “gộp tất cả phiếu” tính trên mọi phiếu của khối hoặc phạm vi.',
      'Phiếu bị giám sát viên loại khỏi điểm không được tính. Ngày theo giờ địa phương của đơn vị.',
      'Cỡ mẫu cần đạt của từng đơn vị: n = N/(1+N·e²), N là số giao dịch của đơn vị trong kỳ (do giám sát viên nhập), e = 5%; bảng Xếp hạng ghi số phiếu đạt được so với cỡ mẫu này. Ô trống: chưa nhập N cho kỳ này.',
    ],
    en: [
      'Satisfaction index: the share of “Satisfied” or “Very satisfied” among answers with an opinion (“Not applicable / don’t know” left out).',
      '95% confidence intervals by the Wilson method; n is the number of answers counted. Figures with n < 30 are small samples.',
      '“Mean of the units” averages each site’s overall index; “all responses pooled” counts every response of the block or scope.',
      'Responses a supervisor excluded from the scores do not count. Days are in the site’s local time.',
      'Each site’s sample target: n = N/(1+N·e²), N being the site’s transactions in the period (entered by a supervisor) and e = 5%; the Ranking sheet gives the responses achieved against it. Blank: no N entered for this period.',
    ],
  },
} as const;

const KIND_NAMES: Record<SiteKind, Text> = {
  'so-nganh': { vi: 'Sở, ban, ngành', en: 'Departments' },
  'quan-huyen': { vi: 'Quận, huyện', en: 'Districts' },
  'xa-phuong': { vi: 'Xã, phường', en: 'Wards and communes' },
};

const PCT = '0.00';
type Fig = { value: number | null; n: number; low: number | null; high: number | null; smallSample: boolean };

/** The workbook's bytes: a report is a few hundred rows, so it is built in memory. */
export async function reportXlsx(
  db: Db,
  o: {
    form: FormDefinition;
    filter: RollupFilter;
    sites: readonly Site[];
    allSites: boolean;
    lang: ExportLocale;
    now: Date;
    /** N per site id stored for exactly this period (GET /api/v1/targets). */
    populations: ReadonlyMap<string, number>;
    /** The response rate (GET /api/v1/response-rate) for an interview form; null for a kiosk form, which asks nobody. */
    rates: ResponseRates | null;
  },
): Promise<Buffer> {
  const L = o.lang;
  const tx = (t: Text) => t[L];
  const figCells = (f: Fig) => [f.value, f.n, f.low, f.high, f.smallSample ? tx(W.yes) : null];
  const siteById = new Map(o.sites.map((s) => [s.id, s]));
  const labels: Labeller = { site: (id) => (siteById.has(id) ? { vi: siteById.get(id)!.name, en: siteById.get(id)!.name } : null) };
  const units = o.sites.map((s) => ({ id: s.id, kind: s.kind }));
  // The very computations GET /api/v1/scores answers with, so the file and the dashboard agree to the digit.
  const main = await scoreFilter(db, o.form, o.filter, 'element', labels, units);
  const blocks = await scoreFilter(db, o.form, o.filter, 'kind', labels, units);
  const bySite = await scoreFilter(db, o.form, o.filter, 'site', labels, units);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hài Lòng';
  wb.created = o.now;
  const [sReport, sBlocks, sRank, sSites] = W.sheets[L].slice(0, 4).map((name) => wb.addWorksheet(name));
  const sRate = o.rates ? wb.addWorksheet(tx(W.rateSheet)) : null;
  const sNotes = wb.addWorksheet(W.sheets[L][4]);
  const pct = (row: ExcelJS.Row, cols: number[]) => cols.forEach((c) => (row.getCell(c).numFmt = PCT));
  const head = (sheet: ExcelJS.Worksheet, cells: readonly string[]) => {
    sheet.addRow([...cells]).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: sheet.rowCount }];
  };

  const title = o.form.title[L] ?? o.form.title.vi;
  sReport.addRow([tx(W.title)]).font = { bold: true, size: 14 };
  sReport.addRow([tx(W.form), `${o.form.id} v${o.form.version}`, title]);
  sReport.addRow([tx(W.scope), o.allSites ? tx(W.all) : o.sites.map((s) => `${s.name} (${s.code})`).join(', ')]);
  sReport.addRow([tx(W.period), o.filter.from, o.filter.to]);
  sReport.addRow([tx(W.responses), main.report.responses]);
  sReport.addRow([tx(W.exported), o.now.toISOString()]);
  sReport.addRow([]);
  head(sReport, ['', ...W.figureHead[L]]);
  pct(sReport.addRow([tx(W.pooled), ...figCells(main.report.headline)]), [2, 4, 5]);
  if (main.unitMean) pct(sReport.addRow([tx(W.unitMean), main.unitMean.value, main.unitMean.units]), [2]);
  const ratePct = (f: RateFigures) => (f.rate === null ? null : f.rate * 100);
  if (o.rates) pct(sReport.addRow([tx(W.rate), ratePct(o.rates.total)]), [2]);
  sReport.getColumn(1).width = 42;

  head(sBlocks, W.blockHead[L]);
  for (const g of blocks.groups) {
    const m = g.unitMean;
    const gap = m && m.high !== null && m.low !== null ? m.high - m.low : null;
    const row = sBlocks.addRow([KIND_NAMES[g.key as SiteKind]?.[L] ?? g.key, g.siteIds?.length ?? 0, g.responses, g.value, g.n, g.low, g.high, m?.value ?? null, m?.high ?? null, m?.low ?? null, gap]);
    pct(row, [4, 6, 7, 8, 9, 10, 11]);
  }

  // Ranking best first; sites without a figure last, unranked.
  head(sRank, W.rankHead[L]);
  const ranked = [...bySite.groups].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.key.localeCompare(b.key));
  ranked.forEach((g, i) => {
    const s = siteById.get(g.key);
    const N = o.populations.get(g.key);
    const sample = N === undefined ? null : sampleProgress(g.responses, N);
    const row = sRank.addRow([g.value === null ? null : i + 1, s?.code ?? g.key, s?.name ?? '', s ? KIND_NAMES[s.kind][L] : '', g.responses, ...figCells(g), N ?? null, sample?.target ?? null, sample?.achieved ?? null]);
    pct(row, [6, 8, 9, 13]);
  });

  head(sSites, W.siteHead[L]);
  for (const g of ranked) {
    const s = siteById.get(g.key);
    if (!s) continue;
    const one = await scoreFilter(db, o.form, { ...o.filter, siteIds: [s.id] }, 'element');
    const put = (level: Text, id: string, label: string, f: Fig) => pct(sSites.addRow([s.code, s.name, tx(level), id, label, ...figCells(f)]), [6, 8, 9]);
    put(W.overall, '', '', one.report.headline);
    for (const e of one.report.index?.elements ?? []) put(W.element, e.elementId, e.label?.[L] ?? e.label?.vi ?? '', e);
    for (const c of one.report.index?.criteria ?? []) put(W.criterion, c.itemId, c.label?.[L] ?? c.label?.vi ?? '', c);
  }

  if (sRate && o.rates) {
    // Everyone in scope first, then each site, then each enumerator under their site: the dashboard card's order.
    head(sRate, W.rateHead[L]);
    const put = (code: string | null, name: string, enumerator: string | null, f: RateFigures) =>
      pct(sRate.addRow([code, name, enumerator, f.interviews, f.refusals, ...REFUSAL_REASONS.map((r) => f.reasons[r]), ratePct(f)]), [9]);
    put(null, tx(W.total), null, o.rates.total);
    for (const s of o.rates.sites) put(s.code, s.name, null, s);
    for (const e of o.rates.enumerators) {
      const s = siteById.get(e.siteId);
      put(s?.code ?? e.siteId, s?.name ?? '', e.name ?? e.enumeratorId, e);
    }
    sRate.getColumn(2).width = 36;
    sRate.getColumn(3).width = 24;
  }

  for (const line of [...W.notes[L], ...(o.rates ? [tx(W.rateNote)] : [])]) sNotes.addRow([line]);
  sNotes.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
