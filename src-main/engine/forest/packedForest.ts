/**
 * All trees of a forest concatenated into one set of typed arrays, and the prediction loops over
 * them. Trees are the outer loop so one tree's nodes stay in cache while every row walks it; the
 * preorder layout (left child = next node) saves a load per step (~10% measured). Blocking rows
 * and walking four rows at once were measured too and did not help.
 */
import { compactCover, leafIndex, type FlatTree } from './flatTree';
import { LeafValueTable } from './leafValueTable';

export interface PackedForest {
  readonly nTrees: number;
  /** Values per leaf: number of classes, or 1 for regression. */
  readonly nOutputs: number;
  readonly roots: Int32Array;
  /** Split feature per node; a leaf holds −1 − its row of `value` (FlatTree's leaf code). */
  readonly feature: Int32Array;
  /** Float32 when every threshold is a float32 value (a histogram forest's cuts, see cutBetween). */
  readonly threshold: Float64Array | Float32Array;
  /**
   * Each split node's right child, counted from its tree's root (roots[t] + right[node] is the
   * absolute index); -1 for leaves. The left child is always node + 1. Relative, so the trees'
   * own `right` arrays are views of this one rather than a second copy.
   */
  readonly right: Int32Array;
  /**
   * The distinct leaf value rows × nOutputs, shared by all trees (LeafValueTable): a classifier's
   * pure leaves all name one of a few rows.
   */
  readonly value: Float64Array;
}

/** Packs complete trees (their total size known, so the arrays are allocated once, exactly). */
export function packTrees(trees: readonly FlatTree[], nOutputs: number): PackedForest {
  return packAll(trees, nOutputs).packed;
}

/** packTrees, also returning the trees as views into the packed arrays (see ForestPacker). */
export function packAll(
  trees: readonly FlatTree[],
  nOutputs: number,
): { packed: PackedForest; trees: FlatTree[] } {
  let total = 0;
  for (const t of trees) total += t.nodeCount;
  const packer = new ForestPacker(trees.length, nOutputs, total);
  trees.forEach((t, i) => packer.add(i, t));
  return packer.finish();
}

/**
 * Packs a forest's trees while they are grown, so a trained forest is never held twice. Trees may
 * arrive in any order (threads finish out of turn); each is copied into the packed arrays once
 * the trees before it are in (roots ascend in tree order, as compiledForest expects). The trees
 * finish() returns are views: feature, threshold and right are the packed arrays' own numbers,
 * and every tree's `value` is the forest's one table of distinct leaf rows (LeafValueTable),
 * which its leaf codes name. A whole-count cover (bootstrap weights) goes into the leaves'
 * threshold slots, unused otherwise (FlatTree.coverInLeaves; treeCover sums it back up the
 * tree). Per node a trained classifier holds 16 bytes (feature, threshold, right): it was 36
 * with per-leaf values and a cover array beside the trees.
 *
 * The total is unknown until the last tree: after the first tree the arrays are sized for the
 * whole forest from its node count with a margin, and grown (copied) only if the trees turn out
 * larger. Pages of the margin that are never written are never made resident by the OS.
 */
export class ForestPacker {
  private feature = new Int32Array(0);
  private threshold: Float64Array | Float32Array;
  private right = new Int32Array(0);
  private readonly values: LeafValueTable;
  private used = 0;
  /** Next tree index to place; later ones wait in `pending`. */
  private next = 0;
  private readonly pending = new Map<number, FlatTree>();
  private readonly roots: Int32Array;
  private readonly kept: {
    nodeCount: number;
    weight?: Float64Array;
    samples?: Int32Array;
    coverInLeaves?: true;
  }[] = [];

  /**
   * `totalNodes`, when known, sizes the arrays exactly. `float32`: every threshold the trees
   * bring is a float32 value and every cover below 2^24, so 4 bytes hold them exactly.
   */
  constructor(
    readonly nTrees: number,
    readonly nOutputs: number,
    totalNodes?: number,
    private readonly float32 = false,
  ) {
    this.threshold = float32 ? new Float32Array(0) : new Float64Array(0);
    this.roots = new Int32Array(nTrees);
    this.values = new LeafValueTable(nOutputs);
    if (totalNodes !== undefined) this.resize(totalNodes);
  }

  /** Tree `index` (0-based) of the forest; each index once. */
  add(index: number, tree: FlatTree): void {
    if (!(index >= this.next && index < this.nTrees) || this.pending.has(index)) {
      throw new RangeError(`Tree ${index} was already packed or is out of range`);
    }
    this.pending.set(index, tree);
    for (let t = this.pending.get(this.next); t; t = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      this.place(t);
    }
  }

  private place(t: FlatTree): void {
    const n = t.nodeCount;
    const k = this.nOutputs;
    const nodes = this.used + n;
    if (nodes > this.feature.length) {
      const placed = this.next + 1;
      const margin = placed === 1 ? 1.15 : 1.05;
      this.resize(Math.max(nodes, Math.ceil((nodes / placed) * this.nTrees * margin)));
    }
    const at = this.used;
    this.roots[this.next] = at;
    const feature = this.feature;
    for (let i = 0; i < n; i++) {
      const f = t.feature[i];
      // A leaf names its row of the shared table instead of its tree's own.
      feature[at + i] = f >= 0 ? f : -1 - this.values.rowOf(t.value, leafIndex(f) * k);
    }
    this.threshold.set(t.threshold.subarray(0, n), at);
    if (this.float32) {
      for (let i = at; i < at + n; i++)
        if (feature[i] >= 0 && this.threshold[i] !== t.threshold[i - at])
          throw new RangeError(`Tree ${this.next}: a threshold is not a float32 value`);
    }
    this.right.set(t.right.subarray(0, n), at);
    // Cover for TreeSHAP: whole counts (bootstrap weights) go into the leaves' threshold slots;
    // fractional ones stay beside the tree, and models saved without them keep distinct rows.
    const weight = t.weight && compactCover(t.weight);
    if (t.coverInLeaves || weight instanceof Uint32Array) {
      if (weight) for (let i = 0; i < n; i++) if (t.feature[i] < 0) this.threshold[at + i] = weight[i];
      this.kept.push({ nodeCount: n, coverInLeaves: true });
    } else {
      this.kept.push({ nodeCount: n, ...(weight ? { weight } : t.samples ? { samples: t.samples } : {}) });
    }
    this.used = nodes;
    this.next++;
  }

  /** Room for at least `nodes` nodes, what is packed so far copied over. */
  private resize(nodes: number): void {
    const grow = <A extends Int32Array | Float64Array | Float32Array>(old: A, make: (n: number) => A): A => {
      if (old.length >= nodes) return old;
      const a = make(nodes);
      a.set(old.subarray(0, this.used));
      return a;
    };
    this.feature = grow(this.feature, (n) => new Int32Array(n));
    this.threshold = grow(this.threshold, (n) => (this.float32 ? new Float32Array(n) : new Float64Array(n)));
    this.right = grow(this.right, (n) => new Int32Array(n));
  }

  /** The packed forest and its trees as views; every tree must have been added. */
  finish(): { packed: PackedForest; trees: FlatTree[] } {
    if (this.next !== this.nTrees) throw new RangeError(`${this.nTrees - this.next} trees were not packed`);
    const total = this.used;
    const packed: PackedForest = {
      nTrees: this.nTrees,
      nOutputs: this.nOutputs,
      roots: this.roots,
      feature: this.feature.subarray(0, total),
      threshold: this.threshold.subarray(0, total),
      right: this.right.subarray(0, total),
      value: this.values.table(),
    };
    const trees = this.kept.map((t, i): FlatTree => {
      const at = this.roots[i];
      return {
        ...t,
        feature: packed.feature.subarray(at, at + t.nodeCount),
        threshold: packed.threshold.subarray(at, at + t.nodeCount),
        right: packed.right.subarray(at, at + t.nodeCount),
        value: packed.value,
      };
    });
    return { packed, trees };
  }
}

/**
 * The leaf reached by each row in each tree, as its row of the packed `value` (leaves × nOutputs):
 * out[t * nRows + r]. X is row-major (rows × nFeatures).
 */
export function leafIndices(
  forest: PackedForest,
  X: Float64Array,
  nRows: number,
  nFeatures: number,
): Int32Array {
  const { nTrees, roots, feature, threshold, right } = forest;
  const out = new Int32Array(nTrees * nRows);
  for (let t = 0; t < nTrees; t++) {
    const root = roots[t];
    const o = t * nRows;
    for (let r = 0; r < nRows; r++) {
      const base = r * nFeatures;
      let node = root;
      let f = feature[node];
      while (f >= 0) {
        node = X[base + f] <= threshold[node] ? node + 1 : root + right[node];
        f = feature[node];
      }
      out[o + r] = -1 - f;
    }
  }
  return out;
}

/**
 * Mean over trees of the leaf values reached by each row: rows × nOutputs, row-major.
 * For classifiers these are the averaged leaf class fractions (scikit-learn's predict_proba).
 */
export function meanLeafValues(
  forest: PackedForest,
  X: Float64Array,
  nRows: number,
  nFeatures: number,
): Float64Array {
  const { nTrees, nOutputs: k, roots, feature, threshold, right, value } = forest;
  const out = new Float64Array(nRows * k);
  for (let t = 0; t < nTrees; t++) {
    const root = roots[t];
    for (let r = 0; r < nRows; r++) {
      const base = r * nFeatures;
      let node = root;
      let f = feature[node];
      while (f >= 0) {
        node = X[base + f] <= threshold[node] ? node + 1 : root + right[node];
        f = feature[node];
      }
      // The leaf's code names its row of values: no load beyond the feature it already read.
      const leaf = -1 - f;
      if (k === 1) {
        out[r] += value[leaf];
      } else if (k === 2) {
        out[2 * r] += value[2 * leaf];
        out[2 * r + 1] += value[2 * leaf + 1];
      } else {
        const vo = leaf * k;
        const oo = r * k;
        for (let c = 0; c < k; c++) out[oo + c] += value[vo + c];
      }
    }
  }
  // Division, not multiplication by 1/nTrees, so regression means equal a plain sum / count.
  for (let i = 0; i < out.length; i++) out[i] /= nTrees;
  return out;
}

/** argmaxAt for each row of a rows × k row-major array (class probabilities → class indices). */
export function argmaxPerRow(values: Float64Array, nRows: number, k: number): Int32Array {
  const out = new Int32Array(nRows);
  for (let r = 0; r < nRows; r++) out[r] = argmaxAt(values, r * k, k);
  return out;
}

/** Index of the largest of k values starting at `offset`; the first one on ties (numpy's argmax). */
export function argmaxAt(values: Float64Array, offset: number, k: number): number {
  let best = 0;
  let bestValue = values[offset];
  for (let c = 1; c < k; c++) {
    if (values[offset + c] > bestValue) {
      bestValue = values[offset + c];
      best = c;
    }
  }
  return best;
}
