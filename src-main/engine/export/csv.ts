/**
 * CSV text as spreadsheets read it (RFC 4180, CRLF, UTF-8 with a byte-order mark so
 * Excel does not read Korean text as the ANSI code page).
 *
 * Numbers we computed are written as numbers (shortest round-trip form, so they
 * parse back bit for bit). Every string cell holds something that came from the
 * user's data (ids, labels, feature names, category values, conditions built from
 * feature names), so a string that a spreadsheet would run as a formula is
 * neutralised: prefixed with an apostrophe, the OWASP CSV-injection advice.
 */

export type CsvValue = string | number | null | undefined;

/** A cell that starts like this is a formula in Excel, LibreOffice or Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number is read as a number, never run, so "-1" stays "-1". */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A string from the data, made inert: '=HYPERLINK(…)' becomes "'=HYPERLINK(…)". */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One cell. Numbers: `String(n)` (round-trips exactly); NaN and ±Infinity are written
 * empty, as a spreadsheet has no such numbers. null/undefined: empty.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_BOM = '\uFEFF';

/** A whole CSV document: header + rows, CRLF line ends, a trailing CRLF, BOM first. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
