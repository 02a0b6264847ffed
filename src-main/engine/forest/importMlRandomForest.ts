/**
 * Converts an ml-random-forest model (the object its `toJSON()` returns, live or after a JSON
 * round trip) into flat trees whose predictions equal ml-random-forest's own.
 *
 * ml-cart sends a row left when `x < splitValue`; we send it left when `x <= threshold`, so the
 * threshold becomes the largest double below splitValue, which is exact for every input.
 * ml-random-forest classifies by majority vote of the trees' argmax classes (ties go to the class
 * that reached the winning count first, as ml-array-mode does), so an imported classifier's leaves
 * hold the one-hot vote of that leaf: its predictProba is the fraction of trees voting for each
 * class. (ml-random-forest's own predictProbability() is not that: its reduce() has no initial
 * value, so the first tree's class index seeds the sum and the first tree's vote is dropped.)
 */
import type { FlatTree } from './flatTree';

interface MlCartNode {
  distribution?: number | number[][] | number[];
  splitColumn?: number;
  splitValue?: number;
  gain?: number | null;
  numberSamples?: number;
  left?: MlCartNode;
  right?: MlCartNode;
}

interface MlRandomForestBase {
  indexes: number[][];
  isClassifier: boolean;
  estimators: { root: MlCartNode; name?: string }[];
}

export interface MlRandomForestJSON {
  name: 'RFClassifier' | 'RFRegression';
  baseModel: MlRandomForestBase;
  selectionMethod?: 'mean' | 'median';
}

export interface ImportedForest {
  readonly kind: 'classifier' | 'regressor';
  readonly trees: FlatTree[];
  readonly nFeatures: number;
  /** Largest class index seen in any leaf + 1 (ml-random-forest does not store the class count). */
  readonly nClasses: number;
  readonly aggregation: 'vote' | 'mean' | 'median';
  /** ml-random-forest's featureImportance(), computed from the imported trees. */
  readonly importances: Float64Array;
}

export function isMlRandomForestJSON(json: unknown): json is MlRandomForestJSON {
  if (typeof json !== 'object' || json === null) return false;
  const j = json as { name?: unknown; baseModel?: unknown };
  return (j.name === 'RFClassifier' || j.name === 'RFRegression') && typeof j.baseModel === 'object';
}

/** The largest double strictly below x (so `v < x` ⟺ `v <= nextDown(x)` for every double v). */
export function nextDown(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return x;
  if (x === 0) return -Number.MIN_VALUE;
  const buf = new Float64Array([x]);
  const bits = new BigInt64Array(buf.buffer);
  bits[0] += x > 0 ? -1n : 1n;
  return buf[0];
}

function leafRow(distribution: MlCartNode['distribution']): number[] {
  if (Array.isArray(distribution)) {
    const first = distribution[0];
    return Array.isArray(first) ? first : (distribution as number[]);
  }
  throw new RangeError('Invalid model: an ml-cart classifier leaf has no class distribution');
}

/** Preorder walk without recursion (deep trees would overflow the stack). */
function walk(root: MlCartNode, visit: (node: MlCartNode, parentId: number, side: 0 | 1) => number): void {
  const stack: [MlCartNode, number, 0 | 1][] = [[root, -1, 0]];
  while (stack.length > 0) {
    const [node, parent, side] = stack.pop() as [MlCartNode, number, 0 | 1];
    const id = visit(node, parent, side);
    if (node.distribution === undefined) {
      if (!node.left || !node.right)
        throw new RangeError('Invalid model: an ml-cart split node lacks a child');
      stack.push([node.right, id, 1], [node.left, id, 0]);
    }
  }
}

export function importMlRandomForest(model: MlRandomForestJSON): ImportedForest {
  // A live model holds ml-matrix instances; a JSON round trip turns them into plain arrays.
  const json = JSON.parse(JSON.stringify(model)) as MlRandomForestJSON;
  const base = json.baseModel;
  if (!base || !Array.isArray(base.estimators) || !Array.isArray(base.indexes)) {
    throw new RangeError('Invalid model: ml-random-forest JSON without estimators and indexes');
  }
  if (base.estimators.length === 0 || base.indexes.length !== base.estimators.length) {
    throw new RangeError('Invalid model: ml-random-forest JSON needs one feature index list per estimator');
  }
  const classifier = json.name === 'RFClassifier';

  let nFeatures = 0;
  for (const idx of base.indexes) for (const f of idx) nFeatures = Math.max(nFeatures, f + 1);
  let nClasses = 0;
  if (classifier) {
    for (const est of base.estimators) {
      walk(est.root, (node) => {
        if (node.distribution !== undefined) nClasses = Math.max(nClasses, leafRow(node.distribution).length);
        return 0;
      });
    }
  }

  const trees: FlatTree[] = [];
  const importances = new Float64Array(nFeatures);
  base.estimators.forEach((est, t) => {
    const indexes = base.indexes[t];
    const feature: number[] = [];
    const threshold: number[] = [];
    const right: number[] = [];
    /** Leaf values only, leaves in preorder (FlatTree's form). */
    const value: number[] = [];
    let leaves = 0;
    walk(est.root, (node, parent, side) => {
      const id = feature.length;
      // Preorder: a left child is always the node after its parent.
      if (parent >= 0 && side === 1) right[parent] = id;
      right.push(-1);
      if (node.distribution !== undefined) {
        feature.push(-1 - leaves++);
        threshold.push(0);
        if (classifier) {
          const row = leafRow(node.distribution);
          let best = 0;
          for (let c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
          for (let c = 0; c < nClasses; c++) value.push(c === best ? 1 : 0);
        } else {
          value.push(Number(node.distribution));
        }
      } else {
        const f = indexes[node.splitColumn as number];
        if (!(Number.isInteger(f) && f >= 0) || typeof node.splitValue !== 'number') {
          throw new RangeError('Invalid model: an ml-cart split node has no valid column or value');
        }
        feature.push(f);
        threshold.push(nextDown(node.splitValue));
      }
      return id;
    });
    trees.push({
      nodeCount: feature.length,
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      right: Int32Array.from(right),
      value: Float64Array.from(value),
    });
    addMlImportance(est.root, indexes, importances);
  });

  let total = 0;
  for (const v of importances) total += v;
  if (total > 0) for (let f = 0; f < nFeatures; f++) importances[f] /= total;
  return {
    kind: classifier ? 'classifier' : 'regressor',
    trees,
    nFeatures,
    nClasses: classifier ? nClasses : 0,
    aggregation: classifier ? 'vote' : json.selectionMethod === 'median' ? 'median' : 'mean',
    importances,
  };
}

/**
 * ml-random-forest's featureImportance() for one tree: Σ gain·n − Σ children's gain·n per split
 * column (every node that recorded a positive gain counts, as there), normalized within the tree.
 * A tree without any gain is skipped rather than turned into NaN.
 */
function addMlImportance(root: MlCartNode, indexes: number[], into: Float64Array): void {
  const local = new Map<number, number>();
  const stack: MlCartNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as MlCartNode;
    if (node.splitColumn === undefined || !((node.gain ?? 0) > 0)) continue;
    let f = (node.gain as number) * (node.numberSamples ?? 0);
    if (node.left) f -= (node.left.gain || 0) * (node.left.numberSamples || 0);
    if (node.right) f -= (node.right.gain || 0) * (node.right.numberSamples || 0);
    const col = indexes[node.splitColumn];
    local.set(col, (local.get(col) ?? 0) + f);
    if (node.left) stack.push(node.left);
    if (node.right) stack.push(node.right);
  }
  let sum = 0;
  for (const v of local.values()) sum += v;
  if (!(sum !== 0 && Number.isFinite(sum))) return;
  for (const [col, v] of local) into[col] += v / sum;
}
