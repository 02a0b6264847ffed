/** A tree's per-node arrays while it grows, and the FlatTree it becomes. */
import { compactCover, type FlatTree } from './flatTree';
import { scratchBuffer, type TreeScratch } from './treeScratch';

/**
 * Node arrays with room for `capacity` nodes, grown (×1.5) when a tree turns out larger. The
 * histogram search starts them at half its in-bag rows, not at the 2m − 1 nodes a tree could
 * have: measured trees have ~0.35 nodes per in-bag row, and each thread allocates these once per
 * tree. Every node written gets all its fields (`right` -1 until a right child is added).
 * With a scratch, the arrays are the grower's own from tree to tree and toTree gives only what a
 * forest keeps.
 */
export class NodeArrays {
  feature: Int32Array;
  threshold: Float64Array;
  right: Int32Array;
  value: Float64Array;
  samples: Int32Array;
  weight: Float64Array;
  impurity: Float64Array;

  constructor(
    private capacity: number,
    private readonly nOut: number,
    private readonly scratch?: TreeScratch,
  ) {
    this.feature = this.take('nodeFeature', capacity, (n) => new Int32Array(n));
    this.threshold = this.take('nodeThreshold', capacity, (n) => new Float64Array(n));
    this.right = this.take('nodeRight', capacity, (n) => new Int32Array(n));
    this.value = this.take('nodeValue', capacity * nOut, (n) => new Float64Array(n));
    this.samples = this.take('nodeSamples', capacity, (n) => new Int32Array(n));
    this.weight = this.take('nodeWeight', capacity, (n) => new Float64Array(n));
    this.impurity = this.take('nodeImpurity', capacity, (n) => new Float64Array(n));
  }

  private take<A extends Int32Array | Float64Array>(name: string, n: number, make: (n: number) => A): A {
    return scratchBuffer(this.scratch, name, n, make);
  }

  /**
   * Makes room for node `id` (ids are handed out in order) and marks it a leaf without a right
   * child (threshold 0: reused arrays hold an earlier tree's numbers).
   */
  add(id: number): void {
    if (id >= this.capacity) this.grow(Math.max(id + 1, Math.ceil(this.capacity * 1.5)));
    this.feature[id] = -1;
    this.threshold[id] = 0;
    this.right[id] = -1;
  }

  private grow(capacity: number): void {
    const n = this.capacity;
    const k = this.nOut;
    const copy = <A extends Int32Array | Float64Array>(old: A, fresh: A, per: number): A => {
      fresh.set(old.subarray(0, n * per));
      return fresh;
    };
    const i32 = (m: number) => new Int32Array(m);
    const f64 = (m: number) => new Float64Array(m);
    this.feature = copy(this.feature, this.take('nodeFeature', capacity, i32), 1);
    this.threshold = copy(this.threshold, this.take('nodeThreshold', capacity, f64), 1);
    this.right = copy(this.right, this.take('nodeRight', capacity, i32), 1);
    this.value = copy(this.value, this.take('nodeValue', capacity * k, f64), k);
    this.samples = copy(this.samples, this.take('nodeSamples', capacity, i32), 1);
    this.weight = copy(this.weight, this.take('nodeWeight', capacity, f64), 1);
    this.impurity = copy(this.impurity, this.take('nodeImpurity', capacity, f64), 1);
    this.capacity = capacity;
  }

  /** The first `nodeCount` nodes as a FlatTree of their own (each array owns its buffer). */
  toTree(nodeCount: number): FlatTree {
    const weight = this.weight.subarray(0, nodeCount);
    const cover = compactCover(weight);
    const tree: FlatTree = {
      nodeCount,
      feature: this.feature.slice(0, nodeCount),
      threshold: this.threshold.slice(0, nodeCount),
      right: this.right.slice(0, nodeCount),
      value: this.value.slice(0, nodeCount * this.nOut),
      weight: cover === weight ? weight.slice() : cover,
    };
    if (this.scratch) return tree;
    return {
      ...tree,
      samples: this.samples.slice(0, nodeCount),
      impurity: this.impurity.slice(0, nodeCount),
    };
  }
}
