/** Train/test split, stratified by class as scikit-learn's StratifiedShuffleSplit / train_test_split do. */
import { UserFacingError } from '../errors';
import { createRng, shuffleInPlace } from '../random/rng';
import { groupByClass, requireClassSize, sortedIndices } from './groupByClass';

export interface SplitOptions {
  /** Share of the rows in the test set, in (0, 1); the test set gets ⌈n · testFraction⌉ rows. */
  testFraction: number;
  seed: number;
  /** Keep class proportions (default true); false for regression: a plain shuffled split. */
  stratify?: boolean;
  /** Class labels by index, only to name a class in error messages. */
  classNames?: readonly string[];
}

export interface Split {
  /** Row indices, ascending. */
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * Splits rows 0..n-1 (n = y.length) into train and test index sets.
 *
 * Stratified: the per-class train counts are the largest-remainder rounding of
 * n_c · n_train / n, then the test counts the same rounding of what is left (scikit-learn's
 * `_approximate_mode`, ties going to the lower class index instead of a random one); each class
 * is shuffled with the seed and its first rows go to train. 569 breast-cancer rows at 0.2 →
 * 455 / 114, benign 285 / 72, malignant 170 / 42.
 */
export function stratifiedSplit(y: ArrayLike<number>, options: SplitOptions): Split {
  const { testFraction, seed, stratify = true, classNames } = options;
  if (!(typeof testFraction === 'number' && testFraction > 0 && testFraction < 1)) {
    throw new RangeError(
      `testFraction must be a number strictly between 0 and 1, got ${String(testFraction)}`,
    );
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  }
  const n = y.length;
  const nTest = Math.ceil(testFraction * n);
  const nTrain = n - nTest;
  if (nTrain < 1 || nTest < 1) {
    throw UserFacingError.of('too-few-rows-split', { count: n, fraction: testFraction });
  }
  const rng = createRng(seed);
  if (!stratify) {
    const perm = shuffleInPlace(
      Array.from({ length: n }, (_, i) => i),
      rng,
    );
    return { train: sortedIndices(perm.slice(nTest)), test: sortedIndices(perm.slice(0, nTest)) };
  }

  const groups = groupByClass(y);
  requireClassSize(groups, 2, classNames);
  const k = groups.length;
  if (nTrain < k || nTest < k) {
    throw UserFacingError.of('too-few-rows-stratified', {
      count: n,
      fraction: testFraction,
      train: nTrain,
      test: nTest,
      classes: k,
    });
  }
  const counts = groups.map((g) => g.rows.length);
  const trainCounts = approximateMode(counts, nTrain);
  const testCounts = approximateMode(
    counts.map((c, i) => c - trainCounts[i]),
    nTest,
  );
  const train: number[] = [];
  const test: number[] = [];
  groups.forEach((g, i) => {
    const rows = shuffleInPlace(g.rows.slice(), rng);
    for (let j = 0; j < trainCounts[i]; j++) train.push(rows[j]);
    for (let j = trainCounts[i]; j < trainCounts[i] + testCounts[i]; j++) test.push(rows[j]);
  });
  return { train: sortedIndices(train), test: sortedIndices(test) };
}

/**
 * Integer draws per class closest to counts · nDraws / Σcounts: floor, then the leftover draws
 * go to the largest fractional parts (lowest class index first on ties).
 */
export function approximateMode(counts: readonly number[], nDraws: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c * nDraws) / total);
  const out = continuous.map(Math.floor);
  let left = nDraws - out.reduce((a, b) => a + b, 0);
  const byRemainder = continuous
    .map((c, i) => ({ i, rem: c - out[i] }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}
