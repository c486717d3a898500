// CSV/formula injection guard (OWASP): a cell a spreadsheet would run as a formula is turned into plain text.

/** Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula or a DDE call. */
const DANGEROUS_START = /^[=+\-@\t\r]/;
/** A bare negative number ("-5", "-2.5", "-2,5") is no formula; spreadsheets read it as the number it is. */
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?$/;

/**
 * Prefixes a single quote to text that begins with = + - @, a tab or a carriage return, so it shows as
 * typed instead of being evaluated. Other text (Vietnamese included) is returned unchanged. Numeric
 * answers never come here: they are emitted as numbers.
 */
export function neutralizeCell(value: string): string {
  return DANGEROUS_START.test(value) && !PLAIN_NEGATIVE_NUMBER.test(value) ? `'${value}` : value;
}
