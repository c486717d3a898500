// CSV/formula injection guard (OWASP): a cell a spreadsheet would run as a formula is turned into plain text.

/**
 * What makes Excel, LibreOffice or Google Sheets treat a cell as a formula or a DDE call: = + - @ (or their
 * fullwidth forms, which some spreadsheets fold to ASCII), also after leading spaces, newlines or other control
 * characters, which the spreadsheets skip; and a cell that starts with a tab or a carriage return.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a spreadsheet skips before a formula
const DANGEROUS_START = /^(?:[\t\r]|[\s\u0000-\u001f\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u;
/** A bare negative number ("-5", "-2.5", "-2,5") is no formula; spreadsheets read it as the number it is. */
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?$/;

/**
 * Prefixes a single quote to text a spreadsheet would evaluate, so it shows as typed. Other text (Vietnamese
 * included) is returned unchanged. Only the CSV writer calls it: an XLSX cell is written typed as text, which no
 * spreadsheet evaluates, so the person's text stays exactly as they typed it there.
 */
export function neutralizeCell(value: string): string {
  return DANGEROUS_START.test(value) && !PLAIN_NEGATIVE_NUMBER.test(value) ? `'${value}` : value;
}
