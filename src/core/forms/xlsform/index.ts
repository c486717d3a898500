// The XLSForm reader and writer, kept out of src/core/index.ts so the tablet's bundles never carry them.
export { readXlsForm } from './read';
export { writeXlsForm, type WriteXlsFormResult } from './write';
export { describeXlsFormProblem, xlsformMessage, xlsformPlace, type MessageLocale } from './messages';
export { cellValue } from './cells';
export { XLSFORM_CODES, type Cell, type ReadXlsFormResult, type SheetRow, type Workbook, type XlsFormCode, type XlsFormProblem } from './types';
