/**
 * The forest compiling itself when it keeps predicting large batches (LIME neighbourhoods), as
 * a JIT tiers up hot code: a compiled forest predicts ~3× faster than the packed walk once V8
 * has optimized it, but until then runs ~10× slower, so it is fed a probe slice of each batch
 * (the rest walks) until it beats the walk on the same call; from then on it takes every row.
 *
 * Each row is predicted whole by one of the two, which are bit-identical, so the result never
 * depends on when or whether the switch happens. Small batches (training's evaluation and
 * permutation importance, one case's prediction) never start or feed it, and the first large
 * batch (a first explanation) only walks, so a fresh model's first explanation pays nothing.
 */
import { compileMeanLeafValues, type MeanLeafValuesFn } from './compiledForest';
import { meanLeafValues, type PackedForest } from './packedForest';

/** Batches below this many rows always walk. */
export const TIER_MIN_ROWS = 1000;
/** Large batches walked before the forest compiles itself. */
export const TIER_WALKED_BATCHES = 1;
/** Rows of each large batch given to the compiled forest while it is slower than the walk. */
export const TIER_PROBE_ROWS = 600;
/** After this many probing batches it takes every row whatever the clock says. */
const TIER_MAX_PROBES = 12;

export interface TierState {
  largeBatches: number;
  /** undefined: not compiled yet; null: not worth compiling (too large or too deep). */
  fn: MeanLeafValuesFn | null | undefined;
  probes: number;
  promoted: boolean;
}

export function newTierState(): TierState {
  return { largeBatches: 0, fn: undefined, probes: 0, promoted: false };
}

/**
 * meanLeafValues(forest, X, nRows, nFeatures), bit for bit, through the compiled forest once
 * `state` says it pays. `now` is the clock used to compare the two (ms).
 */
export function tieredMeanLeafValues(
  state: TierState,
  forest: PackedForest,
  X: Float64Array,
  nRows: number,
  nFeatures: number,
  /** Rows reaching every leaf (leafCoveringRows), run once right after compiling. */
  coveringRows: (X: Float64Array) => { x: Float64Array; n: number },
  now: () => number = () => performance.now(),
): Float64Array {
  if (nRows < TIER_MIN_ROWS) return meanLeafValues(forest, X, nRows, nFeatures);
  if (state.promoted && state.fn) return state.fn(X, nRows, nFeatures);
  if (++state.largeBatches <= TIER_WALKED_BATCHES) return meanLeafValues(forest, X, nRows, nFeatures);
  if (state.fn === undefined) {
    state.fn = compileMeanLeafValues(forest);
    // Every branch runs once before V8 optimizes: one it never saw would deoptimize it later.
    if (state.fn) {
      const cover = coveringRows(X);
      state.fn(cover.x, cover.n, nFeatures);
    }
  }
  if (state.fn === null) return meanLeafValues(forest, X, nRows, nFeatures);
  const m = Math.min(TIER_PROBE_ROWS, nRows >> 1);
  const k = forest.nOutputs;
  const t0 = now();
  const head = state.fn(X, m, nFeatures);
  const t1 = now();
  const tail = meanLeafValues(forest, X.subarray(m * nFeatures), nRows - m, nFeatures);
  const t2 = now();
  // Per row, the compiled slice must at least match the walk before it takes everything.
  if ((t1 - t0) / m <= (t2 - t1) / (nRows - m) || ++state.probes >= TIER_MAX_PROBES) state.promoted = true;
  const out = new Float64Array(nRows * k);
  out.set(head);
  out.set(tail, m * k);
  return out;
}
