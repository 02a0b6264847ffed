/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2) for our forests.
 *
 * The game is v(S) = E[f(x) | x_S] where a feature outside S is integrated out by following both
 * children of its splits in proportion to the training cover recorded at each node (the
 * bootstrap-weighted row count, `FlatTree.weight`). The algorithm tracks, along each root-to-leaf
 * path, the fraction of all subsets that reach the leaf, in O(leaves · depth²) per tree instead of
 * O(2^features). The forest averages its trees, so its SHAP values are the trees' averaged.
 */
import { UserFacingError } from '../errors';
import { leafIndex, treeCover, type FlatTree } from '../forest/flatTree';
import { RandomForestClassifier } from '../forest/RandomForestClassifier';
import type { RandomForestRegressor } from '../forest/RandomForestRegressor';

export type ShapForest = RandomForestClassifier | RandomForestRegressor;

export interface TreeShapResult {
  /** Per output (class for a classifier, one entry for a regressor): E[f(X)] under the tree covers. */
  readonly expectedValue: number[];
  /** outputs × features: each feature's contribution; expectedValue[c] + Σ shapValues[c] = f(x)[c]. */
  readonly shapValues: number[][];
}

/** One tree prepared for repeated explanation: covers checked, depth known. */
interface PreparedTree {
  readonly tree: FlatTree;
  readonly cover: Float64Array | Uint32Array;
  readonly maxDepth: number;
  /** Per output: the cover-weighted mean of the leaf values (the tree's v(∅)). */
  readonly expected: Float64Array;
}

function coverOf(tree: FlatTree): Float64Array | Uint32Array {
  const cover = treeCover(tree);
  if (cover) return cover;
  if (tree.samples) return Float64Array.from(tree.samples);
  throw new UserFacingError(
    'SHAP values need the training cover of each tree node; this model was imported without it. Train the model in Lime Lens to see SHAP values.',
  );
}

function depthOf(tree: FlatTree): number {
  let max = 0;
  const depth = new Int32Array(tree.nodeCount);
  for (let i = 0; i < tree.nodeCount; i++) {
    if (tree.feature[i] < 0) {
      if (depth[i] > max) max = depth[i];
      continue;
    }
    depth[i + 1] = depth[i] + 1;
    depth[tree.right[i]] = depth[i] + 1;
  }
  return max;
}

/** v(∅) per output: each leaf weighted by the product of cover fractions on its path. */
function expectedLeafValue(tree: FlatTree, cover: Float64Array | Uint32Array, nOut: number): Float64Array {
  const expected = new Float64Array(nOut);
  const reach = new Float64Array(tree.nodeCount);
  reach[0] = 1;
  for (let i = 0; i < tree.nodeCount; i++) {
    const p = reach[i];
    const f = tree.feature[i];
    if (f < 0) {
      const at = leafIndex(f) * nOut;
      for (let c = 0; c < nOut; c++) expected[c] += p * tree.value[at + c];
      continue;
    }
    const w = cover[i];
    const l = i + 1;
    const r = tree.right[i];
    reach[l] = w > 0 ? (p * cover[l]) / w : 0;
    reach[r] = w > 0 ? (p * cover[r]) / w : 0;
  }
  return expected;
}

/**
 * The path of unique features from the root to the current node, one frame per recursion level
 * stored back to back in flat arrays (the frame at level k holds at most k + 1 elements).
 */
class PathStore {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly pweight: Float64Array;
  constructor(maxDepth: number) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.pweight = new Float64Array(size);
  }
}

/** Adds an element (fractions zero / one, feature) at position `depth` of the path at `at`. */
function extend(p: PathStore, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.pweight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.pweight[at + i + 1] += (one * p.pweight[at + i] * (i + 1)) / (depth + 1);
    p.pweight[at + i] = (zero * p.pweight[at + i] * (depth - i)) / (depth + 1);
  }
}

/** Removes element `index` from the path of length depth + 1 (undoes its extend). */
function unwind(p: PathStore, at: number, depth: number, index: number): void {
  const one = p.one[at + index];
  const zero = p.zero[at + index];
  let next = p.pweight[at + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.pweight[at + i];
      p.pweight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (p.pweight[at + i] * zero * (depth - i)) / (depth + 1);
    } else {
      p.pweight[at + i] = (p.pweight[at + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1];
    p.zero[at + i] = p.zero[at + i + 1];
    p.one[at + i] = p.one[at + i + 1];
  }
}

/** Total permutation weight of the path with element `index` unwound (without changing it). */
function unwoundSum(p: PathStore, at: number, depth: number, index: number): number {
  const one = p.one[at + index];
  const zero = p.zero[at + index];
  let total = 0;
  if (one !== 0) {
    let next = p.pweight[at + depth];
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next / ((i + 1) * one);
      total += tmp;
      next = p.pweight[at + i] - tmp * zero * (depth - i);
    }
  } else if (zero !== 0) {
    for (let i = depth - 1; i >= 0; i--) total += p.pweight[at + i] / (zero * (depth - i));
  }
  return total * (depth + 1);
}

/**
 * Adds one tree's SHAP values for row x into phi (outputs × features, row-major), scaled by
 * `scale` (1 / number of trees).
 */
function treeShapInto(
  t: PreparedTree,
  x: ArrayLike<number>,
  nOut: number,
  nFeatures: number,
  phi: Float64Array,
  scale: number,
  path: PathStore,
): void {
  const { tree, cover } = t;
  const recurse = (
    node: number,
    depth: number,
    parentAt: number,
    at: number,
    zero: number,
    one: number,
    feature: number,
  ): void => {
    // This frame's path (from `at`, after the parent's frame): a copy of the parent's first
    // `depth` elements, then the new one.
    if (depth > 0) {
      path.feature.copyWithin(at, parentAt, parentAt + depth);
      path.zero.copyWithin(at, parentAt, parentAt + depth);
      path.one.copyWithin(at, parentAt, parentAt + depth);
      path.pweight.copyWithin(at, parentAt, parentAt + depth);
    }
    extend(path, at, depth, zero, one, feature);
    const split = tree.feature[node];
    if (split < 0) {
      const leaf = leafIndex(split) * nOut;
      for (let i = 1; i <= depth; i++) {
        const w = unwoundSum(path, at, depth, i) * (path.one[at + i] - path.zero[at + i]) * scale;
        const f = path.feature[at + i];
        for (let c = 0; c < nOut; c++) phi[c * nFeatures + f] += w * tree.value[leaf + c];
      }
      return;
    }
    // NaN fails `<=` and goes right, as in prediction.
    const goesLeft = x[split] <= tree.threshold[node];
    // Preorder: the left child is the next node.
    const hot = goesLeft ? node + 1 : tree.right[node];
    const cold = goesLeft ? tree.right[node] : node + 1;
    const w = cover[node];
    const hotZero = w > 0 ? cover[hot] / w : 0;
    const coldZero = w > 0 ? cover[cold] / w : 0;
    let inZero = 1;
    let inOne = 1;
    let d = depth;
    let k = 1;
    while (k <= d && path.feature[at + k] !== split) k++;
    if (k <= d) {
      inZero = path.zero[at + k];
      inOne = path.one[at + k];
      unwind(path, at, d, k);
      d--;
    }
    const next = at + depth + 1;
    recurse(hot, d + 1, at, next, hotZero * inZero, inOne, split);
    recurse(cold, d + 1, at, next, coldZero * inZero, 0, split);
  };
  recurse(0, 0, 0, 0, 1, 1, -1);
}

/**
 * Reusable TreeSHAP for one forest: prepares the trees once, then explains rows.
 * Throws a UserFacingError for models whose trees carry no cover counts (imported ones).
 */
export class TreeShapExplainer {
  readonly nOutputs: number;
  readonly nFeatures: number;
  /** Per output: the forest's expected value (mean of the trees'). */
  readonly expectedValue: Float64Array;
  private readonly prepared: PreparedTree[];
  private readonly path: PathStore;

  constructor(forest: ShapForest) {
    const classifier = forest instanceof RandomForestClassifier;
    this.nOutputs = classifier ? forest.nClasses : 1;
    this.nFeatures = forest.nFeatures;
    const trees = forest.trees;
    this.prepared = trees.map((tree) => {
      const cover = coverOf(tree);
      return {
        tree,
        cover,
        maxDepth: depthOf(tree),
        expected: expectedLeafValue(tree, cover, this.nOutputs),
      };
    });
    const maxDepth = this.prepared.reduce((m, t) => Math.max(m, t.maxDepth), 0);
    // The recursion uses frames 0..maxDepth + 1 (the leaf frame included).
    this.path = new PathStore(maxDepth + 1);
    this.expectedValue = new Float64Array(this.nOutputs);
    for (const t of this.prepared) {
      for (let c = 0; c < this.nOutputs; c++) this.expectedValue[c] += t.expected[c] / trees.length;
    }
  }

  /** SHAP values of one encoded row into `out` (outputs × features, row-major), which is overwritten. */
  shapInto(row: ArrayLike<number>, out: Float64Array): Float64Array {
    if (row.length !== this.nFeatures) {
      throw new RangeError(`the row has ${row.length} features; the model was trained on ${this.nFeatures}`);
    }
    out.fill(0);
    const scale = 1 / this.prepared.length;
    for (const t of this.prepared) treeShapInto(t, row, this.nOutputs, this.nFeatures, out, scale, this.path);
    return out;
  }

  /** SHAP values of one encoded row. */
  explain(row: ArrayLike<number>): TreeShapResult {
    const flat = this.shapInto(row, new Float64Array(this.nOutputs * this.nFeatures));
    return {
      expectedValue: Array.from(this.expectedValue),
      shapValues: Array.from({ length: this.nOutputs }, (_, c) =>
        Array.from(flat.subarray(c * this.nFeatures, (c + 1) * this.nFeatures)),
      ),
    };
  }
}

const explainers = new WeakMap<ShapForest, TreeShapExplainer>();

/**
 * Exact path-dependent TreeSHAP of one encoded row (numbers, as the forest takes them).
 * Classification: expectedValue[c] and shapValues[c][feature] per class (probability units);
 * regression: one entry of each (target units). expectedValue + Σ shapValues = the forest's output.
 */
export function treeShap(model: ShapForest, row: ArrayLike<number>): TreeShapResult {
  let explainer = explainers.get(model);
  if (!explainer) explainers.set(model, (explainer = new TreeShapExplainer(model)));
  return explainer.explain(row);
}
