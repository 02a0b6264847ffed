/**
 * Threshold curves of a binary scorer (ROC, precision–recall) and their areas, as scikit-learn's
 * roc_curve / roc_auc_score / precision_recall_curve / average_precision_score compute them:
 * tied scores form a single threshold, so ties count half in the AUC.
 */

interface ThresholdCounts {
  /** Distinct scores, descending. */
  thresholds: number[];
  /** Positives / negatives with score ≥ each threshold. */
  tps: number[];
  fps: number[];
}

/**
 * scikit-learn's _binary_clf_curve: cumulative counts at each distinct score. The positives' and
 * the negatives' scores are sorted apart (typed arrays, no comparator) and merged from the top:
 * the order within a tie never mattered, and an index array sorted by score held ~1 MB of V8 heap
 * per 100 000 test rows, per curve.
 */
function countsAtThresholds(
  yTrue: ArrayLike<number>,
  positiveLabel: number,
  scores: ArrayLike<number>,
): ThresholdCounts {
  const n = scores.length;
  if (yTrue.length !== n) throw new RangeError(`yTrue has ${yTrue.length} values but scores has ${n}`);
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scores[i])) throw new RangeError(`scores[${i}] is NaN`);
    if (yTrue[i] === positiveLabel) nPos++;
  }
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(n - nPos);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (yTrue[i] === positiveLabel) pos[p++] = scores[i];
    else neg[q++] = scores[i];
  }
  pos.sort();
  neg.sort();
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = nPos - 1, j = neg.length - 1; i >= 0 || j >= 0;) {
    const t = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
    for (; i >= 0 && pos[i] === t; i--) tp++;
    for (; j >= 0 && neg[j] === t; j--) fp++;
    thresholds.push(t);
    tps.push(tp);
    fps.push(fp);
  }
  return { thresholds, tps, fps };
}

export interface RocCurve {
  /** False-positive rate per threshold, ascending from 0 to 1. */
  readonly fpr: number[];
  readonly tpr: number[];
  /** Score thresholds (predict positive when score ≥ threshold), descending; the first is Infinity. */
  readonly thresholds: number[];
}

/**
 * ROC curve of `scores` for rows whose label equals `positiveLabel` (default 1) versus the rest.
 * Starts at (0, 0) with threshold Infinity (current scikit-learn). `dropIntermediate` removes
 * collinear points as scikit-learn's drop_intermediate=True does (default false: every threshold).
 * With no positives (negatives) the tpr (fpr) is NaN.
 */
export function rocCurve(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  {
    positiveLabel = 1,
    dropIntermediate = false,
  }: { positiveLabel?: number; dropIntermediate?: boolean } = {},
): RocCurve {
  let { thresholds, tps, fps } = countsAtThresholds(yTrue, positiveLabel, scores);
  if (dropIntermediate && tps.length > 2) {
    const keep = tps.map(
      (_, i) =>
        i === 0 ||
        i === tps.length - 1 ||
        fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 ||
        tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0,
    );
    thresholds = thresholds.filter((_, i) => keep[i]);
    tps = tps.filter((_, i) => keep[i]);
    fps = fps.filter((_, i) => keep[i]);
  }
  const P = tps.length > 0 ? tps[tps.length - 1] : 0;
  const N = fps.length > 0 ? fps[fps.length - 1] : 0;
  return {
    fpr: [0, ...fps.map((f) => f / N)],
    tpr: [0, ...tps.map((t) => t / P)],
    thresholds: [Infinity, ...thresholds],
  };
}

/** Trapezoidal area under a curve given as x (monotone) and y. */
export function trapezoidArea(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

/**
 * Area under the ROC curve.
 * - Binary: `scores` is one score per row for the positive class (label 1), or rows × 2
 *   probabilities (column 1 is used).
 * - Multi-class: `scores` is rows × k probabilities; the macro mean of the one-vs-rest AUCs of the
 *   classes present in yTrue (a class absent from yTrue has no AUC and is left out).
 * NaN when yTrue holds a single class.
 */
export function rocAuc(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number> | readonly ArrayLike<number>[],
): number {
  const first = scores[0] as unknown;
  if (typeof first === 'object' && first !== null) {
    const rows = scores as readonly ArrayLike<number>[];
    return classesRocAuc(rows[0].length, (c) =>
      binaryAuc(
        yTrue,
        Array.from(rows, (r) => r[c]),
        c,
      ),
    );
  }
  return binaryAuc(yTrue, scores as ArrayLike<number>, 1);
}

/**
 * rocAuc of rows × k class probabilities from their classes' one-vs-rest areas (`areaOf(c)`, NaN
 * for a class absent from yTrue): class 1's with two classes, else the mean of those present.
 * For a caller that has the curves already (evaluate).
 */
export function classesRocAuc(k: number, areaOf: (c: number) => number): number {
  if (k === 2) return areaOf(1);
  let sum = 0;
  let used = 0;
  for (let c = 0; c < k; c++) {
    const auc = areaOf(c);
    if (Number.isNaN(auc)) continue;
    sum += auc;
    used++;
  }
  return used > 0 ? sum / used : NaN;
}

function binaryAuc(yTrue: ArrayLike<number>, scores: ArrayLike<number>, positiveLabel: number): number {
  return rocCurveArea(rocCurve(yTrue, scores, { positiveLabel }));
}

/** The area under a full (not dropIntermediate) ROC curve: rocAuc's value for its class; NaN with one class. */
export function rocCurveArea({ fpr, tpr }: RocCurve): number {
  if (Number.isNaN(fpr[fpr.length - 1]) || Number.isNaN(tpr[tpr.length - 1])) return NaN;
  return trapezoidArea(fpr, tpr);
}

export interface PrCurve {
  /** Precision per threshold, then a final 1 (recall 0). */
  readonly precision: number[];
  /** Recall, descending to a final 0. */
  readonly recall: number[];
  /** Score thresholds, ascending (one fewer than precision/recall). */
  readonly thresholds: number[];
}

/**
 * Precision–recall curve as scikit-learn's precision_recall_curve (1.2+: no truncation at full
 * recall): thresholds ascending, the curve ends at (recall 0, precision 1). With no positives in
 * yTrue recall is 1 everywhere.
 */
export function prCurve(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  { positiveLabel = 1 }: { positiveLabel?: number } = {},
): PrCurve {
  const { thresholds, tps, fps } = countsAtThresholds(yTrue, positiveLabel, scores);
  const P = tps.length > 0 ? tps[tps.length - 1] : 0;
  const precision = tps.map((t, i) => (t + fps[i] > 0 ? t / (t + fps[i]) : 0)).reverse();
  const recall = tps.map((t) => (P > 0 ? t / P : 1)).reverse();
  return { precision: [...precision, 1], recall: [...recall, 0], thresholds: thresholds.reverse() };
}

/** Σ (R_i − R_{i−1}) · P_i over thresholds: scikit-learn's step-wise average_precision_score. */
export function averagePrecision(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: { positiveLabel?: number } = {},
): number {
  return prCurveArea(prCurve(yTrue, scores, options));
}

/** averagePrecision from the curve prCurve gave. */
export function prCurveArea({ precision, recall }: PrCurve): number {
  let ap = 0;
  for (let i = 0; i < recall.length - 1; i++) ap -= (recall[i + 1] - recall[i]) * precision[i];
  return ap;
}
