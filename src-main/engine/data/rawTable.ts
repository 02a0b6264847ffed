import { parseNumberAt } from './parseNumber';

/**
 * One column of a table before type inference. Cells are read on demand so that a
 * 100 000-row numeric file never materialises millions of substrings.
 */
export interface CellColumn {
  readonly length: number;
  /** The cell's text, untrimmed; '' when empty. */
  text(row: number): string;
  /** Every cell as a plain decimal number (see parseNumber), NaN where it is not one; the caller owns the array. */
  numbers(): Float64Array;
  /** True when the column is known to hold no cell at all (a gap between used sheet columns). */
  readonly blank?: boolean;
}

/** A table as cells before type inference, shared by the CSV and XLSX readers. */
export interface RawTable {
  readonly header: string[];
  /** One column per header name, all of the same length (the data-row count). */
  readonly columns: CellColumn[];
  /** Per data row: its 1-based row number as a spreadsheet shows it (the header is row 1 in a CSV). */
  readonly rowNumbers: Int32Array;
}

/** A column over ready-made strings (XLSX cells, tests). */
export function arrayColumn(cells: readonly string[], decimalComma = false): CellColumn {
  return {
    length: cells.length,
    text: (row) => cells[row],
    numbers: () => {
      const out = new Float64Array(cells.length);
      for (let i = 0; i < cells.length; i++)
        out[i] = parseNumberAt(cells[i], 0, cells[i].length, decimalComma);
      return out;
    },
  };
}

/** A column of `length` empty cells that allocates nothing until its numbers are asked for. */
export function blankColumn(length: number): CellColumn {
  return { length, blank: true, text: () => '', numbers: () => new Float64Array(length).fill(NaN) };
}

/** Spreadsheet letters of a 0-based column index: 0 → 'A', 27 → 'AB'. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
