/**
 * Which held-out rows permutation importance scores. It predicts every row nFeatures × nRepeats
 * times, so on a large test split it would cost more than training (126 s after 184 s of
 * training on a 500 000-row table); above `maxRows` it scores a seeded random subset instead.
 */
import { createRng } from '../random/rng';

/**
 * Test rows scored at most. 5 repeats × 30 features over 1000 rows is 150 000 row predictions,
 * a few percent of growing 100 trees on 80 000 rows; the chart shows each importance's spread.
 */
export const PERMUTATION_MAX_ROWS = 1000;

/** Positions 0..n-1 to score: all of them, or `maxRows` drawn without replacement (ascending). */
export function permutationSample(n: number, seed: number, maxRows = PERMUTATION_MAX_ROWS): Int32Array {
  if (n <= maxRows) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < maxRows; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, maxRows).sort();
}
