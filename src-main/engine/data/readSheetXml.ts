import { UserFacingError } from '../errors';
import { excelDateText } from './excelDates';
import { parseNumberAt } from './parseNumber';
import { type CellColumn, type RawTable, blankColumn } from './rawTable';
import { characterData, rootPrefix, stringItemText } from './xmlText';

/** Excel's last column is XFD. */
const MAX_COLUMNS = 16384;
/** Excel's last row. */
export const MAX_ROWS = 1048576;

/** Growable parallel arrays, one entry per non-blank cell, in document order. */
class CellList {
  count = 0;
  rows = new Int32Array(1024);
  cols = new Int32Array(1024);
  numbers = new Float64Array(1024);
  /** Start of the value's text in the XML, or −1 − index into `texts` for decoded strings. */
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  readonly texts: string[] = [];

  private grow(): void {
    const size = this.count * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.rows = grow(this.rows, (n) => new Int32Array(n));
    this.cols = grow(this.cols, (n) => new Int32Array(n));
    this.numbers = grow(this.numbers, (n) => new Float64Array(n));
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
  }

  add(row: number, col: number, value: number, start: number, end: number): void {
    if (this.count === this.rows.length) this.grow();
    const k = this.count++;
    this.rows[k] = row;
    this.cols[k] = col;
    this.numbers[k] = value;
    this.starts[k] = start;
    this.ends[k] = end;
  }

  addText(row: number, col: number, text: string): void {
    this.texts.push(text);
    this.add(row, col, parseNumberAt(text, 0, text.length, false), -this.texts.length, 0);
  }
}

/** A sheet column: numbers parsed during the scan, text sliced from the XML only when asked. */
class SheetColumn implements CellColumn {
  constructor(
    private readonly xml: string,
    private readonly texts: readonly string[],
    private readonly parsed: Float64Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  get length(): number {
    return this.parsed.length;
  }

  text(row: number): string {
    const start = this.starts[row];
    if (start === 0) return '';
    return start < 0 ? this.texts[-1 - start] : this.xml.slice(start, this.ends[row]);
  }

  numbers(): Float64Array {
    return this.parsed.slice();
  }
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62;
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim() === '';
}

/**
 * Reads the cells of a worksheet part into a raw table: the first row with any value
 * is the header, fully blank rows are skipped, gaps become empty cells. Numeric cells
 * are parsed in place (no substring per cell) so a 100 000-row sheet stays fast; the
 * scan is linear (indexOf), so a damaged part cannot make it backtrack. Shared strings
 * come resolved in `strings`. Error cells (#DIV/0!, …) count in `errorCells` and read
 * as empty. A number whose cell style (`s`) is flagged in `dates.styles` (see excelDates.ts)
 * reads as ISO date text (`2024-03-05`, `2024-03-05 14:30`), as a CSV would hold it.
 */
export function readSheetXml(
  xml: string,
  strings: readonly string[],
  fileName: string,
  sheetName: string,
  dates: { readonly styles: Uint8Array; readonly date1904: boolean } | null = null,
): { table: RawTable; errorCells: number } {
  const prefix = rootPrefix(xml);
  const rowOpen = `<${prefix}row`;
  const cOpen = `<${prefix}c`;
  const cClose = `</${prefix}c>`;
  const vOpen = `<${prefix}v`;
  const vClose = `</${prefix}v>`;
  const isOpen = `<${prefix}is`;
  const isClose = `</${prefix}is>`;
  const damaged = (): UserFacingError =>
    new UserFacingError(
      `${fileName} could not be read as an Excel workbook: the data of sheet '${sheetName}' is damaged or cut short.`,
      { file: fileName, code: 'bad-xlsx' },
    );

  const outOfRange = (rowNumber: number): UserFacingError =>
    new UserFacingError(
      `${fileName} could not be read as an Excel workbook: sheet '${sheetName}' has a row numbered ` +
        `${rowNumber > 1e15 ? 'beyond 10^15' : rowNumber}, outside Excel's rows 1 to ${MAX_ROWS}, so the file is damaged.`,
      { file: fileName, code: 'xlsx.row-range' },
    );

  const vTag = `${vOpen}>`;
  const cells = new CellList();
  let errorCells = 0;
  let row = 0;
  let col = -1;
  let pos = 0;
  /** The cell's style index (`s`), −1 when it has none. */
  let style = -1;
  const addValue = (type: string, vStart: number, vEnd: number): void => {
    switch (type) {
      case '':
      case 'n':
        if (vEnd > vStart) {
          const value = parseNumberAt(xml, vStart, vEnd, false);
          const date = dates !== null && style >= 0 && dates.styles[style] === 1;
          const text = date ? excelDateText(value, dates.date1904) : null;
          if (text !== null) cells.addText(row, col, text);
          else cells.add(row, col, value, vStart, vEnd);
        }
        break;
      case 's': {
        const text = strings[Number(xml.slice(vStart, vEnd))] ?? '';
        if (!isBlank(text)) cells.addText(row, col, text);
        break;
      }
      case 'b':
        cells.addText(row, col, xml.slice(vStart, vEnd).trim() === '1' ? 'TRUE' : 'FALSE');
        break;
      case 'e':
        errorCells++;
        break;
      default: {
        // 'str' (formula text) and 'd' (ISO date text)
        const text = characterData(xml.slice(vStart, vEnd));
        if (!isBlank(text)) cells.addText(row, col, text);
      }
    }
  };
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) break;
    if (xml.startsWith(cOpen, lt) && isNameEnd(xml.charCodeAt(lt + cOpen.length))) {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) throw damaged();
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      // Attributes r (reference), t (type) and s (style), read in place.
      let refRow = -1;
      let refCol = -1;
      let type = '';
      style = -1;
      let i = lt + cOpen.length;
      const attrEnd = selfClosing ? gt - 1 : gt;
      while (i < attrEnd) {
        while (i < attrEnd && xml.charCodeAt(i) <= 32) i++;
        const nameStart = i;
        while (i < attrEnd && xml.charCodeAt(i) !== 61 && xml.charCodeAt(i) > 32) i++;
        const nameEnd = i;
        while (i < attrEnd && xml.charCodeAt(i) <= 32) i++;
        if (xml.charCodeAt(i) !== 61) {
          i++;
          continue;
        }
        i++;
        while (i < attrEnd && xml.charCodeAt(i) <= 32) i++;
        const quote = xml.charCodeAt(i);
        if (quote !== 34 && quote !== 39) break;
        const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
        if (valueEnd === -1 || valueEnd > attrEnd) throw damaged();
        if (nameEnd - nameStart === 1) {
          const name = xml.charCodeAt(nameStart);
          if (name === 114 /* r */) {
            let j = i + 1;
            let c = 0;
            for (
              let code = xml.charCodeAt(j) & ~32;
              code >= 65 && code <= 90;
              code = xml.charCodeAt(++j) & ~32
            ) {
              c = c * 26 + (code - 64);
            }
            let r = 0;
            for (let code = xml.charCodeAt(j); code >= 48 && code <= 57; code = xml.charCodeAt(++j))
              r = r * 10 + code - 48;
            if (c > 0 && r > MAX_ROWS && j === valueEnd) throw outOfRange(r);
            if (c > 0 && r > 0 && j === valueEnd) {
              refCol = c - 1;
              refRow = r;
            }
          } else if (name === 116 /* t */) {
            type = xml.slice(i + 1, valueEnd);
          } else if (name === 115 /* s */ && dates !== null) {
            style = 0;
            for (let j = i + 1; j < valueEnd; j++) {
              const digit = xml.charCodeAt(j) - 48;
              if (digit < 0 || digit > 9 || style > 1e6) {
                style = -1;
                break;
              }
              style = style * 10 + digit;
            }
          }
        }
        i = valueEnd + 1;
      }
      if (refRow > 0) {
        row = refRow;
        col = refCol;
      } else {
        col++;
      }
      if (col >= MAX_COLUMNS) throw damaged();
      if (selfClosing) {
        pos = gt + 1;
        continue;
      }
      // Fast path for the usual `<v>…</v></c>` body: no search for the closing tag.
      const bodyStart = gt + 1;
      if (type !== 'inlineStr' && xml.startsWith(vTag, bodyStart)) {
        const vStart = bodyStart + vTag.length;
        const vEnd = xml.indexOf('<', vStart);
        if (vEnd !== -1 && xml.startsWith(vClose, vEnd) && xml.startsWith(cClose, vEnd + vClose.length)) {
          pos = vEnd + vClose.length + cClose.length;
          addValue(type, vStart, vEnd);
          continue;
        }
      }
      const end = xml.indexOf(cClose, bodyStart);
      if (end === -1) throw damaged();
      pos = end + cClose.length;

      if (type === 'inlineStr') {
        const at = xml.indexOf(isOpen, bodyStart);
        if (at === -1 || at > end) continue;
        const isGt = xml.indexOf('>', at);
        const isEnd = xml.indexOf(isClose, isGt);
        if (xml.charCodeAt(isGt - 1) === 47 || isEnd === -1 || isEnd > end) continue;
        const text = stringItemText(xml.slice(isGt + 1, isEnd), prefix);
        if (!isBlank(text)) cells.addText(row, col, text);
        continue;
      }
      let at = xml.indexOf(vOpen, bodyStart);
      while (at !== -1 && at < end && !isNameEnd(xml.charCodeAt(at + vOpen.length)))
        at = xml.indexOf(vOpen, at + 1);
      if (at === -1 || at > end) continue;
      const vGt = xml.indexOf('>', at);
      if (xml.charCodeAt(vGt - 1) === 47) continue;
      const vEnd = xml.indexOf(vClose, vGt + 1);
      if (vEnd === -1 || vEnd > end) throw damaged();
      addValue(type, vGt + 1, vEnd);
    } else if (xml.startsWith(rowOpen, lt) && isNameEnd(xml.charCodeAt(lt + rowOpen.length))) {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) throw damaged();
      const match = /\sr\s*=\s*["'](\d+)["']/.exec(xml.slice(lt, gt));
      row = match ? Number(match[1]) : row + 1;
      if (row > MAX_ROWS) throw outOfRange(row);
      col = -1;
      pos = gt + 1;
    } else {
      pos = lt + 1;
    }
  }
  return { table: toTable(xml, cells, fileName, sheetName), errorCells };
}

function toTable(xml: string, cells: CellList, fileName: string, sheetName: string): RawTable {
  const rowSet = new Set<number>();
  let width = 0;
  const used = new Uint8Array(MAX_COLUMNS);
  for (let k = 0; k < cells.count; k++) {
    rowSet.add(cells.rows[k]);
    used[cells.cols[k]] = 1;
    if (cells.cols[k] >= width) width = cells.cols[k] + 1;
  }
  const rowNumbers = [...rowSet].sort((a, b) => a - b);
  if (rowNumbers.length === 0) {
    throw new UserFacingError(
      `${fileName}: sheet '${sheetName}' is empty: there is no header row and no data.`,
      {
        file: fileName,
        code: 'empty-file',
      },
    );
  }
  if (rowNumbers.length === 1) {
    throw new UserFacingError(`${fileName}: sheet '${sheetName}' has a header row but no data rows.`, {
      file: fileName,
      code: 'no-data-rows',
    });
  }
  const headerRow = rowNumbers[0];
  const dataIndex = new Map(rowNumbers.slice(1).map((r, i) => [r, i]));
  const n = rowNumbers.length - 1;
  const header = new Array<string>(width).fill('');
  // Storage only for columns that hold a cell: one far-off reference (XFD1) must not
  // make 16 384 columns of row-length arrays.
  const parsed: Float64Array[] = new Array<Float64Array>(width);
  const starts: Int32Array[] = new Array<Int32Array>(width);
  const ends: Int32Array[] = new Array<Int32Array>(width);
  for (let c = 0; c < width; c++) {
    if (!used[c]) continue;
    parsed[c] = new Float64Array(n).fill(NaN);
    starts[c] = new Int32Array(n);
    ends[c] = new Int32Array(n);
  }
  let lastRow = -1;
  let lastIndex = -1;
  for (let k = 0; k < cells.count; k++) {
    const r = cells.rows[k];
    const c = cells.cols[k];
    const start = cells.starts[k];
    if (r === headerRow) {
      header[c] = start < 0 ? cells.texts[-1 - start] : xml.slice(start, cells.ends[k]);
      continue;
    }
    if (r !== lastRow) {
      lastRow = r;
      lastIndex = dataIndex.get(r) as number;
    }
    parsed[c][lastIndex] = cells.numbers[k];
    starts[c][lastIndex] = start;
    ends[c][lastIndex] = cells.ends[k];
  }
  const blank = blankColumn(n);
  const columns: CellColumn[] = new Array<CellColumn>(width);
  for (let c = 0; c < width; c++) {
    columns[c] = used[c] ? new SheetColumn(xml, cells.texts, parsed[c], starts[c], ends[c]) : blank;
  }
  return { header, columns, rowNumbers: Int32Array.from(rowNumbers.slice(1)) };
}
