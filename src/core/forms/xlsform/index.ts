// The XLSForm reader and writer, kept out of src/core/index.ts so the tablet's bundles never carry them.
export { readXlsForm } from './read';
export { writeXlsForm } from './write';
export { describeXlsFormProblem, xlsformMessage } from './messages';
export { cellValue } from './cells';
export { XLSFORM_CODES, type Cell, type SheetRow, type Workbook, type XlsFormProblem } from './types';
