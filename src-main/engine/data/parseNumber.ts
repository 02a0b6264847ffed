import { utf8Slice } from './utf8Slice';

/**
 * Parses a trimmed cell as a plain decimal number, or returns NaN. Accepts digits,
 * sign, point and exponent only (so no hex, 'Infinity' or thousands separators, which
 * Number() alone would take or mangle). With `decimalComma`, '3,14' reads as 3.14.
 * A character scan before Number() keeps this cheap on millions of cells.
 */
export function parseNumber(cell: string, decimalComma: boolean): number {
  if (cell.length === 0) return NaN;
  let comma = -1;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 46 || c === 45 || c === 43 || c === 101 || c === 69) continue;
    if (c === 44 && decimalComma && comma === -1) {
      comma = i;
      continue;
    }
    return NaN;
  }
  if (comma !== -1) {
    if (cell.indexOf('.') !== -1) return NaN;
    return Number(cell.slice(0, comma) + '.' + cell.slice(comma + 1));
  }
  return Number(cell);
}

/** Exact powers of ten: any integer below 2^53 divided by one of these is correctly rounded. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Where scanCell stopped and the number it read. */
export interface ScannedCell {
  end: number;
  value: number;
}

/**
 * Scans an unquoted cell from `start` to the first `sep`, LF or CR (or `limit`), reading its
 * number on the way, so a delimited file's cells are walked once rather than once to find
 * their end and again to parse them. Sets `out.end` and `out.value` (parseNumber of the
 * trimmed cell). The common shape, [sign] digits [. digits] with at most 15 significant
 * digits, is computed directly: an exact integer over an exact power of ten rounds the same
 * way Number() does (Clinger's fast path). Everything else (exponents, commas, long
 * mantissas, blanks around) goes through parseNumber on the substring.
 */
export function scanCell(
  text: string,
  start: number,
  limit: number,
  sep: number,
  decimalComma: boolean,
  out: ScannedCell,
): void {
  let i = start;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if ((negative || c === 43) && i < limit) c = text.charCodeAt(++i);
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  let seenPoint = false;
  for (; i < limit; c = text.charCodeAt(++i)) {
    if (c >= 48 && c <= 57) {
      digits++;
      if (significant > 0 || c !== 48) {
        significant++;
        mantissa = mantissa * 10 + (c - 48);
      }
      if (seenPoint) scale++;
    } else if (c === 46 && !seenPoint) {
      seenPoint = true;
    } else {
      break;
    }
  }
  let plain = true;
  if (i < limit && c !== sep && c !== LF && c !== CR) {
    plain = false;
    for (; i < limit; i++) {
      const d = text.charCodeAt(i);
      if (d === sep || d === LF || d === CR) break;
    }
  }
  out.end = i;
  if (!plain || significant > 15 || scale > 22) {
    out.value = parseNumber(text.slice(start, i).trim(), decimalComma);
  } else if (digits === 0) {
    out.value = NaN;
  } else {
    const value = scale === 0 ? mantissa : mantissa / POW10[scale];
    out.value = negative ? -value : value;
  }
}

const LF = 10;
const CR = 13;
const scratch: ScannedCell = { end: 0, value: 0 };

/** parseNumber for the characters text[start, end) without making a substring (see scanCell). */
export function parseNumberAt(text: string, start: number, end: number, decimalComma: boolean): number {
  if (start >= end) return NaN;
  scanCell(text, start, end, -1, decimalComma, scratch);
  // A line break inside the range stopped the scan: the whole range is the cell.
  return scratch.end === end ? scratch.value : parseNumber(text.slice(start, end).trim(), decimalComma);
}

/**
 * scanCell over UTF-8 bytes (a delimited file read without decoding it), the same steps on
 * byte values: separators, line breaks, digits and signs are the same bytes in UTF-8, and a
 * cell that leaves the fast path is decoded and handed to parseNumber as the text reader does.
 * Keep the two in step (scan-cell tests compare them).
 */
export function scanCellBytes(
  bytes: Uint8Array,
  start: number,
  limit: number,
  sep: number,
  decimalComma: boolean,
  out: ScannedCell,
): void {
  let i = start;
  let c = i < limit ? bytes[i] : -1;
  const negative = c === 45;
  if (negative || c === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  let seenPoint = false;
  for (; i < limit; i++) {
    c = bytes[i];
    if (c >= 48 && c <= 57) {
      digits++;
      if (significant > 0 || c !== 48) {
        significant++;
        mantissa = mantissa * 10 + (c - 48);
      }
      if (seenPoint) scale++;
    } else if (c === 46 && !seenPoint) {
      seenPoint = true;
    } else {
      break;
    }
  }
  let plain = true;
  if (i < limit && c !== sep && c !== LF && c !== CR) {
    plain = false;
    for (; i < limit; i++) {
      const d = bytes[i];
      if (d === sep || d === LF || d === CR) break;
    }
  }
  out.end = i;
  if (!plain || significant > 15 || scale > 22) {
    out.value = parseNumber(utf8Slice(bytes, start, i).trim(), decimalComma);
  } else if (digits === 0) {
    out.value = NaN;
  } else {
    const value = scale === 0 ? mantissa : mantissa / POW10[scale];
    out.value = negative ? -value : value;
  }
}

/** parseNumberAt for the UTF-8 bytes[start, end). */
export function parseNumberAtBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  decimalComma: boolean,
): number {
  if (start >= end) return NaN;
  scanCellBytes(bytes, start, end, -1, decimalComma, scratch);
  return scratch.end === end ? scratch.value : parseNumber(utf8Slice(bytes, start, end).trim(), decimalComma);
}
