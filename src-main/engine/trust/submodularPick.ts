/**
 * SP-LIME (Ribeiro et al. 2016, §4): from many local explanations, pick the few that together
 * cover the globally important features. A port of the reference `lime.submodular_pick`:
 * features are keyed by their explanation text (the condition), W[i][j] is the weight of
 * feature j in explanation i, importance_j = √Σ_i |W[i][j]|, and B explanations are picked
 * greedily, each time the one that most increases Σ_j importance_j·[feature j covered].
 */
import { createRng, shuffleInPlace } from '../random/rng';

export interface PickInput {
  /** [feature key (the condition as shown), weight] of one explanation. */
  readonly weights: readonly (readonly [string, number])[];
}

export interface SubmodularPick {
  /** Feature keys in order of first appearance (the columns of W). */
  readonly features: readonly string[];
  /** explanations × features, W[i][j] (summed if an explanation repeats a key). */
  readonly matrix: readonly (readonly number[])[];
  /** √Σ_i |W[i][j]| per feature. */
  readonly importance: readonly number[];
  /** Indices of the picked explanations, in pick order. */
  readonly picks: readonly number[];
  /** Σ importance of the features the picks cover. */
  readonly coverage: number;
}

export function importanceMatrix(
  explanations: readonly PickInput[],
): Pick<SubmodularPick, 'features' | 'matrix' | 'importance'> {
  const index = new Map<string, number>();
  for (const e of explanations)
    for (const [key] of e.weights) if (!index.has(key)) index.set(key, index.size);
  const matrix = explanations.map((e) => {
    const row = new Array<number>(index.size).fill(0);
    for (const [key, w] of e.weights) row[index.get(key)!] += w;
    return row;
  });
  const importance = [...index.keys()].map((_, j) => {
    let s = 0;
    for (const row of matrix) s += Math.abs(row[j]);
    return Math.sqrt(s);
  });
  return { features: [...index.keys()], matrix, importance };
}

/** Σ importance over the features at least one of `rows` gives a non-zero weight. */
export function coverageOf(
  matrix: readonly (readonly number[])[],
  importance: readonly number[],
  rows: readonly number[],
): number {
  let total = 0;
  for (let j = 0; j < importance.length; j++)
    if (rows.some((i) => matrix[i][j] !== 0)) total += importance[j];
  return total;
}

/**
 * Greedy pick of `budget` explanations (fewer when there are fewer). As the reference, a
 * candidate replaces the best so far when it covers at least as much (`>=`), so among ties the
 * last index wins.
 */
export function submodularPick(explanations: readonly PickInput[], budget: number): SubmodularPick {
  if (!Number.isInteger(budget) || budget < 1)
    throw new RangeError(`budget must be an integer ≥ 1, got ${budget}`);
  const { features, matrix, importance } = importanceMatrix(explanations);
  const covered = new Uint8Array(features.length);
  const remaining = new Set(explanations.map((_, i) => i));
  const picks: number[] = [];
  let coverage = 0;
  while (picks.length < Math.min(budget, explanations.length)) {
    let best = 0;
    let bestIndex = -1;
    for (const i of remaining) {
      let current = 0;
      for (let j = 0; j < features.length; j++)
        if (covered[j] || matrix[i][j] !== 0) current += importance[j];
      if (current >= best) {
        best = current;
        bestIndex = i;
      }
    }
    picks.push(bestIndex);
    remaining.delete(bestIndex);
    for (let j = 0; j < features.length; j++) if (matrix[bestIndex][j] !== 0) covered[j] = 1;
    coverage = best;
  }
  return { features, matrix, importance, picks, coverage };
}

/**
 * Which rows to explain: all of them when `sampleSize` ≥ their number, else a seeded sample
 * without replacement, in ascending order (the reference's method='sample').
 */
export function pickSample(nRows: number, sampleSize: number, seed: number): number[] {
  const all = Array.from({ length: nRows }, (_, i) => i);
  if (sampleSize >= nRows) return all;
  return shuffleInPlace(all, createRng(seed))
    .slice(0, sampleSize)
    .sort((a, b) => a - b);
}
