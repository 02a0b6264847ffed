/** A tree's per-node arrays while it grows, and the FlatTree it becomes. */
import { compactCover, keepLeafValues, type FlatTree } from './flatTree';
import { scratchBuffer, type TreeScratch, type TypedArrayType } from './treeScratch';

/**
 * Node arrays with room for `capacity` nodes, grown (×1.5) when a tree turns out larger. The
 * histogram search starts them at half its in-bag rows, not at the 2m − 1 nodes a tree could
 * have: measured trees have ~0.35 nodes per in-bag row, and each thread allocates these once per
 * tree. Every node written gets all its fields (`right` -1 until a right child is added), a
 * value row included: while it grows a node is a leaf until it splits. With a scratch, the arrays
 * are the grower's own from tree to tree and toTree gives only what a forest keeps.
 */
export class NodeArrays {
  feature = new Int32Array(0);
  threshold = new Float64Array(0);
  right = new Int32Array(0);
  value = new Float64Array(0);
  samples = new Int32Array(0);
  weight = new Float64Array(0);
  impurity = new Float64Array(0);
  /** Nodes the arrays have room for. */
  private capacity = 0;

  constructor(
    capacity: number,
    private readonly nOut: number,
    private readonly scratch?: TreeScratch,
  ) {
    this.grow(capacity);
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

  /** Room for `capacity` nodes, the nodes so far copied over. */
  private grow(capacity: number): void {
    const n = this.capacity;
    const k = this.nOut;
    const room = <A extends Int32Array | Float64Array>(
      name: string,
      old: A,
      Type: TypedArrayType<A>,
      per: number,
    ): A => {
      const fresh = scratchBuffer(this.scratch, name, capacity * per, Type);
      fresh.set(old.subarray(0, n * per));
      return fresh;
    };
    this.feature = room('nodeFeature', this.feature, Int32Array, 1);
    this.threshold = room('nodeThreshold', this.threshold, Float64Array, 1);
    this.right = room('nodeRight', this.right, Int32Array, 1);
    this.value = room('nodeValue', this.value, Float64Array, k);
    this.samples = room('nodeSamples', this.samples, Int32Array, 1);
    this.weight = room('nodeWeight', this.weight, Float64Array, 1);
    this.impurity = room('nodeImpurity', this.impurity, Float64Array, 1);
    this.capacity = capacity;
  }

  /**
   * The first `nodeCount` nodes as a FlatTree of their own (each array owns its buffer), in its
   * leaf form: the leaves numbered and only their values kept.
   */
  toTree(nodeCount: number): FlatTree {
    const weight = this.weight.subarray(0, nodeCount);
    const cover = compactCover(weight);
    const feature = this.feature.slice(0, nodeCount);
    const tree: FlatTree = {
      nodeCount,
      feature,
      threshold: this.threshold.slice(0, nodeCount),
      right: this.right.slice(0, nodeCount),
      value: keepLeafValues(feature, this.value, this.nOut),
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
