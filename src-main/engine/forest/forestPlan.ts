/**
 * A forest's training as plain data: the shared training set, the growth settings, how rows are
 * bagged, and one seed per tree. Tree i depends only on the plan and seeds[i], so trees can be
 * grown in any order, on any number of threads (the worker does), and the forest is the same.
 */
import { createRng, type Rng } from '../random/rng';
import type { FlatTree } from './flatTree';
import { growTree, type GrowSettings, type TrainingData } from './growTree';
import { scratchBuffer, type TreeScratch } from './treeScratch';

export interface BaggingSettings {
  /** false: every row once per tree. */
  readonly useSampleBagging: boolean;
  /** true: a bootstrap (with replacement); false: nDraw distinct rows. */
  readonly replacement: boolean;
  /** Rows drawn per tree. */
  readonly nDraw: number;
}

export interface ForestPlan {
  readonly training: TrainingData;
  readonly settings: GrowSettings;
  readonly bagging: BaggingSettings;
  /** One per tree, drawn in order from the forest's seed. */
  readonly seeds: readonly number[];
}

export interface GrownTree {
  readonly tree: FlatTree;
  /** Unnormalized impurity decrease per feature. */
  readonly importance: Float64Array;
}

/** Where a TreeGrower hands its trees, and progress and cancel as the forest's train options give them. */
export interface GrowCallbacks {
  /**
   * Takes tree `index` as soon as it is grown, in any order, each index once. The forest packs it
   * at once and keeps only what it needs (see ForestPacker), so a grower should not hold on to it.
   */
  readonly onTree: (index: number, grown: GrownTree) => void;
  /** Fraction of trees done, in (0, 1]. */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Grows every tree of a plan, handing each to `onTree`; synchronous. The engine grows them one
 * after another; the worker and the CLI pass one that uses threads (src-main/worker).
 */
export type TreeGrower = (plan: ForestPlan, callbacks: GrowCallbacks) => void;

/** Bootstrap counts (with replacement), a subsample (without), or every row once. */
export function bagRows(
  nRows: number,
  bagging: BaggingSettings,
  rng: Rng,
  scratch?: TreeScratch,
): Float64Array {
  const w = scratchBuffer(scratch, 'bagWeights', nRows, Float64Array).fill(0);
  const { nDraw } = bagging;
  if (!bagging.useSampleBagging) {
    w.fill(1);
  } else if (bagging.replacement) {
    for (let i = 0; i < nDraw; i++) w[rng.int(nRows)]++;
  } else {
    const perm = scratchBuffer(scratch, 'bagOrder', nRows, Int32Array);
    for (let i = 0; i < nRows; i++) perm[i] = i;
    for (let i = 0; i < nDraw; i++) {
      const j = i + rng.int(nRows - i);
      const tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
      w[perm[i]] = 1;
    }
  }
  return w;
}

/**
 * Tree `index` of the plan: its rows bagged and the tree grown from seeds[index]. A grower that
 * makes many trees passes one `scratch` for all of them (the same trees, fewer allocations); the
 * trees then carry only what a forest keeps (no `samples` or `impurity`).
 */
export function growPlannedTree(
  plan: Omit<ForestPlan, 'seeds'>,
  seed: number,
  scratch?: TreeScratch,
): GrownTree {
  const rng = createRng(seed);
  const weights = bagRows(plan.training.nRows, plan.bagging, rng, scratch);
  return growTree(plan.training, weights, plan.settings, rng, scratch);
}
