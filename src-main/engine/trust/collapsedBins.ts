/**
 * When LIME's quantile bins collapse: two or more quartile (or decile) edges of a feature are
 * equal, as happens with zero-heavy measurements or a column whose missing values were filled
 * with its median. The de-duplicated bins then no longer split the data into equal shares, and a
 * condition such as `125.00 < insulin <= 125.50` means something other than it seems.
 */
import { percentiles } from '../lime/percentile';
import { trainingColumns, type TrainingData } from '../lime/trainingColumns';

export type QuantileDiscretizer = 'quartile' | 'decile';

export const QUANTILES: Readonly<Record<QuantileDiscretizer, readonly number[]>> = {
  quartile: [25, 50, 75],
  decile: [10, 20, 30, 40, 50, 60, 70, 80, 90],
};

export interface CollapsedBins {
  readonly feature: number;
  /** The percentiles the discretizer asked for (e.g. 25, 50, 75). */
  readonly percentiles: readonly number[];
  /** The training values at those percentiles, before de-duplication. */
  readonly edges: readonly number[];
  /** Each value shared by two or more edges, ascending. */
  readonly repeated: readonly number[];
  /** Fraction of training rows (0–1) equal to the most repeated edge value. */
  readonly shareAtRepeated: number;
}

/**
 * Collapsed quantile bins of one training column, or null when every edge is distinct.
 * @param column the training values LIME sees (imputed), any order
 */
export function collapsedBinsOf(
  column: ArrayLike<number>,
  feature: number,
  discretizer: QuantileDiscretizer,
): CollapsedBins | null {
  const qs = QUANTILES[discretizer];
  const edges = Array.from(percentiles(column, qs));
  const repeated: number[] = [];
  for (let i = 1; i < edges.length; i++) {
    if (edges[i] === edges[i - 1] && repeated[repeated.length - 1] !== edges[i]) repeated.push(edges[i]);
  }
  if (repeated.length === 0) return null;
  let best = 0;
  for (const v of repeated) {
    let count = 0;
    for (let r = 0; r < column.length; r++) if (column[r] === v) count++;
    best = Math.max(best, count);
  }
  return { feature, percentiles: qs, edges, repeated, shareAtRepeated: best / column.length };
}

/**
 * Every continuous feature whose quantile bins collapse, in feature order. The entropy
 * discretizer and the continuous mode have no quantile edges, so nothing collapses there.
 * @param xTrain training rows × features (imputed), or a reader of their columns, as given to LIME
 * @param continuous indices of the features LIME discretizes
 */
export function collapsedBins(
  xTrain: TrainingData,
  continuous: readonly number[],
  discretizer: QuantileDiscretizer | 'entropy' | null,
): CollapsedBins[] {
  if (discretizer !== 'quartile' && discretizer !== 'decile') return [];
  const out: CollapsedBins[] = [];
  const training = trainingColumns(xTrain);
  const column = new Float64Array(training.rows);
  for (const f of continuous) {
    training.column(f, column);
    const c = collapsedBinsOf(column, f, discretizer);
    if (c) out.push(c);
  }
  return out;
}
