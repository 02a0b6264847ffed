import { uniqueSorted } from './percentile';

/** scikit-learn treats feature values closer than this as equal when looking for split points. */
const FEATURE_THRESHOLD = 1e-7;
const EPSILON = 2.220446049250313e-16;

/**
 * Split thresholds of a depth-limited decision tree on one feature with the
 * entropy criterion — what the reference gets from
 * `DecisionTreeClassifier(criterion='entropy', max_depth=3).fit(x, labels).tree_.threshold`.
 * Follows scikit-learn's best splitter: candidate positions between distinct
 * sorted values, threshold at their midpoint, the first best proxy improvement
 * wins, nodes split until pure, shorter than 2 samples, or at maxDepth; values are
 * rounded to float32 first, as scikit-learn does.
 *
 * @param x feature values, one per training row
 * @param labels class label per row (any numbers; each distinct value is a class)
 * @returns thresholds, ascending (empty when no split was possible)
 */
export function entropyTreeThresholds(
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
  maxDepth = 3,
): number[] {
  const n = x.length;
  if (labels.length !== n) throw new RangeError(`trainingLabels has ${labels.length} values for ${n} rows`);
  const classes = uniqueSorted(labels);
  const k = classes.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => x[p] - x[q] || p - q);
  // scikit-learn trees store X as float32, so thresholds are midpoints of float32-rounded values.
  const xs = Float64Array.from(order, (i) => Math.fround(x[i]));
  const ys = Int32Array.from(order, (i) => classIndex(classes, labels[i]));
  const thresholds: number[] = [];
  const total = new Float64Array(k);
  const left = new Float64Array(k);
  const right = new Float64Array(k);

  const build = (start: number, end: number, depth: number): void => {
    const count = end - start;
    total.fill(0);
    for (let i = start; i < end; i++) total[ys[i]]++;
    if (depth >= maxDepth || count < 2 || entropy(total, count) <= EPSILON) return;
    if (xs[end - 1] <= xs[start] + FEATURE_THRESHOLD) return;
    left.fill(0);
    let bestProxy = -Infinity;
    let bestPos = -1;
    let p = start;
    let added = start;
    while (p < end) {
      while (p + 1 < end && xs[p + 1] <= xs[p] + FEATURE_THRESHOLD) p++;
      p++;
      if (p >= end) break;
      for (; added < p; added++) left[ys[added]]++;
      for (let c = 0; c < k; c++) right[c] = total[c] - left[c];
      const nLeft = p - start;
      const nRight = end - p;
      const proxy = -nRight * entropy(right, nRight) - nLeft * entropy(left, nLeft);
      if (proxy > bestProxy) {
        bestProxy = proxy;
        bestPos = p;
      }
    }
    if (bestPos < 0) return;
    let threshold = xs[bestPos - 1] / 2 + xs[bestPos] / 2;
    if (threshold === xs[bestPos] || !Number.isFinite(threshold)) threshold = xs[bestPos - 1];
    thresholds.push(threshold);
    build(start, bestPos, depth + 1);
    build(bestPos, end, depth + 1);
  };
  build(0, n, 0);
  return thresholds.sort((a, b) => a - b);
}

/** Entropy in bits, summed over classes in index order as scikit-learn does. */
function entropy(counts: Float64Array, n: number): number {
  let h = 0;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] > 0) {
      const p = counts[c] / n;
      h -= p * (Math.log(p) / Math.LN2);
    }
  }
  return h;
}

function classIndex(classes: Float64Array, value: number): number {
  let lo = 0;
  let hi = classes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (classes[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
