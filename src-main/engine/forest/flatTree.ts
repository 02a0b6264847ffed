/**
 * One decision tree as parallel typed arrays, nodes in depth-first preorder (root = 0, a split
 * node's left child is the next node, so only the right child is stored). A row goes left when
 * `x[feature] <= threshold` (scikit-learn's rule); NaN therefore goes right.
 *
 * A trained forest keeps per node only what prediction, TreeSHAP and the saved model read:
 * feature, threshold, right child and the cover (`weight`), and values for its leaves only (no
 * reader looks at a split node's value). `samples` and `impurity` are what growTree reports about
 * its own nodes (tests and diagnostics); forests do not keep them.
 */
export interface FlatTree {
  readonly nodeCount: number;
  /**
   * Split feature per node (≥ 0); a leaf holds −1 − its row of `value`, so `feature < 0` marks a
   * leaf and a walk finds its values from the number it already loaded: value[(−1 − feature) ×
   * nOutputs …]. A grown or loaded tree numbers its leaves 0, 1, … in preorder; a forest's trees
   * name rows of the forest's shared table (ForestPacker), so leaves may share a row.
   */
  readonly feature: Int32Array;
  /** Float32 in a forest whose thresholds all are float32 values (ForestPacker). */
  readonly threshold: Float64Array | Float32Array;
  /** Right child index per split node, -1 for leaves (the left child is node + 1). */
  readonly right: Int32Array;
  /**
   * Rows × nOutputs that the leaves name: weighted class fractions (classifier) or weighted mean
   * (regressor). A grown tree's leaves in preorder; in a forest, its table of distinct rows.
   */
  readonly value: Float64Array;
  /**
   * Bootstrap-weighted training rows reaching each node, TreeSHAP's cover (absent for imported
   * models). Read it with treeCover: a forest's trees keep it in their leaves (coverInLeaves).
   */
  readonly weight?: Float64Array | Uint32Array;
  /**
   * The cover is in the leaves' `threshold` slots (a leaf has no threshold) and a split's cover
   * is the sum of its leaves': a forest keeps whole-count covers this way (ForestPacker), 4 bytes
   * a node less. treeCover rebuilds the per-node array.
   */
  readonly coverInLeaves?: boolean;
  /** Distinct training rows reaching each node (growTree's output and older saved models). */
  readonly samples?: Int32Array;
  /** Gini impurity (classifier) or weighted variance (regressor) per node (growTree's output). */
  readonly impurity?: Float64Array;
}

/**
 * The cover as 32-bit integers when every value is a whole number that fits (bootstrap counts
 * always are: half the bytes, the same numbers); otherwise unchanged.
 */
export function compactCover(weight: Float64Array | Uint32Array): Float64Array | Uint32Array {
  if (weight instanceof Uint32Array) return weight;
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i];
    if (!(w >= 0 && w <= 0xffffffff && Math.floor(w) === w)) return weight;
  }
  return Uint32Array.from(weight);
}

/**
 * The tree's cover per node (see `weight`), rebuilt from its leaves when it keeps it there
 * (coverInLeaves); undefined when the tree has none.
 */
export function treeCover(tree: FlatTree): Float64Array | Uint32Array | undefined {
  if (tree.weight) return tree.weight;
  if (!tree.coverInLeaves) return undefined;
  const { nodeCount: n, feature, threshold, right } = tree;
  const cover = new Uint32Array(n);
  // Children come after their parent in preorder, so one backward pass sums them.
  for (let i = n - 1; i >= 0; i--) cover[i] = feature[i] < 0 ? threshold[i] : cover[i + 1] + cover[right[i]];
  return cover;
}

/** The row of `value` named by the leaf whose feature slot holds `code` (< 0). */
export function leafIndex(code: number): number {
  return -1 - code;
}

/**
 * FlatTree's leaf form of a tree whose leaves are marked −1 and whose values are per node
 * (nodeCount × k, as growTree computes them and version-1 model JSON holds them): rewrites each
 * leaf's `feature` in place to −1 − its leaf index and returns the leaves' values (leaves × k).
 */
export function keepLeafValues(feature: Int32Array, nodeValue: ArrayLike<number>, k: number): Float64Array {
  let leaves = 0;
  for (let i = 0; i < feature.length; i++) if (feature[i] < 0) leaves++;
  const value = new Float64Array(leaves * k);
  let leaf = 0;
  for (let i = 0; i < feature.length; i++) {
    if (feature[i] >= 0) continue;
    for (let c = 0; c < k; c++) value[leaf * k + c] = nodeValue[i * k + c];
    feature[i] = -1 - leaf++;
  }
  return value;
}

/** Left child per node in preorder: node + 1 for a split, -1 for a leaf (the JSON's `left`). */
function leftChildren(feature: Int32Array): number[] {
  return Array.from(feature, (f, i) => (f >= 0 ? i + 1 : -1));
}

/**
 * JSON form of a FlatTree: the same arrays as plain numbers, with the (implied) left children.
 * Model version 2 (written since leaf-only values) holds FlatTree's own arrays; version 1 marked
 * every leaf −1 in `feature` and held a value row per node (split nodes' rows are never read).
 */
export interface FlatTreeJSON {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Version 2: leaves × nOutputs, leaves in preorder; version 1: nodes × nOutputs. */
  value: number[];
  samples?: number[];
  weight?: number[];
  impurity?: number[];
}

/** Version 2 JSON of `tree`, its leaves numbered in preorder with their own rows of values. */
export function flatTreeToJSON(tree: FlatTree, nOutputs: number): FlatTreeJSON {
  // A forest's tree names rows of a table shared with the other trees: the file keeps each
  // tree's values with it, as a grown tree has them.
  const feature = Array.from(tree.feature);
  const value: number[] = [];
  let leaves = 0;
  for (let i = 0; i < feature.length; i++) {
    if (feature[i] >= 0) continue;
    const row = leafIndex(feature[i]) * nOutputs;
    for (let c = 0; c < nOutputs; c++) value.push(tree.value[row + c]);
    feature[i] = -1 - leaves++;
  }
  const json: FlatTreeJSON = {
    feature,
    // A leaf's threshold slot may hold its cover (coverInLeaves): the file keeps leaves at 0.
    threshold: Array.from(tree.threshold, (t, i) => (tree.feature[i] < 0 ? 0 : t)),
    left: leftChildren(tree.feature),
    right: Array.from(tree.right),
    value,
  };
  if (tree.samples) json.samples = Array.from(tree.samples);
  const cover = treeCover(tree);
  if (cover) json.weight = Array.from(cover);
  if (tree.impurity) json.impurity = Array.from(tree.impurity);
  return json;
}

function numbers(name: string, v: unknown, length: number | null): number[] {
  if (!Array.isArray(v) || (length !== null && v.length !== length) || v.some((x) => typeof x !== 'number')) {
    throw new RangeError(`Invalid model: tree.${name} must be an array of ${length ?? 'some'} numbers`);
  }
  return v as number[];
}

/**
 * Rebuilds a FlatTree from model JSON of `version` 1 or 2 (see FlatTreeJSON) and checks that it
 * is a well-formed tree over `nFeatures` features.
 */
export function flatTreeFromJSON(
  json: FlatTreeJSON,
  nFeatures: number,
  nOutputs: number,
  version: 1 | 2,
): FlatTree {
  if (typeof json !== 'object' || json === null)
    throw new RangeError('Invalid model: a tree is not an object');
  const n = numbers('feature', json.feature, null).length;
  if (n === 0) throw new RangeError('Invalid model: a tree has no nodes');
  const feature = Int32Array.from(json.feature);
  const left = numbers('left', json.left, n);
  const right = Int32Array.from(numbers('right', json.right, n));
  let leaves = 0;
  for (let i = 0; i < n; i++) {
    const f = feature[i];
    if (f < 0) {
      // Version 1 marks every leaf −1; version 2 numbers them −1, −2, … in preorder.
      if (f === (version === 1 ? -1 : -1 - leaves)) {
        leaves++;
        continue;
      }
    }
    // Preorder: the left child is the next node and the right one comes later, so prediction
    // always terminates.
    const r = right[i];
    if (f < 0 || f >= nFeatures || left[i] !== i + 1 || !(r > i + 1 && r < n)) {
      throw new RangeError(`Invalid model: node ${i} of a tree has an out-of-range feature or child`);
    }
  }
  const value = numbers('value', json.value, (version === 1 ? n : leaves) * nOutputs);
  return {
    nodeCount: n,
    feature,
    threshold: Float64Array.from(numbers('threshold', json.threshold, n)),
    right,
    value: version === 1 ? keepLeafValues(feature, value, nOutputs) : Float64Array.from(value),
    weight: json.weight ? compactCover(Float64Array.from(numbers('weight', json.weight, n))) : undefined,
    samples: json.samples ? Int32Array.from(numbers('samples', json.samples, n)) : undefined,
    impurity: json.impurity ? Float64Array.from(numbers('impurity', json.impurity, n)) : undefined,
  };
}
