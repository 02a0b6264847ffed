import { compareLabels } from './compareLabels';
import { columnValues } from './columnByName';
import { binEdges, binOf, checkBins } from './histogram';
import { inferTask } from './suggestTarget';
import type { Dataset } from './types';

/**
 * A feature's distribution split by the target's classes. For a numeric feature,
 * `edges` are the bins and counts[class][bin]; for a text feature, `categories` are
 * its labels (sorted) and counts[class][category], `edges` empty.
 */
export interface FeatureDistribution {
  readonly feature: string;
  /** Class labels for a classification target; empty for a numeric (regression) target. */
  readonly classes: string[];
  readonly edges: number[];
  readonly categories?: string[];
  /** One row per class, or a single row with every row counted when the target is numeric. */
  readonly counts: number[][];
}

/**
 * Counts of `feature` per class of `target` (rows with a missing feature or target are
 * skipped). Numeric features get `bins` equal-width bins over all present values, so
 * every class shares the same edges. A target that inferTask reads as regression gives
 * one row of counts.
 */
export function featureDistribution(
  dataset: Dataset,
  feature: string,
  target: string,
  bins = 20,
): FeatureDistribution {
  checkBins(bins);
  const x = columnValues(dataset, feature, 'feature');
  const t = columnValues(dataset, target, 'target');
  const byClass = inferTask(dataset, target) === 'classification';
  const labelOf = (row: number): string | null => {
    const v = t[row];
    if (typeof v === 'number') return v === v ? String(v) : null;
    return v;
  };
  const classes: string[] = [];
  if (byClass) {
    const seen = new Set<string>();
    for (let row = 0; row < dataset.rowCount; row++) {
      const label = labelOf(row);
      if (label !== null) seen.add(label);
    }
    classes.push(...[...seen].sort(compareLabels));
  }
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const rowsOut = byClass ? classes.length : 1;

  let edges: number[] = [];
  let categories: string[] | undefined;
  let bucketOf: (row: number) => number;
  let buckets: number;
  if (x instanceof Float64Array) {
    let min = Infinity;
    let max = -Infinity;
    for (const v of x) {
      if (v !== v) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    edges = min === Infinity ? binEdges(0, 1, bins) : binEdges(min, max, bins);
    buckets = bins;
    bucketOf = (row) => (x[row] === x[row] ? binOf(x[row], edges) : -1);
  } else {
    const labels = [...new Set(x.filter((v): v is string => v !== null))].sort(compareLabels);
    const code = new Map(labels.map((l, i) => [l, i]));
    categories = labels;
    buckets = labels.length;
    bucketOf = (row) => (x[row] === null ? -1 : (code.get(x[row] as string) as number));
  }

  const counts = Array.from({ length: rowsOut }, () => new Array<number>(buckets).fill(0));
  for (let row = 0; row < dataset.rowCount; row++) {
    const label = labelOf(row);
    if (label === null) continue;
    const bucket = bucketOf(row);
    if (bucket < 0) continue;
    counts[byClass ? (classIndex.get(label) as number) : 0][bucket]++;
  }
  return { feature, classes, edges, ...(categories ? { categories } : {}), counts };
}
