// The shared sample XLSForm as a test uploads it: under an id of the test's own (so runs never meet), and broken on
// purpose at named rows for the console's errors.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const SAMPLE = new URL('../../src/core/forms/xlsform/fixtures/hp-mot-cua-2026.xlsx', import.meta.url);

/** A cell to overwrite: sheet, row (1-based, as a spreadsheet shows it), column header, new value. */
export interface CellEdit {
  sheet: string;
  row: number;
  column: string;
  value: string;
}

/** The sample's bytes with settings.form_id set to `formId` and the edits applied. */
export async function sampleXlsx(formId: string, edits: CellEdit[] = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const set = ({ sheet, row, column, value }: CellEdit) => {
    const ws = book.getWorksheet(sheet);
    if (!ws) throw new Error(`the sample has no sheet ${sheet}`);
    const headers = ws.getRow(1).values as unknown[];
    const col = headers.indexOf(column);
    if (col < 1) throw new Error(`sheet ${sheet} has no column ${column}`);
    ws.getRow(row).getCell(col).value = value;
  };
  set({ sheet: 'settings', row: 2, column: 'form_id', value: formId });
  edits.forEach(set);
  return Buffer.from(await book.xlsx.writeBuffer());
}
