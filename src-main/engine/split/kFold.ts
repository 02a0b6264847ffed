/** k-fold cross-validation folds, stratified like scikit-learn's StratifiedKFold(shuffle=True). */
import { UserFacingError } from '../errors';
import { createRng, shuffleInPlace } from '../random/rng';
import { className, groupByClass, sortedIndices } from './groupByClass';
import type { Split } from './stratifiedSplit';

export interface KFoldOptions {
  /** Number of folds, 2 ≤ k ≤ number of rows. */
  k: number;
  seed: number;
  /** Default true; false for regression: shuffled rows cut into k contiguous folds. */
  stratify?: boolean;
  /** Class labels by index, only to name a class in error messages. */
  classNames?: readonly string[];
}

/**
 * k {train, test} pairs over rows 0..n-1 (ascending indices); every row is in exactly one test fold.
 *
 * Stratified: with rows ordered by class, the j-th row overall goes to fold j mod k, so every
 * fold gets ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of class c and folds differ in size by at most one; within a
 * class, which rows go where is shuffled with the seed. A class with fewer than k rows is simply
 * missing from some test folds. Unstratified: fold sizes ⌈n/k⌉ for the first n mod k folds,
 * ⌊n/k⌋ after, as scikit-learn's KFold.
 */
export function kFold(y: ArrayLike<number>, options: KFoldOptions): Split[] {
  const { k, seed, stratify = true, classNames } = options;
  const n = y.length;
  if (!(Number.isInteger(k) && k >= 2)) throw new RangeError(`k must be an integer ≥ 2, got ${String(k)}`);
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  }
  if (k > n) {
    throw UserFacingError.of('cv-too-few-rows', { k, count: n });
  }
  const rng = createRng(seed);
  const foldOf = new Int32Array(n);
  if (stratify) {
    const groups = groupByClass(y);
    if (groups.every((g) => g.rows.length < k)) {
      const largest = groups.reduce((a, g) => (g.rows.length > a.rows.length ? g : a));
      throw UserFacingError.of('cv-class-too-small', {
        k,
        class: className(largest.label, classNames),
        count: largest.rows.length,
      });
    }
    let offset = 0;
    for (const g of groups) {
      const rows = shuffleInPlace(g.rows.slice(), rng);
      rows.forEach((r, j) => (foldOf[r] = (offset + j) % k));
      offset += rows.length;
    }
  } else {
    const perm = shuffleInPlace(
      Array.from({ length: n }, (_, i) => i),
      rng,
    );
    let pos = 0;
    for (let f = 0; f < k; f++) {
      const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
      for (let j = 0; j < size; j++) foldOf[perm[pos++]] = f;
    }
  }
  const folds: Split[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (foldOf[i] === f ? test : train).push(i);
    folds.push({ train: sortedIndices(train), test: sortedIndices(test) });
  }
  return folds;
}
