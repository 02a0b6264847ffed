/**
 * The smallest change of one feature alone that changes the model's answer: for a forest the
 * prediction along one feature is a step function whose steps sit at the trees' split thresholds,
 * so trying one value on each side of every threshold (within the training range) is exact.
 */
import { RandomForestClassifier } from '../forest/RandomForestClassifier';
import type { ShapForest } from '../shap/treeShap';

export interface OneFeatureCounterfactual {
  readonly feature: number;
  /** The new value of the feature, or null: none within the training range. */
  readonly value: number | null;
  /** value − the case's value (null with value). */
  readonly change: number | null;
  /** Classification: the class predicted at `value`; regression: null. */
  readonly predictedClass: number | null;
  /** Classification: probabilities at `value`; regression: [prediction at value]. */
  readonly outputs: readonly number[] | null;
}

export interface CounterfactualOptions {
  /** Training minimum and maximum of the feature: the search stays inside. */
  readonly range: readonly [number, number];
  /** Categorical feature: try these codes instead of thresholds. */
  readonly categories?: readonly number[];
  /** Regression: the prediction must move by at least this much (absolute, target units). */
  readonly minShift?: number;
}

/** Values just past each split threshold of `feature` in the forest, inside [lo, hi]. */
function candidateValues(forest: ShapForest, feature: number, lo: number, hi: number): number[] {
  const out = new Set<number>();
  for (const t of forest.trees) {
    for (let i = 0; i < t.nodeCount; i++) {
      if (t.feature[i] !== feature) continue;
      const th = t.threshold[i];
      // x <= th goes left: th itself is the largest value on the left, the next double the smallest on the right.
      if (th >= lo && th <= hi) out.add(th);
      const above = nextUp(th);
      if (above >= lo && above <= hi) out.add(above);
    }
  }
  out.add(lo);
  out.add(hi);
  return [...out];
}

/** The smallest double greater than x (finite x). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigInt64(0);
  buf.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

function argmax(a: ArrayLike<number>, from: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (a[from + c] > a[from + best]) best = c;
  return best;
}

/**
 * For `feature` of the encoded `row`: the value closest to the case's (ties: the smaller value)
 * at which the forest predicts another class (classification) or moves its prediction by at least
 * `minShift` (regression), searching only within the training range.
 */
export function oneFeatureCounterfactual(
  forest: ShapForest,
  row: readonly number[],
  feature: number,
  options: CounterfactualOptions,
): OneFeatureCounterfactual {
  const [lo, hi] = options.range;
  const x0 = row[feature];
  const candidates = (options.categories ?? candidateValues(forest, feature, lo, hi))
    .filter((v) => v !== x0)
    .sort((a, b) => Math.abs(a - x0) - Math.abs(b - x0) || a - b);
  const none: OneFeatureCounterfactual = {
    feature,
    value: null,
    change: null,
    predictedClass: null,
    outputs: null,
  };
  if (candidates.length === 0) return none;
  const d = row.length;
  const X = new Float64Array((candidates.length + 1) * d);
  X.set(row);
  candidates.forEach((v, i) => {
    X.set(row, (i + 1) * d);
    X[(i + 1) * d + feature] = v;
  });
  const n = candidates.length + 1;
  if (forest instanceof RandomForestClassifier) {
    const k = forest.nClasses;
    const proba = forest.predictProbaFlat(X, n, d);
    const base = argmax(proba, 0, k);
    for (let i = 1; i < n; i++) {
      const c = argmax(proba, i * k, k);
      if (c !== base) {
        const v = candidates[i - 1];
        return {
          feature,
          value: v,
          change: v - x0,
          predictedClass: c,
          outputs: Array.from(proba.subarray(i * k, i * k + k)),
        };
      }
    }
    return none;
  }
  const shift = options.minShift;
  if (shift === undefined || !(shift > 0))
    throw new RangeError('a regression counterfactual needs minShift > 0');
  const pred = forest.predictFlat(X, n, d);
  for (let i = 1; i < n; i++) {
    if (Math.abs(pred[i] - pred[0]) >= shift) {
      const v = candidates[i - 1];
      return { feature, value: v, change: v - x0, predictedClass: null, outputs: [pred[i]] };
    }
  }
  return none;
}
