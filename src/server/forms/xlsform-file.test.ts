// What an admin downloads as .xlsx and uploads again must read to the same form, and a file that is no workbook is one clear error.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinForms } from '../../core/forms/builtin';
import { readXlsForm, writeXlsForm } from '../../core/forms/xlsform';
import { workbookFromXlsx, xlsxFromWorkbook } from './xlsform-file';

const SAMPLE = new URL('../../core/forms/xlsform/fixtures/hp-mot-cua-2026.xlsx', import.meta.url).pathname;

describe('xlsx bytes ⇄ sheets', () => {
  it.each(builtinForms.map((f) => [f.id, f] as const))('%s written to .xlsx bytes and read again is the same definition', async (_id, form) => {
    const written = writeXlsForm(form);
    if (!written.ok) throw new Error('not written');
    const bytes = await xlsxFromWorkbook(written.workbook);
    expect(bytes.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a zip, as every .xlsx is
    const sheets = await workbookFromXlsx(bytes);
    if (!sheets.ok) throw new Error('not read');
    expect(readXlsForm(sheets.workbook)).toEqual({ ok: true, form, warnings: [] });
  });

  it('reads the shared sample with its row numbers', async () => {
    const r = await workbookFromXlsx(readFileSync(SAMPLE));
    if (!r.ok) throw new Error('not read');
    expect(Object.keys(r.workbook)).toEqual(['survey', 'choices', 'settings']);
    expect(r.workbook.survey[16]).toEqual({ row: 17, cells: ['integer', 'so_ngay_tre', 'Trễ bao nhiêu ngày?', 'How many days late?', 'Tính theo ngày làm việc', 'yes', "${tre_hen} = 'co'"] });
    expect(readXlsForm(r.workbook).ok).toBe(true);
  });

  it('reads what Excel stores as numbers, booleans, rich text and formulas as the text a person sees', async () => {
    const wb = new ExcelJS.Workbook();
    const survey = wb.addWorksheet('survey');
    survey.addRow(['type', 'name', 'label::vi', 'label::en', 'required']);
    survey.addRow(['text', 'a', { richText: [{ text: 'Tên ' }, { font: { bold: true }, text: 'đầy đủ' }] }, { formula: '"Full "&"name"', result: 'Full name' }, true]);
    const settings = wb.addWorksheet('settings');
    settings.addRow(['form_id', 'version', 'form_title::vi', 'form_title::en']);
    settings.addRow(['thu', 3, 'Thử', 'Test']);
    const r = await workbookFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error('not read');
    const form = readXlsForm(r.workbook);
    expect(form.ok && [form.form.version, form.form.sections[0].items[0]]).toEqual([3, expect.objectContaining({ label: { vi: 'Tên đầy đủ', en: 'Full name' }, required: true })]);
  });

  it('says a file that is not a workbook cannot be read', async () => {
    expect(await workbookFromXlsx(new TextEncoder().encode('type,name,label\ntext,a,A\n'))).toEqual({ ok: false, errors: [{ code: 'file-unreadable', params: {} }] });
  });
});
