// XLSX bytes ⇄ the sheets of rows the core's XLSForm reader and writer work on (exceljs lives on the server only).
import ExcelJS from 'exceljs';
import { cellValue, type Cell, type SheetRow, type Workbook, type XlsFormProblem } from '../../core/forms/xlsform';

export type WorkbookResult = { ok: true; workbook: Workbook } | { ok: false; errors: XlsFormProblem[] };

/** Reads an uploaded .xlsx into sheets of rows, keeping each row's number; a file that is not a workbook is one clear error. */
export async function workbookFromXlsx(bytes: Uint8Array): Promise<WorkbookResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ code: 'file-unreadable', params: {} }] };
  }
  const workbook: Record<string, SheetRow[]> = {};
  wb.eachSheet((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      // row.values is 1-based and sparse: fill every column up to the last one used.
      const values = row.values as unknown[];
      for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
      rows.push({ row: rowNumber, cells });
    });
    workbook[ws.name] = rows;
  });
  return { ok: true, workbook };
}

/** Writes sheets of rows as an .xlsx a person can edit: bold, frozen header row, readable column widths, every cell text. */
export async function xlsxFromWorkbook(workbook: Workbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(workbook)) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const r of rows) {
      const row = ws.getRow(r.row);
      r.cells.forEach((cell, i) => {
        if (cell !== null && cell !== undefined && cell !== '') row.getCell(i + 1).value = cell;
      });
    }
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col) => {
      let width = 8;
      col.eachCell?.({ includeEmpty: false }, (c) => {
        width = Math.max(width, Math.min(60, String(c.value ?? '').length + 2));
      });
      col.width = width;
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
