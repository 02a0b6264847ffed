/**
 * One decision tree as parallel typed arrays, nodes in depth-first preorder (root = 0, a split
 * node's left child is the next node, so only the right child is stored). A row goes left when
 * `x[feature] <= threshold` (scikit-learn's rule); NaN therefore goes right.
 *
 * A trained forest keeps per node only what prediction, TreeSHAP and the saved model read:
 * feature, threshold, right child, value and the cover (`weight`). `samples` and `impurity` are
 * what growTree reports about its own nodes (tests and diagnostics); forests do not keep them.
 */
export interface FlatTree {
  readonly nodeCount: number;
  /** Split feature per node; -1 marks a leaf. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** Right child index per split node, -1 for leaves (the left child is node + 1). */
  readonly right: Int32Array;
  /** nodeCount × nOutputs: weighted class fractions (classifier) or weighted mean (regressor). */
  readonly value: Float64Array;
  /**
   * Bootstrap-weighted training rows reaching each node, TreeSHAP's cover (absent for imported
   * models). Whole counts, so forests hold them as 32-bit integers (see compactCover).
   */
  readonly weight?: Float64Array | Uint32Array;
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

/** Left child per node in preorder: node + 1 for a split, -1 for a leaf (the JSON's `left`). */
function leftChildren(feature: Int32Array): number[] {
  return Array.from(feature, (f, i) => (f >= 0 ? i + 1 : -1));
}

/** JSON form of a FlatTree: the same arrays as plain numbers, with the (implied) left children. */
export interface FlatTreeJSON {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
  samples?: number[];
  weight?: number[];
  impurity?: number[];
}

export function flatTreeToJSON(tree: FlatTree): FlatTreeJSON {
  const json: FlatTreeJSON = {
    feature: Array.from(tree.feature),
    threshold: Array.from(tree.threshold),
    left: leftChildren(tree.feature),
    right: Array.from(tree.right),
    value: Array.from(tree.value),
  };
  if (tree.samples) json.samples = Array.from(tree.samples);
  if (tree.weight) json.weight = Array.from(tree.weight);
  if (tree.impurity) json.impurity = Array.from(tree.impurity);
  return json;
}

function numbers(name: string, v: unknown, length: number | null): number[] {
  if (!Array.isArray(v) || (length !== null && v.length !== length) || v.some((x) => typeof x !== 'number')) {
    throw new RangeError(`Invalid model: tree.${name} must be an array of ${length ?? 'some'} numbers`);
  }
  return v as number[];
}

/** Rebuilds a FlatTree and checks that it is a well-formed tree over `nFeatures` features. */
export function flatTreeFromJSON(json: FlatTreeJSON, nFeatures: number, nOutputs: number): FlatTree {
  if (typeof json !== 'object' || json === null)
    throw new RangeError('Invalid model: a tree is not an object');
  const feature = numbers('feature', json.feature, null);
  const n = feature.length;
  if (n === 0) throw new RangeError('Invalid model: a tree has no nodes');
  const left = numbers('left', json.left, n);
  const tree: FlatTree = {
    nodeCount: n,
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(numbers('threshold', json.threshold, n)),
    right: Int32Array.from(numbers('right', json.right, n)),
    value: Float64Array.from(numbers('value', json.value, n * nOutputs)),
    weight: json.weight ? compactCover(Float64Array.from(numbers('weight', json.weight, n))) : undefined,
    samples: json.samples ? Int32Array.from(numbers('samples', json.samples, n)) : undefined,
    impurity: json.impurity ? Float64Array.from(numbers('impurity', json.impurity, n)) : undefined,
  };
  for (let i = 0; i < n; i++) {
    const f = tree.feature[i];
    if (f === -1) continue;
    // Preorder: the left child is the next node and the right one comes later, so prediction
    // always terminates.
    const r = tree.right[i];
    if (f < 0 || f >= nFeatures || left[i] !== i + 1 || !(r > i + 1 && r < n)) {
      throw new RangeError(`Invalid model: node ${i} of a tree has an out-of-range feature or child`);
    }
  }
  return tree;
}
