import { UserFacingError } from '../errors';
import { type Delimiter, delimiterName, detectDelimiter, DELIMITER_SAMPLE_CHARS } from './detectDelimiter';
import { trimCell } from './missingMarkers';
import { parseNumber, parseNumberAtBytes, scanCellBytes, type ScannedCell } from './parseNumber';
import type { CellColumn, RawTable } from './rawTable';
import { StringCache, utf8Slice } from './utf8Slice';

/** A delimited text parsed into cells; see RawTable. */
export interface DelimitedTable extends RawTable {
  readonly delimiter: Delimiter;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

function countLineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === LF || (c === CR && bytes[i + 1] !== LF)) breaks++;
  }
  return breaks;
}

function hasVisibleByte(bytes: Uint8Array, from: number, to: number): boolean {
  // Every byte of a non-ASCII character is above 32, as the character is.
  for (let i = from; i < to; i++) if (bytes[i] > 32) return true;
  return false;
}

/** Whether the text is empty or only whitespace as String.trim sees it (Unicode spaces too). */
function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 32 || (b >= 9 && b <= 13)) continue;
    if (b < 0x80) return false;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    if (utf8Slice(bytes, i, i + length).trim() !== '') return false;
    i += length - 1;
  }
  return true;
}

/**
 * Line breaks in bytes[from, end) (LF, or CR where the text has no LF): an upper bound on the
 * records still to come, so the stores are sized once instead of grown by doubling (which
 * held up to three times the final size at once).
 */
function countRecordsFrom(bytes: Uint8Array, from: number): number {
  let breaks = 0;
  const lf = bytes.indexOf(LF, from) === -1 ? CR : LF;
  for (let i = bytes.indexOf(lf, from); i !== -1; i = bytes.indexOf(lf, i + 1)) breaks++;
  // A last record without a line break after it counts too.
  const last = bytes[bytes.length - 1];
  return breaks + (last === LF || last === CR ? 0 : 1);
}

/** The start of a text long enough for detectDelimiter to see what it would see in the whole text. */
function delimiterSample(bytes: Uint8Array): string {
  // A UTF-16 code unit takes at most three bytes of UTF-8, so this many bytes (less a cut
  // character at the end) hold more than the sample, and the text is seen to be longer.
  const sampleBytes = 4 * (DELIMITER_SAMPLE_CHARS + 1);
  if (bytes.length <= sampleBytes) return utf8Slice(bytes, 0, bytes.length);
  return new TextDecoder().decode(bytes.subarray(0, sampleBytes), { stream: true });
}

/** The closing quote of the quoted field opening at `open` (doubled quotes skipped), or −1. */
function closingQuote(bytes: Uint8Array, open: number): number {
  let p = open + 1;
  for (;;) {
    const q = bytes.indexOf(QUOTE, p);
    if (q === -1 || q + 1 === bytes.length || bytes[q + 1] !== QUOTE) return q;
    p = q + 2;
  }
}

/** Where the field at `pos` ends (its separator, line break or the end of the text); a quoted field goes on after its closing quote to the separator. */
function fieldEnd(bytes: Uint8Array, pos: number, sep: number): number {
  let p = pos < bytes.length && bytes[pos] === QUOTE ? closingQuote(bytes, pos) + 1 : pos;
  for (; p < bytes.length; p++) {
    const c = bytes[p];
    if (c === sep || c === LF || c === CR) break;
  }
  return p;
}

/**
 * The value of the field at `pos`: a quoted one without its quotes, doubled quotes made single
 * and text after the closing quote kept, as spreadsheets do. `cache` shares the strings of
 * repeated short values.
 */
function fieldText(bytes: Uint8Array, pos: number, sep: number, cache?: StringCache): string {
  if (pos >= bytes.length || bytes[pos] !== QUOTE) {
    const end = fieldEnd(bytes, pos, sep);
    return cache ? cache.slice(bytes, pos, end) : utf8Slice(bytes, pos, end);
  }
  let text = '';
  let p = pos + 1;
  for (;;) {
    const q = bytes.indexOf(QUOTE, p);
    if (q + 1 < bytes.length && bytes[q + 1] === QUOTE) {
      text += utf8Slice(bytes, p, q + 1);
      p = q + 2;
    } else {
      text += p === pos + 1 && cache ? cache.slice(bytes, p, q) : utf8Slice(bytes, p, q);
      p = q + 1;
      break;
    }
  }
  const end = fieldEnd(bytes, p, sep);
  return end > p ? text + utf8Slice(bytes, p, end) : text;
}

/**
 * Where a parsed table's cells are, to read their text again on demand. Every row's start is
 * kept; a cell's own start only in columns that hold a cell that is not a number (from that
 * cell's row on: 0 before it), since number columns are asked for the text of few cells
 * (decimal-comma and identifier checks) and find it by skipping the row's earlier fields.
 */
class CellIndex {
  /** Data rows added so far. */
  rows = 0;
  rowStarts: Int32Array;
  /** Per data row: its 1-based line in the file (see RawTable.rowNumbers). */
  rowLines: Int32Array;
  readonly cellStarts: (Int32Array | null)[];
  /** Columns with cell starts, in the order they got them. */
  readonly textColumns: number[] = [];
  private readonly strings = new StringCache();

  constructor(
    readonly source: Uint8Array,
    readonly sep: number,
    width: number,
    capacity: number,
  ) {
    this.rowStarts = new Int32Array(capacity);
    this.rowLines = new Int32Array(capacity);
    this.cellStarts = new Array<Int32Array | null>(width).fill(null);
  }

  /** Adds a data row, which starts at `start` on `line` and whose fields start at `fieldStarts`; `newText` lists columns whose first non-number this row holds. */
  add(start: number, line: number, fieldStarts: Int32Array, newText: number[]): void {
    const row = this.rows++;
    if (row === this.rowStarts.length) this.grow();
    this.rowStarts[row] = start;
    this.rowLines[row] = line;
    for (const column of newText) {
      if (this.cellStarts[column] !== null) continue;
      this.cellStarts[column] = new Int32Array(this.rowStarts.length);
      this.textColumns.push(column);
    }
    for (const column of this.textColumns) this.cellStarts[column]![row] = fieldStarts[column];
  }

  /** Only when the record estimate was short (mixed line ends): grow by half. */
  private grow(): void {
    const capacity = Math.max(1024, Math.ceil(this.rowStarts.length * 1.5));
    const grown = (from: Int32Array): Int32Array => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.rowStarts = grown(this.rowStarts);
    this.rowLines = grown(this.rowLines);
    for (const column of this.textColumns) this.cellStarts[column] = grown(this.cellStarts[column]!);
  }

  text(row: number, column: number): string {
    const starts = this.cellStarts[column];
    let pos = starts === null ? 0 : starts[row];
    if (pos === 0) {
      // A data cell never starts at 0 (the header comes first), so 0 means "not kept".
      pos = this.rowStarts[row];
      for (let c = 0; c < column; c++) pos = fieldEnd(this.source, pos, this.sep) + 1;
    }
    return fieldText(this.source, pos, this.sep, this.strings);
  }
}

/** Numbers of one column, parsed while the bytes are hot in the cache rather than in a strided pass later. */
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

class IndexedColumn implements CellColumn {
  constructor(
    private readonly cells: CellIndex,
    private readonly parsed: NumberColumn,
    private readonly column: number,
    private readonly decimalComma: boolean,
    readonly length: number,
  ) {}

  text(row: number): string {
    return this.cells.text(row, this.column);
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
  return parseDelimitedBytes(new TextEncoder().encode(text), fileName, options);
}

/**
 * parseDelimited over the UTF-8 bytes of the text (see utf8Text), so a file is read without a
 * string of all of it: numbers are parsed from the bytes, and a cell's text is decoded when
 * asked for. The table keeps the bytes (and per row, and per cell of columns that hold text,
 * a 4-byte offset into them) until it is dropped; a leading byte order mark is skipped.
 */
export function parseDelimitedBytes(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly delimiter?: Delimiter } = {},
): DelimitedTable {
  const source = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isBlank(source)) {
    throw UserFacingError.of('no-content', { file: fileName }, { file: fileName });
  }
  const delimiter = options.delimiter ?? detectDelimiter(delimiterSample(source));
  const sep = delimiter.charCodeAt(0);
  const decimalComma = allowsDecimalComma(delimiter);
  const len = source.length;

  const header: string[] = [];
  let width = 0;
  let cells = new CellIndex(source, sep, 0, 0);
  let parsed: NumberColumn[] = [];
  let fieldStarts = new Int32Array(0);
  const newText: number[] = [];

  let pos = 0;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let field = 0;
  let inHeader = true;
  let extraNonEmpty = false;
  let hasContent = false;

  const scanned: ScannedCell = { end: 0, value: NaN };
  while (pos <= len) {
    const fieldStart = pos;
    let start = pos;
    let end: number;
    let special: string | null = null;
    if (pos < len && source[pos] === QUOTE) {
      start = pos + 1;
      const q = closingQuote(source, pos);
      if (q === -1) {
        throw UserFacingError.of(
          'unterminated-quote',
          { file: fileName, line: recordLine },
          { file: fileName, row: recordLine },
        );
      }
      end = q;
      line += countLineBreaks(source, pos, q);
      // Characters between the closing quote and the separator are kept, as spreadsheets do.
      pos = fieldEnd(source, q + 1, sep);
      // A value that differs from the bytes between the quotes is decoded now (rare).
      if (pos > q + 1 || source.indexOf(QUOTE, start) !== q) special = fieldText(source, fieldStart, sep);
    } else {
      scanCellBytes(source, pos, len, sep, decimalComma, scanned);
      end = scanned.end;
      pos = end;
    }

    if (!hasContent) {
      hasContent = special !== null ? special.trim() !== '' : hasVisibleByte(source, start, end);
    }
    if (inHeader) header.push(special ?? utf8Slice(source, start, end));
    else if (field < width) {
      // An unquoted cell's number was read while scanning it; a quoted one's is read here.
      const value =
        special !== null
          ? parseNumber(trimCell(special), decimalComma)
          : start === end
            ? NaN
            : start === fieldStart
              ? scanned.value
              : parseNumberAtBytes(source, start, end, decimalComma);
      parsed[field].set(cells.rows, value);
      fieldStarts[field] = fieldStart;
      if (value !== value && cells.cellStarts[field] === null) newText.push(field);
    } else if (special !== null ? special.trim() !== '' : hasVisibleByte(source, start, end)) {
      extraNonEmpty = true;
    }
    field++;

    const c = pos < len ? source[pos] : -1;
    if (c === sep) {
      pos++;
      continue;
    }
    // End of record: a line break or the end of the text.
    const fields = field;
    field = 0;
    if (!hasContent) {
      // A blank row: its empty cells are overwritten by the next row.
      if (inHeader) header.length = 0;
    } else if (inHeader) {
      inHeader = false;
      width = header.length;
      const next = pos + (c === CR && source[pos + 1] === LF ? 2 : 1);
      const records = c === -1 || next >= len ? 0 : countRecordsFrom(source, next);
      cells = new CellIndex(source, sep, width, records);
      parsed = header.map(() => new NumberColumn(records));
      fieldStarts = new Int32Array(width);
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
      cells.add(recordStart, recordLine, fieldStarts, newText);
    }
    newText.length = 0;
    extraNonEmpty = false;
    hasContent = false;
    if (c === -1) break;
    pos += c === CR && source[pos + 1] === LF ? 2 : 1;
    recordStart = pos;
    line++;
    recordLine = line;
  }

  const rows = cells.rows;
  if (rows === 0) {
    throw UserFacingError.of('no-data-rows', { file: fileName }, { file: fileName });
  }
  const columns = header.map((_, c) => new IndexedColumn(cells, parsed[c], c, decimalComma, rows));
  const lines = cells.rowLines;
  // Sized from the line breaks, the array is exactly the rows unless blank lines were skipped.
  const rowNumbers = lines.length === rows ? lines : lines.slice(0, rows);
  return { header, columns, rowNumbers, delimiter };
}
