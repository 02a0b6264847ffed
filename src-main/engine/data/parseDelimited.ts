import { UserFacingError } from '../errors';
import { type Delimiter, delimiterName, detectDelimiter } from './detectDelimiter';
import { trimCell } from './missingMarkers';
import { parseNumber, parseNumberAt, scanCell, type ScannedCell } from './parseNumber';
import type { CellColumn, RawTable } from './rawTable';

/** A delimited text parsed into cells; see RawTable. */
export interface DelimitedTable extends RawTable {
  readonly delimiter: Delimiter;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

function hasVisibleChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 32) return true;
  return false;
}

/**
 * Line breaks in text[from, end) (LF, or CR where the text has no LF): an upper bound on the
 * records still to come, so the cell and number stores are sized once instead of grown by
 * doubling (which held up to three times the final size at once).
 */
function countRecordsFrom(text: string, from: number): number {
  let breaks = 0;
  const lf = text.indexOf('\n', from) === -1 ? '\r' : '\n';
  for (let i = text.indexOf(lf, from); i !== -1; i = text.indexOf(lf, i + 1)) breaks++;
  // A last record without a line break after it counts too.
  const last = text.charCodeAt(text.length - 1);
  return breaks + (last === LF || last === CR ? 0 : 1);
}

/**
 * Cells are kept as their start offset into the text, row-major (4 bytes a cell; the end is
 * found again on demand: a closing quote for a quoted cell, else the next separator or line
 * break). A cell whose value differs from its slice (doubled quotes, text after a closing
 * quote) stores its string in `specials` and the index as a negative start (−1 − index).
 */
class CellStore {
  starts: Int32Array;
  count = 0;
  readonly specials: string[] = [];

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
  }

  push(start: number): void {
    if (this.count === this.starts.length) {
      // Only when the record estimate was short (mixed line ends): grow by half.
      const starts = new Int32Array(Math.max(1024, Math.ceil(this.count * 1.5)));
      starts.set(this.starts);
      this.starts = starts;
    }
    this.starts[this.count++] = start;
  }

  pushSpecial(value: string): void {
    this.specials.push(value);
    this.push(-this.specials.length);
  }
}

/** Numbers of one column, parsed while the text is hot in the cache rather than in a strided pass later. */
class NumberColumn {
  values: Float64Array;
  /** Set once `values` was handed to a caller, who may change it. */
  handedOut = false;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  set(row: number, value: number): void {
    if (row === this.values.length) {
      const grown = new Float64Array(Math.max(16, Math.ceil(row * 1.5)));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[row] = value;
  }
}

class SlicedColumn implements CellColumn {
  constructor(
    private readonly source: string,
    private readonly store: CellStore,
    private readonly parsed: NumberColumn,
    private readonly width: number,
    private readonly column: number,
    private readonly sep: number,
    private readonly decimalComma: boolean,
    readonly length: number,
  ) {}

  private end(start: number): number {
    const s = this.source;
    if (start > 0 && s.charCodeAt(start - 1) === QUOTE) return s.indexOf('"', start);
    let p = start;
    for (
      let c = s.charCodeAt(p);
      p < s.length && c !== this.sep && c !== LF && c !== CR;
      c = s.charCodeAt(++p)
    );
    return p;
  }

  text(row: number): string {
    const start = this.store.starts[row * this.width + this.column];
    return start < 0 ? this.store.specials[-1 - start] : this.source.slice(start, this.end(start));
  }

  numbers(): Float64Array {
    const parsed = this.parsed;
    if (!parsed.handedOut) {
      parsed.handedOut = true;
      // The common case (no blank lines): the store is exactly the column, so it is given away.
      return parsed.values.length === this.length ? parsed.values : parsed.values.slice(0, this.length);
    }
    const out = new Float64Array(this.length);
    for (let r = 0; r < this.length; r++) out[r] = parseNumber(trimCell(this.text(r)), this.decimalComma);
    return out;
  }
}

/**
 * Whether numbers may use a decimal comma ('3,14') with this separator: for ';' and tab,
 * the separators of locales that write decimal commas; never for ',' (or '|', which
 * follows the comma files it replaces).
 */
export function allowsDecimalComma(delimiter: string): boolean {
  return delimiter === ';' || delimiter === '\t';
}

/**
 * Parses CSV/TSV/semicolon/pipe text (RFC 4180 quoting: doubled quotes, line breaks
 * inside quotes; LF, CRLF or CR line ends). The separator is detected unless given.
 * Blank lines and rows made only of separators and blanks are skipped (spreadsheet
 * exports often end with them). A row with more fields than the header is accepted
 * only when the extra fields are empty (a trailing separator). Errors name the file
 * and the 1-based line.
 */
export function parseDelimited(
  text: string,
  fileName: string,
  options: { readonly delimiter?: Delimiter } = {},
): DelimitedTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    throw UserFacingError.of('no-content', { file: fileName }, { file: fileName });
  }
  const delimiter = options.delimiter ?? detectDelimiter(source);
  const sep = delimiter.charCodeAt(0);
  const decimalComma = allowsDecimalComma(delimiter);
  const len = source.length;

  const header: string[] = [];
  let cells = new CellStore(0);
  let width = 0;
  let parsed: NumberColumn[] = [];
  const rowLines: number[] = [];

  let pos = 0;
  let line = 1;
  let recordLine = 1;
  let field = 0;
  let inHeader = true;
  let extraNonEmpty = false;
  let hasContent = false;

  const scanned: ScannedCell = { end: 0, value: NaN };
  while (pos <= len) {
    let start = pos;
    const scanStart = pos;
    let end: number;
    let special: string | null = null;
    if (pos < len && source.charCodeAt(pos) === QUOTE) {
      let p = pos + 1;
      start = p;
      for (;;) {
        const q = source.indexOf('"', p);
        if (q === -1) {
          throw UserFacingError.of(
            'unterminated-quote',
            { file: fileName, line: recordLine },
            { file: fileName, row: recordLine },
          );
        }
        if (source.charCodeAt(q + 1) === QUOTE) {
          special = (special ?? '') + source.slice(p, q + 1);
          p = q + 2;
        } else {
          if (special !== null) special += source.slice(p, q);
          end = q;
          line += countLineBreaks(source, pos, q);
          pos = q + 1;
          break;
        }
      }
      // Characters between the closing quote and the separator are kept, as spreadsheets do.
      if (pos < len) {
        const c = source.charCodeAt(pos);
        if (c !== sep && c !== LF && c !== CR) {
          let p = pos;
          while (p < len) {
            const d = source.charCodeAt(p);
            if (d === sep || d === LF || d === CR) break;
            p++;
          }
          special = (special ?? source.slice(start, end)) + source.slice(pos, p);
          pos = p;
        }
      }
    } else {
      scanCell(source, pos, len, sep, decimalComma, scanned);
      end = scanned.end;
      pos = end;
    }

    if (!hasContent) {
      hasContent = special !== null ? special.trim() !== '' : hasVisibleChar(source, start, end);
    }
    if (inHeader) header.push(special ?? source.slice(start, end));
    else if (field < width) {
      if (special !== null) {
        cells.pushSpecial(special);
        parsed[field].set(rowLines.length, parseNumber(trimCell(special), decimalComma));
      } else {
        cells.push(start);
        // An unquoted cell's number was read while scanning it; a quoted one's is read here.
        const value =
          start === end
            ? NaN
            : start === scanStart
              ? scanned.value
              : parseNumberAt(source, start, end, decimalComma);
        parsed[field].set(rowLines.length, value);
      }
    } else if (special !== null ? special.trim() !== '' : hasVisibleChar(source, start, end)) {
      extraNonEmpty = true;
    }
    field++;

    const c = pos < len ? source.charCodeAt(pos) : -1;
    if (c === sep) {
      pos++;
      continue;
    }
    // End of record: a line break or the end of the text.
    const fields = field;
    field = 0;
    if (!hasContent) {
      // A blank row: undo the empty cells it produced.
      if (inHeader) header.length = 0;
      else cells.count -= Math.min(fields, width);
    } else if (inHeader) {
      inHeader = false;
      width = header.length;
      const next = pos + (c === CR && source.charCodeAt(pos + 1) === LF ? 2 : 1);
      const records = c === -1 || next >= len ? 0 : countRecordsFrom(source, next);
      cells = new CellStore(records * width);
      parsed = header.map(() => new NumberColumn(records));
    } else {
      if (fields < width || extraNonEmpty) {
        throw UserFacingError.of(
          'ragged-row',
          {
            file: fileName,
            line: recordLine,
            expected: width,
            found: fields,
            separator: delimiterName(delimiter),
          },
          { file: fileName, row: recordLine },
        );
      }
      rowLines.push(recordLine);
    }
    extraNonEmpty = false;
    hasContent = false;
    if (c === -1) break;
    pos += c === CR && source.charCodeAt(pos + 1) === LF ? 2 : 1;
    line++;
    recordLine = line;
  }

  const rows = rowLines.length;
  if (rows === 0) {
    throw UserFacingError.of('no-data-rows', { file: fileName }, { file: fileName });
  }
  const columns = header.map(
    (_, c) => new SlicedColumn(source, cells, parsed[c], width, c, sep, decimalComma, rows),
  );
  return { header, columns, rowNumbers: Int32Array.from(rowLines), delimiter };
}
