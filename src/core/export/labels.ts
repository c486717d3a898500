// The export's own fixed wording in vi and en: core is pure, so these live beside the layout, not in the app's i18next.
import type { ItemType } from '../forms/schema';

export type ExportLocale = 'vi' | 'en';
type Text = Record<ExportLocale, string>;

export const FIXED_COLUMN_KEYS = [
  'id',
  'formId',
  'formVersion',
  'siteCode',
  'siteName',
  'localDay',
  'startedAt',
  'completedAt',
  'mode',
  'enumerator',
  'procedureCode',
  'procedureName',
  'durationSeconds',
  'flags',
] as const;
export type FixedColumnKey = (typeof FIXED_COLUMN_KEYS)[number];

export const FIXED_COLUMN_LABELS: Record<FixedColumnKey, Text> = {
  id: { vi: 'Mã phiếu', en: 'Response ID' },
  formId: { vi: 'Mã biểu mẫu', en: 'Form ID' },
  formVersion: { vi: 'Phiên bản biểu mẫu', en: 'Form version' },
  siteCode: { vi: 'Mã đơn vị', en: 'Site code' },
  siteName: { vi: 'Tên đơn vị', en: 'Site name' },
  localDay: { vi: 'Ngày (giờ địa phương)', en: 'Local day' },
  startedAt: { vi: 'Bắt đầu lúc', en: 'Started at' },
  completedAt: { vi: 'Hoàn thành lúc', en: 'Completed at' },
  mode: { vi: 'Hình thức', en: 'Mode' },
  enumerator: { vi: 'Điều tra viên', en: 'Enumerator' },
  procedureCode: { vi: 'Mã thủ tục', en: 'Procedure code' },
  procedureName: { vi: 'Tên thủ tục', en: 'Procedure name' },
  durationSeconds: { vi: 'Thời lượng (giây)', en: 'Duration (seconds)' },
  flags: { vi: 'Cờ cảnh báo', en: 'Flags' },
};

export const TYPE_LABELS: Record<ItemType | 'meta', Text> = {
  likert5: { vi: 'Thang đo 5 mức', en: '5-point scale' },
  single: { vi: 'Chọn một', en: 'Single choice' },
  multi: { vi: 'Chọn nhiều (các mã cách nhau bởi ;)', en: 'Multiple choice (codes separated by ;)' },
  number: { vi: 'Số', en: 'Number' },
  text: { vi: 'Văn bản ngắn', en: 'Short text' },
  longtext: { vi: 'Văn bản dài', en: 'Long text' },
  rating: { vi: 'Đánh giá bằng biểu tượng', en: 'Rating (faces)' },
  meta: { vi: 'Thông tin phiếu', en: 'Response information' },
};

export const MODE_LABELS: Record<'interview' | 'kiosk', Text> = {
  interview: { vi: 'Phỏng vấn', en: 'Interview' },
  kiosk: { vi: 'Tự đánh giá tại quầy', en: 'Self-rating at the desk' },
};

export const FLAG_LABELS: Record<string, Text> = {
  'kiosk-misuse': { vi: 'Có thể bấm sai (quá sát lượt trước)', en: 'Possible misuse (too soon after the previous rating)' },
  'followup-unanswered': { vi: 'Bỏ dở câu hỏi tiếp theo', en: 'Follow-up left unanswered' },
  'too-fast': { vi: 'Quá nhanh (dưới một nửa thời lượng trung vị)', en: 'Too fast (under half the median duration)' },
  'straight-lining': { vi: 'Chọn cùng một mức cho mọi câu', en: 'Same answer to every item' },
  'clock-skew': { vi: 'Đồng hồ thiết bị lệch so với máy chủ', en: 'Device clock far from server time' },
};

export const CODEBOOK_HEADER: Record<ExportLocale, string[]> = {
  vi: ['Mã câu hỏi', 'Nội dung', 'Loại', 'Mã trả lời', 'Ý nghĩa'],
  en: ['Item ID', 'Label', 'Type', 'Code', 'Meaning'],
};

export const SUMMARY_HEADER: Record<ExportLocale, string[]> = {
  vi: ['Cấp', 'Mã', 'Nội dung', 'Chỉ số (%)', 'n', 'Cận dưới 95% (%)', 'Cận trên 95% (%)', 'Mẫu nhỏ (n < 30)'],
  en: ['Level', 'ID', 'Label', 'Index (%)', 'n', '95% low (%)', '95% high (%)', 'Small sample (n < 30)'],
};

export const SUMMARY_LEVELS: Record<'overall' | 'element' | 'criterion' | 'kiosk' | 'level', Text> = {
  overall: { vi: 'Chỉ số chung', en: 'Overall' },
  element: { vi: 'Yếu tố', en: 'Element' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  kiosk: { vi: 'Tỷ lệ hài lòng', en: 'Share satisfied' },
  level: { vi: 'Mức đánh giá', en: 'Rating level' },
};

export const YES_NO: Record<ExportLocale, [string, string]> = { vi: ['Có', 'Không'], en: ['Yes', 'No'] };
