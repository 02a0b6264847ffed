/**
 * Classification metrics on class indices (0..k-1), with scikit-learn's definitions; a ratio
 * whose denominator is 0 is 0 (scikit-learn's zero_division default, without the warning).
 */

function checkPair(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  if (yTrue.length !== yPred.length) {
    throw new RangeError(`yTrue has ${yTrue.length} values but yPred has ${yPred.length}`);
  }
}

function classCount(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nClasses: number | undefined,
): number {
  let max = -1;
  for (let i = 0; i < yTrue.length; i++) max = Math.max(max, yTrue[i], yPred[i]);
  const k = nClasses ?? max + 1;
  if (!Number.isInteger(k) || k < max + 1) throw new RangeError(`nClasses is ${k} but a label is ${max}`);
  return k;
}

/** Fraction of rows where yPred equals yTrue; NaN for no rows. */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkPair(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/** confusion[actual][predicted]: counts, k × k (k = nClasses or largest label + 1). */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nClasses?: number,
): number[][] {
  checkPair(yTrue, yPred);
  const k = classCount(yTrue, yPred, nClasses);
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const a = yTrue[i];
    const p = yPred[i];
    if (!Number.isInteger(a) || !Number.isInteger(p) || a < 0 || p < 0) {
      throw new RangeError(`labels must be class indices 0..k-1; row ${i} has ${a} / ${p}`);
    }
    m[a][p]++;
  }
  return m;
}

export interface ClassScores {
  /** Of the rows predicted as this class, the share that truly are. */
  readonly precision: number;
  /** Of the rows truly of this class, the share predicted as it. */
  readonly recall: number;
  readonly f1: number;
  /** Rows truly of this class. */
  readonly support: number;
}

/** Precision, recall, F1 and support per class, in class index order. */
export function perClassMetrics(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nClasses?: number,
): ClassScores[] {
  const m = confusionMatrix(yTrue, yPred, nClasses);
  return m.map((row, c) => {
    const tp = row[c];
    const support = row.reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (const r of m) predicted += r[c];
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, support };
  });
}

/** Mean recall over the classes present in yTrue (scikit-learn's balanced_accuracy_score). */
export function balancedAccuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const scores = perClassMetrics(yTrue, yPred).filter((s) => s.support > 0);
  return scores.reduce((a, s) => a + s.recall, 0) / scores.length;
}
