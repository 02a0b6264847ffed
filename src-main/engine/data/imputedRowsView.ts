import { AbstractMatrix } from 'ml-matrix';
import type { FrameColumns } from './imputer';

/**
 * Frame rows `rows` (indices into the frame's rows), NaN replaced by `fillValues[f]`, as a
 * read-only ml-matrix over the frame's columns: what the forest trains on, without an array per
 * row. The forest reads its shape, and its values through get() only for tables small enough
 * for the exact split search (larger ones are binned from imputedColumns).
 */
export function imputedRowsView(
  frame: FrameColumns,
  fillValues: readonly number[],
  rows: ArrayLike<number>,
): AbstractMatrix {
  return new ImputedRowsView(frame, fillValues, rows);
}

class ImputedRowsView extends AbstractMatrix {
  override readonly rows: number;
  override readonly columns: number;

  constructor(
    private readonly frame: FrameColumns,
    private readonly fillValues: readonly number[],
    private readonly at: ArrayLike<number>,
  ) {
    super();
    this.rows = at.length;
    this.columns = frame.columns.length;
  }

  get(row: number, column: number): number {
    const v = this.frame.columns[column][this.frame.rowIndex[this.at[row]]];
    return v === v ? v : this.fillValues[column];
  }

  set(): this {
    throw new TypeError('imputed frame rows are read-only');
  }
}
