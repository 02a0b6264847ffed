/**
 * One decision tree as parallel typed arrays, nodes in depth-first preorder (root = 0, a split
 * node's left child is the next node). A row goes left when `x[feature] <= threshold`
 * (scikit-learn's rule); NaN therefore goes right.
 */
export interface FlatTree {
  readonly nodeCount: number;
  /** Split feature per node; -1 marks a leaf. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** Child node indices; -1 for leaves. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** nodeCount × nOutputs: weighted class fractions (classifier) or weighted mean (regressor). */
  readonly value: Float64Array;
  /** Distinct training rows reaching each node (absent for imported models). */
  readonly samples?: Int32Array;
  /** Bootstrap-weighted training rows reaching each node (absent for imported models). */
  readonly weight?: Float64Array;
  /** Gini impurity (classifier) or weighted variance (regressor) per node (absent for imported models). */
  readonly impurity?: Float64Array;
}

/** JSON form of a FlatTree: the same arrays as plain numbers. */
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
    left: Array.from(tree.left),
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
  const tree: FlatTree = {
    nodeCount: n,
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(numbers('threshold', json.threshold, n)),
    left: Int32Array.from(numbers('left', json.left, n)),
    right: Int32Array.from(numbers('right', json.right, n)),
    value: Float64Array.from(numbers('value', json.value, n * nOutputs)),
    samples: json.samples ? Int32Array.from(numbers('samples', json.samples, n)) : undefined,
    weight: json.weight ? Float64Array.from(numbers('weight', json.weight, n)) : undefined,
    impurity: json.impurity ? Float64Array.from(numbers('impurity', json.impurity, n)) : undefined,
  };
  for (let i = 0; i < n; i++) {
    const f = tree.feature[i];
    if (f === -1) continue;
    // Preorder: the left child is the next node and the right one comes later, so prediction
    // always terminates.
    const l = tree.left[i];
    const r = tree.right[i];
    if (f < 0 || f >= nFeatures || l !== i + 1 || !(r > l && r < n)) {
      throw new RangeError(`Invalid model: node ${i} of a tree has an out-of-range feature or child`);
    }
  }
  return tree;
}
