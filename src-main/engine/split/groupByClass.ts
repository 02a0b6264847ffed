/** Row indices grouped by class label, shared by the stratified split and stratified k-fold. */
import { UserFacingError } from '../errors';

export interface ClassGroup {
  readonly label: number;
  /** Row indices of this class, ascending. */
  readonly rows: number[];
}

/** Groups rows by the integer label in y; groups in ascending label order. */
export function groupByClass(y: ArrayLike<number>): ClassGroup[] {
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v)) {
      throw new RangeError(
        `y[${i}] is ${String(v)}; stratification needs integer class labels (use stratify: false)`,
      );
    }
    const rows = byLabel.get(v);
    if (rows) rows.push(i);
    else byLabel.set(v, [i]);
  }
  return [...byLabel.entries()].sort((a, b) => a[0] - b[0]).map(([label, rows]) => ({ label, rows }));
}

export function className(label: number, classNames: readonly string[] | undefined): string {
  const name = classNames?.[label];
  return name !== undefined ? `"${name}"` : `${label}`;
}

/** Every class needs `min` rows; the message names the first class that has fewer. */
export function requireClassSize(
  groups: readonly ClassGroup[],
  min: number,
  classNames: readonly string[] | undefined,
): void {
  for (const g of groups) {
    if (g.rows.length < min) {
      throw UserFacingError.of('class-too-small', {
        class: className(g.label, classNames),
        count: g.rows.length,
        min,
      });
    }
  }
}

/** Sorted Int32Array of the given indices. */
export function sortedIndices(indices: readonly number[]): Int32Array {
  return Int32Array.from(indices).sort();
}
