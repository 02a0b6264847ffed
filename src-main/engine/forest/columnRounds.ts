/**
 * Predictions for rounds that each change one column of the same rows — permutation importance
 * shuffles one feature at a time, 5 rounds each — walking as little of each tree as the change
 * can affect. Every row's path through every tree, with the original values, is walked once and
 * kept (node indices; ~30 per path on a 500 000-row forest). For a changed feature, per path:
 * - a path that never tests the feature ends in the same leaf whatever the column holds;
 * - the path's tests of the feature bound it to an interval (lo, hi]; a new value inside it takes
 *   every one of those turns as the original did, and the other tests see unchanged values, so
 *   it ends in the same leaf too;
 * - any other value is walked from the path's first test of the feature: the nodes above it test
 *   other features and send the row the same way.
 * Reading a kept path is a sequential scan, far cheaper than a walk's dependent loads. Each
 * path's leaf values are kept beside it too, in path order: a regressor's leaves mostly have
 * values of their own, anywhere in its value table (a classifier's few distinct rows since
 * LeafValueTable; the table was 29 MB on a 100 000-row forest before), and a cache miss per path
 * per round cost more than the walks saved. On a generated 100 000-row forest 43% of paths test a given feature
 * and 65% of shuffled values stay inside their interval: a round walks ~15% of the paths, from
 * halfway down.
 *
 * Each row still adds its trees' leaf values in tree order from 0 and divides by the tree count
 * at the end, as meanLeafValues does, so the results are the same numbers bit for bit.
 */
import type { PackedForest } from './packedForest';

export class ColumnRounds {
  /** The rows, row-major (nRows × nFeatures); the focused column is overwritten per round. */
  private readonly X: Float64Array;
  /** The focused feature's own values, to put back when the focus moves. */
  private readonly original: Float64Array;
  /** Every path's nodes, root to leaf, path i = t * nRows + r at path[offset[i]] … path[offset[i + 1] − 1]. */
  private path = new Int32Array(0);
  private readonly offset: Int32Array;
  /** Per path: its leaf's values (path i at leafValue[i * nOutputs …]). */
  private readonly leafValue: Float64Array;
  /** Per path: the first node testing the focused feature, or −1 when none does. */
  private readonly start: Int32Array;
  /** Per path: the interval (lo, hi] its tests of the focused feature allow. */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  /** −1: none; −2: not focused yet. */
  private focused = -2;

  /** `X`: the rows, row-major (nRows × nFeatures); copied. */
  constructor(
    private readonly forest: PackedForest,
    X: Float64Array,
    private readonly nRows: number,
    private readonly nFeatures: number,
  ) {
    this.X = X.slice(0, nRows * nFeatures);
    this.original = new Float64Array(nRows);
    const pairs = forest.nTrees * nRows;
    this.offset = new Int32Array(pairs + 1);
    this.start = new Int32Array(pairs);
    this.lo = new Float64Array(pairs);
    this.hi = new Float64Array(pairs);
    this.leafValue = new Float64Array(pairs * forest.nOutputs);
    this.walkPaths();
  }

  /**
   * Mean leaf values (nRows × nOutputs, row-major) of the rows with feature `feature`'s column
   * replaced by `column` (nRows values); with feature −1, of the rows as given.
   */
  meanLeafValues(feature: number, column?: ArrayLike<number>): Float64Array {
    const { nRows, nFeatures, X } = this;
    if (feature !== this.focused) this.focus(feature);
    if (feature >= 0) {
      if (!column || column.length !== nRows) throw new RangeError(`a round needs ${nRows} column values`);
      for (let r = 0; r < nRows; r++) X[r * nFeatures + feature] = column[r];
    }
    const { nTrees, nOutputs: k, roots, feature: split, threshold, right, value } = this.forest;
    const { start, leafValue, lo, hi } = this;
    const out = new Float64Array(nRows * k);
    for (let t = 0; t < nTrees; t++) {
      const root = roots[t];
      const o = t * nRows;
      for (let r = 0; r < nRows; r++) {
        const i = o + r;
        let node = start[i];
        let values = leafValue;
        let at = i * k;
        if (node >= 0) {
          const base = r * nFeatures;
          const v = X[base + feature];
          if (!(v > lo[i] && v <= hi[i])) {
            let f = split[node];
            while (f >= 0) {
              node = X[base + f] <= threshold[node] ? node + 1 : root + right[node];
              f = split[node];
            }
            values = value;
            at = (-1 - f) * k;
          }
        }
        if (k === 1) {
          out[r] += values[at];
        } else {
          const oo = r * k;
          for (let c = 0; c < k; c++) out[oo + c] += values[at + c];
        }
      }
    }
    for (let i = 0; i < out.length; i++) out[i] /= nTrees;
    return out;
  }

  /** Walks every tree for every row with the original values, keeping each path and its leaf's values. */
  private walkPaths(): void {
    const { nRows, nFeatures, X, offset, leafValue } = this;
    const { nTrees, nOutputs: k, roots, feature: split, threshold, right, value } = this.forest;
    // Twice: the lengths first, so the paths are stored in an array of exactly their size (one
    // grown by half held up to 2.5 times that at once: the 500 000-row job's peak rose ~20 MB here).
    for (let pass = 0; pass < 2; pass++) {
      const path = pass === 0 ? null : (this.path = new Int32Array(offset[offset.length - 1]));
      let at = 0;
      for (let t = 0; t < nTrees; t++) {
        const root = roots[t];
        for (let r = 0; r < nRows; r++) {
          const base = r * nFeatures;
          let node = root;
          let f: number;
          for (;;) {
            if (path) path[at] = node;
            at++;
            f = split[node];
            if (f < 0) break;
            node = X[base + f] <= threshold[node] ? node + 1 : root + right[node];
          }
          const i = t * nRows + r;
          offset[i + 1] = at;
          const leaf = -1 - f;
          if (path) for (let c = 0; c < k; c++) leafValue[i * k + c] = value[leaf * k + c];
        }
      }
    }
  }

  /**
   * Puts the previously focused column back and reads, from every kept path, where `feature` is
   * first tested and the interval its tests allow (feature −1: no path tests it).
   */
  private focus(feature: number): void {
    const { nRows, nFeatures, X, original, start, lo, hi, path, offset } = this;
    if (this.focused >= 0) for (let r = 0; r < nRows; r++) X[r * nFeatures + this.focused] = original[r];
    if (feature >= 0) for (let r = 0; r < nRows; r++) original[r] = X[r * nFeatures + feature];
    const { feature: split, threshold } = this.forest;
    for (let i = 0; i < start.length; i++) {
      const last = offset[i + 1] - 1;
      let first = -1;
      let low = -Infinity;
      let high = Infinity;
      for (let j = offset[i]; j < last; j++) {
        const node = path[j];
        if (split[node] !== feature) continue;
        if (first < 0) first = node;
        const cut = threshold[node];
        // The left child is the next node in preorder.
        if (path[j + 1] === node + 1) {
          if (cut < high) high = cut;
        } else if (cut > low) {
          low = cut;
        }
      }
      start[i] = first;
      lo[i] = low;
      hi[i] = high;
    }
    this.focused = feature;
  }
}
