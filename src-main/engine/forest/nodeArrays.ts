/** A tree's per-node arrays while it grows, and the FlatTree it becomes. */
import { compactCover, type FlatTree } from './flatTree';

/**
 * Node arrays with room for `capacity` nodes, grown (×1.5) when a tree turns out larger. The
 * histogram search starts them at half its in-bag rows, not at the 2m − 1 nodes a tree could
 * have: measured trees have ~0.35 nodes per in-bag row, and each thread allocates these once per
 * tree. Every node written gets all its fields (`right` -1 until a right child is added).
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
  ) {
    this.feature = new Int32Array(capacity);
    this.threshold = new Float64Array(capacity);
    this.right = new Int32Array(capacity);
    this.value = new Float64Array(capacity * nOut);
    this.samples = new Int32Array(capacity);
    this.weight = new Float64Array(capacity);
    this.impurity = new Float64Array(capacity);
  }

  /** Makes room for node `id` (ids are handed out in order) and marks it a leaf without a right child. */
  add(id: number): void {
    if (id >= this.capacity) this.grow(Math.max(id + 1, Math.ceil(this.capacity * 1.5)));
    this.feature[id] = -1;
    this.right[id] = -1;
  }

  private grow(capacity: number): void {
    const n = this.capacity;
    const k = this.nOut;
    const copy = <A extends Int32Array | Float64Array>(old: A, fresh: A, per: number): A => {
      fresh.set(old.subarray(0, n * per));
      return fresh;
    };
    this.feature = copy(this.feature, new Int32Array(capacity), 1);
    this.threshold = copy(this.threshold, new Float64Array(capacity), 1);
    this.right = copy(this.right, new Int32Array(capacity), 1);
    this.value = copy(this.value, new Float64Array(capacity * k), k);
    this.samples = copy(this.samples, new Int32Array(capacity), 1);
    this.weight = copy(this.weight, new Float64Array(capacity), 1);
    this.impurity = copy(this.impurity, new Float64Array(capacity), 1);
    this.capacity = capacity;
  }

  /** The first `nodeCount` nodes as a FlatTree of their own (each array owns its buffer). */
  toTree(nodeCount: number): FlatTree {
    return {
      nodeCount,
      feature: this.feature.slice(0, nodeCount),
      threshold: this.threshold.slice(0, nodeCount),
      right: this.right.slice(0, nodeCount),
      value: this.value.slice(0, nodeCount * this.nOut),
      samples: this.samples.slice(0, nodeCount),
      weight: compactCover(this.weight.slice(0, nodeCount)),
      impurity: this.impurity.slice(0, nodeCount),
    };
  }
}
