/**
 * All trees of a forest concatenated into one set of typed arrays, and the prediction loops over
 * them. Trees are the outer loop so one tree's nodes stay in cache while every row walks it; the
 * preorder layout (left child = next node) saves a load per step (~10% measured). Blocking rows
 * and walking four rows at once were measured too and did not help.
 */
import { compactCover, type FlatTree } from './flatTree';

export interface PackedForest {
  readonly nTrees: number;
  /** Values per leaf: number of classes, or 1 for regression. */
  readonly nOutputs: number;
  readonly roots: Int32Array;
  /** Per tree, its first leaf's row of `value`: leaf code f (< 0) of tree t is row leafRoots[t] − 1 − f. */
  readonly leafRoots: Int32Array;
  /** Split feature per node; a leaf's code as in FlatTree (−1 − its index among its tree's leaves). */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /**
   * Each split node's right child, counted from its tree's root (roots[t] + right[node] is the
   * absolute index); -1 for leaves. The left child is always node + 1. Relative, so the trees'
   * own `right` arrays are views of this one rather than a second copy.
   */
  readonly right: Int32Array;
  /** Leaves × nOutputs, tree after tree (each tree's leaves in preorder). */
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
  let leaves = 0;
  for (const t of trees) {
    total += t.nodeCount;
    leaves += t.value.length / nOutputs;
  }
  const packer = new ForestPacker(trees.length, nOutputs, { nodes: total, leaves });
  trees.forEach((t, i) => packer.add(i, t));
  return packer.finish();
}

/**
 * Packs a forest's trees while they are grown, so a trained forest is never held twice. Trees may
 * arrive in any order (threads finish out of turn); each is copied into the packed arrays once
 * the trees before it are in (roots ascend in tree order, as compiledForest expects), and only its
 * cover stays beside them. The trees finish() returns are views: feature, threshold, right and
 * value are the packed arrays' own numbers. Per node a trained classifier on two classes holds
 * 16 bytes packed (feature, threshold, right) + 4 (cover), and per leaf 16 (value): with about
 * as many leaves as split nodes, 28 bytes per node.
 *
 * The total is unknown until the last tree: after the first tree the arrays are sized for the
 * whole forest from its node count with a margin, and grown (copied) only if the trees turn out
 * larger. Pages of the margin that are never written are never made resident by the OS.
 */
export class ForestPacker {
  private feature = new Int32Array(0);
  private threshold = new Float64Array(0);
  private right = new Int32Array(0);
  private value = new Float64Array(0);
  private used = 0;
  private leavesUsed = 0;
  /** Next tree index to place; later ones wait in `pending`. */
  private next = 0;
  private readonly pending = new Map<number, FlatTree>();
  private readonly roots: Int32Array;
  private readonly leafRoots: Int32Array;
  private readonly kept: {
    nodeCount: number;
    weight?: Float64Array | Uint32Array;
    samples?: Int32Array;
  }[] = [];

  /** `total` nodes and leaves, when known, size the arrays exactly. */
  constructor(
    readonly nTrees: number,
    readonly nOutputs: number,
    total?: { nodes: number; leaves: number },
  ) {
    this.roots = new Int32Array(nTrees);
    this.leafRoots = new Int32Array(nTrees);
    if (total) this.resize(total.nodes, total.leaves);
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
    const leaves = t.value.length / k;
    const nodes = this.used + n;
    const allLeaves = this.leavesUsed + leaves;
    if (nodes > this.feature.length || allLeaves * k > this.value.length) {
      const placed = this.next + 1;
      const margin = placed === 1 ? 1.15 : 1.05;
      const room = (sum: number) => Math.ceil((sum / placed) * this.nTrees * margin);
      this.resize(Math.max(nodes, room(nodes)), Math.max(allLeaves, room(allLeaves)));
    }
    const at = this.used;
    this.roots[this.next] = at;
    this.leafRoots[this.next] = this.leavesUsed;
    this.feature.set(t.feature.subarray(0, n), at);
    this.threshold.set(t.threshold.subarray(0, n), at);
    this.value.set(t.value, this.leavesUsed * k);
    this.right.set(t.right.subarray(0, n), at);
    this.kept.push({
      nodeCount: n,
      // Cover for TreeSHAP: the bootstrap weight, or distinct rows for models saved without it.
      ...(t.weight ? { weight: compactCover(t.weight) } : t.samples ? { samples: t.samples } : {}),
    });
    this.used = nodes;
    this.leavesUsed = allLeaves;
    this.next++;
  }

  /** Room for at least `nodes` nodes and `leaves` leaves, what is packed so far copied over. */
  private resize(nodes: number, leaves: number): void {
    const grow = <A extends Int32Array | Float64Array>(
      old: A,
      make: (n: number) => A,
      length: number,
      used: number,
    ): A => {
      if (old.length >= length) return old;
      const a = make(length);
      a.set(old.subarray(0, used));
      return a;
    };
    const k = this.nOutputs;
    this.feature = grow(this.feature, (n) => new Int32Array(n), nodes, this.used);
    this.threshold = grow(this.threshold, (n) => new Float64Array(n), nodes, this.used);
    this.right = grow(this.right, (n) => new Int32Array(n), nodes, this.used);
    this.value = grow(this.value, (n) => new Float64Array(n), leaves * k, this.leavesUsed * k);
  }

  /** The packed forest and its trees as views; every tree must have been added. */
  finish(): { packed: PackedForest; trees: FlatTree[] } {
    if (this.next !== this.nTrees) throw new RangeError(`${this.nTrees - this.next} trees were not packed`);
    const k = this.nOutputs;
    const total = this.used;
    const packed: PackedForest = {
      nTrees: this.nTrees,
      nOutputs: k,
      roots: this.roots,
      leafRoots: this.leafRoots,
      feature: this.feature.subarray(0, total),
      threshold: this.threshold.subarray(0, total),
      right: this.right.subarray(0, total),
      value: this.value.subarray(0, this.leavesUsed * k),
    };
    const trees = this.kept.map((t, i): FlatTree => {
      const at = this.roots[i];
      const leaf = this.leafRoots[i];
      const leafEnd = i + 1 < this.nTrees ? this.leafRoots[i + 1] : this.leavesUsed;
      return {
        ...t,
        feature: packed.feature.subarray(at, at + t.nodeCount),
        threshold: packed.threshold.subarray(at, at + t.nodeCount),
        right: packed.right.subarray(at, at + t.nodeCount),
        value: packed.value.subarray(leaf * k, leafEnd * k),
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
  const { nTrees, roots, leafRoots, feature, threshold, right } = forest;
  const out = new Int32Array(nTrees * nRows);
  for (let t = 0; t < nTrees; t++) {
    const root = roots[t];
    const leafRoot = leafRoots[t];
    const o = t * nRows;
    for (let r = 0; r < nRows; r++) {
      const base = r * nFeatures;
      let node = root;
      let f = feature[node];
      while (f >= 0) {
        node = X[base + f] <= threshold[node] ? node + 1 : root + right[node];
        f = feature[node];
      }
      out[o + r] = leafRoot - 1 - f;
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
  const { nTrees, nOutputs: k, roots, leafRoots, feature, threshold, right, value } = forest;
  const out = new Float64Array(nRows * k);
  for (let t = 0; t < nTrees; t++) {
    const root = roots[t];
    const leafRoot = leafRoots[t];
    for (let r = 0; r < nRows; r++) {
      const base = r * nFeatures;
      let node = root;
      let f = feature[node];
      while (f >= 0) {
        node = X[base + f] <= threshold[node] ? node + 1 : root + right[node];
        f = feature[node];
      }
      // The leaf's code names its row of values: no load beyond the feature it already read.
      const leaf = leafRoot - 1 - f;
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
