// The people import's file on the server: uploaded bytes (XLSX or CSV) → the core's tables, and the template to
// download in both forms, with its notes in Vietnamese and English (exceljs and csv-stringify live on the server only).
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { parseCsv, tablesFromCsv, tablesFromWorkbook, type RawRow } from '../../core/admin/import-file';
import type { ImportTables } from '../../core/admin/people-import';
import { cellValue } from '../../core/forms/xlsform';
import { IMPORT_COLUMNS, MAX_PEOPLE_IMPORT_ROWS, type ImportSheet } from '../../core/protocol/people-import';
import { problem } from '../../core/protocol/problems';

export type ImportFormat = 'xlsx' | 'csv';

/** Uncompressed bytes a workbook may unpack to: a 5,000-row workbook is a few MB; a zip bomb is refused before unzipping. */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const invalid = (path: string, message: string) => problem.importFileInvalid({ errors: [{ path, message }] });

/** What the bytes are, whatever the upload said: a zip is a workbook; the OLE header is an old .xls. */
function sniff(bytes: Uint8Array): 'zip' | 'xls' | 'other' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'other';
}

/** The uncompressed size the zip's central directory declares, or null when it cannot be read (then the zip is refused). */
function unzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      if (size === 0xffffffff) return null;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<Record<string, RawRow[]>> {
  const size = unzippedSize(bytes);
  if (size === null) throw invalid('(file)', 'the workbook is damaged: save it again as .xlsx');
  if (size > MAX_UNZIPPED_BYTES) throw invalid('(file)', `the workbook unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB; keep to the template's sheets`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw invalid('(file)', 'the file is not a readable .xlsx workbook');
  }
  const sheets: Record<string, RawRow[]> = {};
  wb.eachSheet((ws) => {
    const rows: RawRow[] = [];
    // Counted before the rows are copied: a sheet of a million rows is refused without building them.
    if (ws.actualRowCount > MAX_PEOPLE_IMPORT_ROWS + 1000) throw problem.tooManyImportRows({ max: MAX_PEOPLE_IMPORT_ROWS, got: ws.actualRowCount - 1 });
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // row.values is 1-based and sparse.
      const values = row.values as unknown[];
      const cells = [];
      for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
      rows.push({ row: rowNumber, cells });
    });
    sheets[ws.name] = rows;
  });
  return sheets;
}

function readCsv(bytes: Uint8Array): RawRow[] {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw invalid('(file)', 'the CSV is not UTF-8 text: in Excel, save as "CSV UTF-8 (Comma delimited)"');
  }
  if (text.includes('\u0000')) throw invalid('(file)', 'the file is not text (it holds NUL characters)');
  const parsed = parseCsv(text);
  if (!parsed.ok) throw problem.importFileInvalid({ errors: [parsed.error] });
  return parsed.records;
}

/** The upload as the import's tables, or the 400.1 / 400.2 problem that says why it cannot be read. */
export async function readImportFile(bytes: Uint8Array, declared: ImportFormat): Promise<ImportTables> {
  if (bytes.length === 0) throw invalid('(file)', 'the file is empty');
  const kind = sniff(bytes);
  if (kind === 'xls') throw invalid('(file)', 'this is an old .xls workbook: save it as .xlsx (Excel Workbook) or CSV UTF-8');
  if (declared === 'xlsx' && kind !== 'zip') throw invalid('(file)', 'the file is not an .xlsx workbook');
  const result = kind === 'zip' ? tablesFromWorkbook(await readXlsx(bytes)) : tablesFromCsv(readCsv(bytes));
  if (result.ok) return result.tables;
  if ('tooMany' in result) throw problem.tooManyImportRows({ max: MAX_PEOPLE_IMPORT_ROWS, got: result.tooMany });
  throw problem.importFileInvalid({ errors: result.errors });
}

// ---- The template ----

type Note = { vi: string; en: string };

const GENERAL_NOTES: Note[] = [
  {
    vi: 'Tệp nhập điểm và người dùng của Hài Lòng. Mỗi dòng một điểm (trang "sites") hoặc một người (trang "people"); dòng tiêu đề là dòng 1.',
    en: 'The Hài Lòng sites-and-people import. One site per row (sheet "sites") or one person per row (sheet "people"); the header is row 1.',
  },
  {
    vi: 'Chạy thử trước (mặc định): không ghi gì, chỉ báo từng dòng sẽ tạo, cập nhật, giữ nguyên hay có lỗi (theo dòng và cột). Chỉ ghi khi mọi dòng hợp lệ, tất cả cùng lúc.',
    en: 'A dry run first (the default) writes nothing: it tells what each row would do (create, update, unchanged) or its errors by row and column. Rows are written only when every row is valid, all at once.',
  },
  {
    vi: 'Nhập lại cùng một tệp không thay đổi gì. Tệp nhập không đặt lại mật khẩu, không xóa PIN, không đổi vai trò, không khóa hay mở khóa ai, không mở lại điểm đã ngừng hoạt động: việc đó làm trong trang quản trị.',
    en: 'Importing the same file again changes nothing. The import never resets a password, clears a PIN, changes a role, disables or enables anyone, or reactivates a site: do that in the admin console.',
  },
  {
    vi: 'Dạng CSV: một bảng, cột đầu "sheet" ghi sites hoặc people; để trống các cột của loại kia. Dòng bắt đầu bằng # là ghi chú. Lưu dạng "CSV UTF-8".',
    en: 'CSV form: one table whose first column "sheet" says sites or people; leave the other kind\'s columns empty. Rows starting with # are notes. Save as "CSV UTF-8".',
  },
];

const COLUMN_NOTES: Record<ImportSheet, Record<string, Note>> = {
  sites: {
    code: {
      vi: 'Mã điểm, duy nhất, bắt buộc: 1–32 chữ, số, dấu chấm, gạch ngang hoặc gạch dưới (VD: Q1, SO-TNMT, P.BEN-NGHE). Không đổi được bằng tệp nhập.',
      en: 'Site code, unique, required: 1–32 letters, digits, dots, dashes or underscores (e.g. Q1, SO-TNMT, P.BEN-NGHE). The import never changes it.',
    },
    name: { vi: 'Tên điểm Một cửa, bắt buộc, tối đa 200 ký tự.', en: "The one-stop desk's name, required, at most 200 characters." },
    kind: { vi: 'Loại, bắt buộc: so-nganh (sở/ngành), quan-huyen (quận/huyện) hoặc xa-phuong (xã/phường).', en: 'Kind, required: so-nganh, quan-huyen or xa-phuong.' },
    time_zone: {
      vi: 'Múi giờ IANA, không bắt buộc: để trống thì điểm mới dùng Asia/Ho_Chi_Minh, điểm đã có giữ nguyên.',
      en: 'IANA time zone, optional: empty means Asia/Ho_Chi_Minh for a new site and unchanged for an existing one.',
    },
  },
  people: {
    role: {
      vi: 'Vai trò, bắt buộc: supervisor (giám sát, đăng nhập web) hoặc enumerator (điều tra viên, chọn trên máy tính bảng). Quản trị viên không tạo bằng tệp.',
      en: 'Role, required: supervisor (signs in on the web) or enumerator (picked on a tablet). Admins are not imported.',
    },
    username: {
      vi: 'Tên đăng nhập, duy nhất, bắt buộc (cả điều tra viên): 2–64 chữ thường, số, dấu chấm, gạch ngang hoặc gạch dưới. Người đã có được nhận ra bằng tên này.',
      en: 'Username, unique, required (enumerators too): 2–64 lower-case letters, digits, dots, dashes or underscores. An existing person is found by it.',
    },
    display_name: { vi: 'Họ tên hiển thị, bắt buộc, tối đa 100 ký tự.', en: 'The name people see, required, at most 100 characters.' },
    site_codes: {
      vi: 'Mã điểm, cách nhau bằng dấu phẩy. Giám sát: một hoặc nhiều điểm (danh sách thay toàn bộ điểm đang giao). Điều tra viên: đúng một điểm. Được dùng điểm tạo mới ở trang sites cùng tệp.',
      en: "Site codes, comma-separated. Supervisor: one or more (the list replaces their sites). Enumerator: exactly one. A site the same file's sites sheet creates may be named.",
    },
    password: {
      vi: 'Chỉ cho giám sát mới, ít nhất 10 ký tự. Bỏ qua với người đã có mật khẩu (tệp nhập không đặt lại mật khẩu). Để trống với điều tra viên.',
      en: 'For a new supervisor only, at least 10 characters. Ignored for someone who has a password (the import never resets one). Empty for enumerators.',
    },
    pin: {
      vi: 'Chỉ cho điều tra viên, không bắt buộc: 4–8 chữ số (để ô dạng Văn bản để giữ số 0 đầu). Để trống thì giữ PIN hiện có. Để trống với giám sát.',
      en: 'For enumerators, optional: 4–8 digits (keep the cell as Text so a leading 0 stays). Empty keeps the current PIN. Empty for supervisors.',
    },
  },
};

const EXAMPLES = {
  sites: [{ code: 'P.BEN-NGHE', name: 'Bộ phận Một cửa phường Bến Nghé', kind: 'xa-phuong', time_zone: 'Asia/Ho_Chi_Minh' }],
  people: [
    { role: 'supervisor', username: 'nguyen.lan', display_name: 'Nguyễn Thị Lan', site_codes: 'P.BEN-NGHE', password: 'doi-mat-khau-ngay', pin: '' },
    { role: 'enumerator', username: 'tran.minh', display_name: 'Trần Văn Minh', site_codes: 'P.BEN-NGHE', password: '', pin: '0246' },
  ],
} satisfies Record<ImportSheet, Record<string, string>[]>;

/** The template as a workbook: "sites" and "people" with the header and an example row of each kind, and "notes". */
export async function templateXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of ['sites', 'people'] as const) {
    const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    const columns = IMPORT_COLUMNS[sheet];
    ws.columns = columns.map((key) => ({ header: key, key, width: Math.max(14, ...EXAMPLES[sheet].map((e: Record<string, string>) => (e[key] ?? '').length + 4)), style: { numFmt: '@' } }));
    ws.getRow(1).font = { bold: true };
    for (const example of EXAMPLES[sheet]) ws.addRow(example);
    // Each header says in a hover what its column takes, in both languages.
    columns.forEach((key, i) => {
      const note = COLUMN_NOTES[sheet][key];
      ws.getRow(1).getCell(i + 1).note = `${note.vi}\n\n${note.en}`;
    });
  }
  const notes = wb.addWorksheet('notes');
  notes.columns = [
    { header: 'sheet', key: 'sheet', width: 10 },
    { header: 'column', key: 'column', width: 14 },
    { header: 'Tiếng Việt', key: 'vi', width: 80 },
    { header: 'English', key: 'en', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const n of GENERAL_NOTES) notes.addRow({ sheet: '', column: '', ...n });
  for (const sheet of ['sites', 'people'] as const) for (const [column, n] of Object.entries(COLUMN_NOTES[sheet])) notes.addRow({ sheet, column, ...n });
  notes.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The template as one CSV table: notes first (rows starting with #), then the header and an example row of each kind. */
export function templateCsv(): string {
  const header = ['sheet', ...IMPORT_COLUMNS.sites, ...IMPORT_COLUMNS.people];
  const notes: string[][] = [];
  for (const n of GENERAL_NOTES) notes.push([`# ${n.vi}`], [`# ${n.en}`]);
  for (const sheet of ['sites', 'people'] as const) {
    for (const [column, n] of Object.entries(COLUMN_NOTES[sheet])) notes.push([`# ${sheet}.${column}: ${n.vi}`], [`# ${sheet}.${column}: ${n.en}`]);
  }
  const examples = (['sites', 'people'] as const).flatMap((sheet) =>
    EXAMPLES[sheet].map((e) => header.map((h) => (h === 'sheet' ? sheet : ((e as Record<string, string>)[h] ?? '')))),
  );
  return stringify([...notes, header, ...examples], { bom: true, record_delimiter: 'windows' });
}
