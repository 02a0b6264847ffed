/**
 * Excel dates: a date in a workbook is a plain number (days since the workbook's epoch) whose
 * cell style carries a date number format. This module reads which cell styles are dates
 * (`xl/styles.xml`) and turns serial numbers into days since 1970, so that a date column
 * from Excel becomes the same ISO date text as a date column from a CSV (see dateColumn.ts).
 */
import { formatDateDays } from './dateColumn';
import { attributes, rootPrefix, scanElements } from './xmlText';

/**
 * Built-in number formats that show a date: 14–17 and 22 (all locales), 27–31, 34–36 and
 * 50–58 (East-Asian locales: `yyyy"년" mm"월" dd"일"`, `yyyy-mm-dd`, …). 18–21, 45–47 and 32–33
 * show a time of day or a duration only: such cells stay numbers (a fraction of a day).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Excel's last date, 9999-12-31, in the 1900 system; a larger serial is no date. */
const MAX_SERIAL = 2958465;
const SECONDS_PER_DAY = 86_400;

/**
 * True when a custom format code shows a calendar date: its first section (positive numbers)
 * has a year, day or month token outside quoted text, `[…]` brackets (colours, locales,
 * elapsed `[h]`), `\x` escapes and `_x`/`*x` padding. `m` counts as a month unless it follows
 * an hour or precedes seconds (then it is minutes), so `h:mm` or `mm:ss` is a time, not a date.
 * Number formats (`0.00`, `#,##0`, `0%`, `0.0E+00`, `General`) are not dates.
 */
export function isDateFormatCode(code: string): boolean {
  // Runs of one date/time letter in order: 'yyyy', 'mm', 'dd', 'h', 'mm', 'ss', …
  const tokens: string[] = [];
  let previous = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === ';') break;
    if (ch === '"' || ch === '[') {
      const end = code.indexOf(ch === '"' ? '"' : ']', i + 1);
      if (end === -1) break;
      i = end;
      previous = '';
      continue;
    }
    if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
      previous = '';
      continue;
    }
    const ahead = code.slice(i, i + 7).toLowerCase();
    if (ahead === 'general') return false;
    if (ahead.startsWith('am/pm') || ahead.startsWith('a/p')) {
      i += ahead.startsWith('a/p') ? 2 : 4;
      previous = '';
      continue;
    }
    const lower = ch.toLowerCase();
    // The E of `0.0E+00` is an exponent; elsewhere 'e' is an era year (East-Asian locales).
    const exponent = lower === 'e' && (code[i + 1] === '+' || code[i + 1] === '-');
    if (exponent || !'ymdhse'.includes(lower)) {
      previous = '';
      continue;
    }
    if (lower === previous) tokens[tokens.length - 1] += lower;
    else tokens.push(lower);
    previous = lower;
  }
  return tokens.some((token, t) => {
    const letter = token[0];
    if (letter === 'y' || letter === 'd' || letter === 'e') return true;
    // m after an hour or before seconds is minutes: `h:mm`, `mm:ss`.
    return letter === 'm' && tokens[t - 1]?.[0] !== 'h' && tokens[t + 1]?.[0] !== 's';
  });
}

/**
 * Which cell styles of a workbook show dates: entry k is 1 when `<cellXfs>` style k (the `s`
 * attribute of a cell) has a date number format, built-in or custom. Null when the workbook
 * has no styles part or no date style at all.
 */
export function dateStyles(stylesXml: string | undefined): Uint8Array | null {
  if (!stylesXml) return null;
  const prefix = rootPrefix(stylesXml);
  const customDates = new Set<number>();
  scanElements(stylesXml, prefix, ['numFmt'], (element) => {
    const a = attributes(element.attributes);
    const id = Number(a.get('numFmtId'));
    if (Number.isInteger(id) && isDateFormatCode(a.get('formatCode') ?? '')) customDates.add(id);
  });
  const flags: number[] = [];
  scanElements(stylesXml, prefix, ['cellXfs'], (element) => {
    if (element.body === null) return;
    scanElements(element.body, prefix, ['xf'], (xf) => {
      const id = Number(attributes(xf.attributes).get('numFmtId') ?? '0');
      // A custom code may redefine a built-in id; it then decides.
      flags.push(customDates.has(id) || (id < 164 && BUILT_IN_DATES.has(id)) ? 1 : 0);
    });
  });
  return flags.includes(1) ? Uint8Array.from(flags) : null;
}

/** True when `<workbookPr date1904="1"/>`: serial 0 is 1904-01-01 (old Mac workbooks). */
export function usesDate1904(workbookXml: string): boolean {
  let found = false;
  scanElements(workbookXml, rootPrefix(workbookXml), ['workbookPr'], (element) => {
    const value = attributes(element.attributes).get('date1904');
    found = value === '1' || value === 'true';
  });
  return found;
}

/**
 * Days since 1970-01-01 UTC of an Excel serial date (fractional for the time of day, rounded to
 * the second), or NaN when the cell shows no real date: below 1 (a time alone, or Excel's
 * `1900-01-00`), negative, or beyond 9999-12-31. In the 1900 system serial 1 is 1900-01-01 and
 * 25569 is 1970-01-01; Excel counts a 29 February 1900 that never was (serial 60), so serials
 * below 61 are one day later than the formula says (60 reads as 1900-03-01). In the 1904
 * system serial 0 is 1904-01-01 and 24107 is 1970-01-01.
 */
export function excelSerialDays(serial: number, date1904: boolean): number {
  if (!(serial >= 1) || serial > MAX_SERIAL) return NaN;
  const offset = date1904 ? 24107 : serial < 61 ? 25568 : 25569;
  const days = serial - offset;
  return Math.round(days * SECONDS_PER_DAY) / SECONDS_PER_DAY;
}

/** The ISO text of an Excel serial date (`45356` → `2024-03-05`), or null when it is no date. */
export function excelDateText(serial: number, date1904: boolean): string | null {
  const days = excelSerialDays(serial, date1904);
  return days === days ? formatDateDays(days) : null;
}
