import { columnValues } from './columnByName';
import type { Dataset } from './types';

export interface CorrelationMatrix {
  readonly names: string[];
  /** Pearson r, names.length × names.length; NaN where a pair has fewer than two complete rows or no variance. */
  readonly matrix: number[][];
}

function numericColumn(dataset: Dataset, name: string): Float64Array {
  const values = columnValues(dataset, name, 'columnNames');
  if (!(values instanceof Float64Array)) throw new RangeError(`columnNames: column '${name}' is not numeric`);
  return values;
}

/** Pearson r over the rows where both values are present (two-pass, for accuracy). */
export function pearson(a: Float64Array, b: Float64Array): number {
  let n = 0;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== x || y !== y) continue;
    n++;
    sumA += x;
    sumB += y;
  }
  if (n < 2) return NaN;
  const meanA = sumA / n;
  const meanB = sumB / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== x || y !== y) continue;
    const dx = x - meanA;
    const dy = y - meanB;
    sab += dx * dy;
    saa += dx * dx;
    sbb += dy * dy;
  }
  if (saa === 0 || sbb === 0) return NaN;
  // Rounding can push |r| a hair past 1 for perfectly collinear columns.
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/**
 * Pearson correlation of numeric columns, pairwise complete (each pair uses the rows
 * where both are present, as pandas' DataFrame.corr does). Without `columnNames`, all
 * numeric-kind columns in file order. The diagonal is 1 (NaN for a column without variance).
 */
export function correlationMatrix(dataset: Dataset, columnNames?: readonly string[]): CorrelationMatrix {
  const names = columnNames
    ? [...columnNames]
    : dataset.columns
        .filter((c, i) => c.kind === 'numeric' && dataset.values[i] instanceof Float64Array)
        .map((c) => c.name);
  const columns = names.map((name) => numericColumn(dataset, name));
  const k = names.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  for (let i = 0; i < k; i++) {
    matrix[i][i] = Number.isNaN(pearson(columns[i], columns[i])) ? NaN : 1;
    for (let j = i + 1; j < k; j++) {
      const r = pearson(columns[i], columns[j]);
      matrix[i][j] = r;
      matrix[j][i] = r;
    }
  }
  return { names, matrix };
}
