import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  RandomForestClassifier,
  RandomForestRegressor,
  createRng,
  defaultTrainSettings,
  loadDataset,
  trainModel,
  treeCover,
  treeShap,
  type FlatTree,
  type TrainedModel,
} from '../../../src-main/engine';

const bytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../assets/samples/${name}`, import.meta.url)));

/** v(S) = E[tree(x) | x_S]: features outside S follow both children in proportion to cover. */
function conditionalExpectation(
  tree: FlatTree,
  nOut: number,
  x: number[],
  known: Set<number>,
  node = 0,
): number[] {
  const f = tree.feature[node];
  // A leaf's feature slot holds −1 − its index among the tree's leaves (rows of `value`).
  if (f < 0) return Array.from(tree.value.subarray((-1 - f) * nOut, -f * nOut));
  const l = node + 1; // preorder
  const r = tree.right[node];
  if (known.has(f)) return conditionalExpectation(tree, nOut, x, known, x[f] <= tree.threshold[node] ? l : r);
  const cover = treeCover(tree)!;
  const a = conditionalExpectation(tree, nOut, x, known, l);
  const b = conditionalExpectation(tree, nOut, x, known, r);
  return a.map((v, c) => (v * cover[l] + b[c] * cover[r]) / cover[node]);
}

/** Shapley values of the forest's v(S) by enumerating every subset (2^d games). */
function bruteForceShap(trees: readonly FlatTree[], nOut: number, d: number, x: number[]): number[][] {
  const v = (mask: number): number[] => {
    const known = new Set<number>();
    for (let f = 0; f < d; f++) if (mask & (1 << f)) known.add(f);
    const sum = new Array<number>(nOut).fill(0);
    for (const t of trees)
      conditionalExpectation(t, nOut, x, known).forEach((y, c) => (sum[c] += y / trees.length));
    return sum;
  };
  const values = Array.from({ length: 1 << d }, (_, m) => v(m));
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const phi = Array.from({ length: nOut }, () => new Array<number>(d).fill(0));
  for (let f = 0; f < d; f++) {
    for (let m = 0; m < 1 << d; m++) {
      if (m & (1 << f)) continue;
      let size = 0;
      for (let g = 0; g < d; g++) if (m & (1 << g)) size++;
      const weight = (fact(size) * fact(d - size - 1)) / fact(d);
      for (let c = 0; c < nOut; c++) phi[c][f] += weight * (values[m | (1 << f)][c] - values[m][c]);
    }
  }
  return phi;
}

function randomData(seed: number, n: number, d: number, classes: number) {
  const rng = createRng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => Math.round(rng.next() * 8) / 2));
  const y = X.map((r) =>
    classes > 0
      ? Math.floor((r[0] + r[1] * r[2] + rng.next() * 2) % classes)
      : r[0] * r[1] - r[2] + rng.next(),
  );
  return { X, y };
}

const sum = (a: readonly number[]) => a.reduce((s, v) => s + v, 0);

describe('treeShap on a hand-made tree', () => {
  // x0 <= 0.5 ? (x1 <= 0.5 ? 0 [cover 4] : 10 [cover 2]) : 20 [cover 4]
  const model = RandomForestRegressor.load({
    format: 'lime-lens-forest',
    version: 1,
    kind: 'regressor',
    options: null,
    nFeatures: 2,
    nClasses: 0,
    aggregation: 'mean',
    importances: [0.5, 0.5],
    trees: [
      {
        feature: [0, 1, -1, -1, -1],
        threshold: [0.5, 0.5, 0, 0, 0],
        left: [1, 2, -1, -1, -1],
        right: [4, 3, -1, -1, -1],
        value: [10, 10 / 3, 0, 10, 20],
        weight: [10, 6, 4, 2, 4],
      },
    ],
  });

  it('gives the Shapley values worked out by hand: E = 10, φ = (−16/3, 16/3) for x = (0, 1)', () => {
    const { expectedValue, shapValues } = treeShap(model, [0, 1]);
    expect(expectedValue).toEqual([10]);
    expect(shapValues[0][0]).toBeCloseTo(-16 / 3, 12);
    expect(shapValues[0][1]).toBeCloseTo(16 / 3, 12);
  });

  it('x = (1, 0) reaches the right leaf (20): φ0 = 10 + 0, the unused x1 gets 0', () => {
    const { shapValues } = treeShap(model, [1, 0]);
    // v∅ = 10, v{0} = 20, v{1} = 0.6·0 + 0.4·20 = 8, v{0,1} = 20 → φ0 = ½(10 + 12) = 11, φ1 = ½(−2 + 0) = −1.
    expect(shapValues[0][0]).toBeCloseTo(11, 12);
    expect(shapValues[0][1]).toBeCloseTo(-1, 12);
  });

  it('refuses a model without node covers with a message that says why', () => {
    const imported = RandomForestRegressor.load({
      ...model.toJSON(),
      trees: model.toJSON().trees.map(({ weight: _w, samples: _s, ...t }) => t),
    });
    expect(() => treeShap(imported, [0, 1])).toThrow(/training cover/);
  });
});

describe('treeShap equals brute-force Shapley values on small forests', () => {
  it.each([
    ['classifier, 3 classes, 5 features, depth 4', 3, 5, 4],
    ['classifier, 2 classes, 6 features, unlimited depth', 2, 6, null],
    ['regressor, 5 features, depth 5', 0, 5, 5],
  ] as const)('%s', (_name, classes, d, maxDepth) => {
    const { X, y } = randomData(classes * 10 + d, 60, d, classes);
    const opts = { nEstimators: 4, maxDepth, seed: 3, maxFeatures: 1 };
    const model =
      classes > 0
        ? new RandomForestClassifier(opts).train(X, y, { nClasses: classes })
        : new RandomForestRegressor(opts).train(X, y);
    const nOut = classes > 0 ? classes : 1;
    // Features repeat along paths (the unwind branch) in these deep trees.
    expect(model.trees.some((t) => t.nodeCount > 15)).toBe(true);
    for (const x of X.slice(0, 8)) {
      const { shapValues } = treeShap(model, x);
      const brute = bruteForceShap(model.trees, nOut, d, x);
      for (let c = 0; c < nOut; c++)
        for (let f = 0; f < d; f++) expect(shapValues[c][f]).toBeCloseTo(brute[c][f], 10);
    }
  });
});

describe('treeShap additivity on every test row of the sample data', () => {
  let cancer: TrainedModel;
  let diabetes: TrainedModel;
  beforeAll(() => {
    const bc = loadDataset(bytes('breast_cancer.csv'), 'breast_cancer.csv');
    cancer = trainModel(bc, defaultTrainSettings(bc, 'diagnosis'));
    const db = loadDataset(bytes('diabetes.csv'), 'diabetes.csv');
    diabetes = trainModel(db, defaultTrainSettings(db, 'progression'));
  });

  it('breast cancer (100 trees, 114 test rows): expected value + Σφ = predictProba to 1e-9, per class', () => {
    const forest = cancer.forest as RandomForestClassifier;
    const proba = forest.predictProba(cancer.xTest);
    expect(cancer.xTest).toHaveLength(114);
    let maxError = 0;
    cancer.xTest.forEach((row, i) => {
      const { expectedValue, shapValues } = treeShap(forest, row);
      expect(shapValues).toHaveLength(2);
      expect(shapValues[0]).toHaveLength(30);
      for (let c = 0; c < 2; c++)
        maxError = Math.max(maxError, Math.abs(expectedValue[c] + sum(shapValues[c]) - proba[i][c]));
      // Two classes: the contributions to one are the negated contributions to the other.
      for (let f = 0; f < 30; f++) expect(shapValues[0][f]).toBeCloseTo(-shapValues[1][f], 12);
    });
    expect(maxError).toBeLessThan(1e-9);
  });

  it('breast cancer: the expected value is the trees’ cover-weighted class mix (≈ training class share)', () => {
    const { expectedValue } = treeShap(cancer.forest, cancer.xTest[0]);
    expect(sum(expectedValue)).toBeCloseTo(1, 12);
    const malignantShare =
      cancer.yTrain.filter((y) => y === cancer.frame.classes.indexOf('malignant')).length / 455;
    // Bootstrap samples scatter around the training share.
    expect(expectedValue[cancer.frame.classes.indexOf('malignant')]).toBeCloseTo(malignantShare, 1);
  });

  it('diabetes (regression, 89 test rows): expected value + Σφ = predict to 1e-9', () => {
    const forest = diabetes.forest as RandomForestRegressor;
    const pred = forest.predict(diabetes.xTest);
    expect(diabetes.xTest).toHaveLength(89);
    let maxError = 0;
    diabetes.xTest.forEach((row, i) => {
      const { expectedValue, shapValues } = treeShap(forest, row);
      expect(expectedValue).toHaveLength(1);
      maxError = Math.max(maxError, Math.abs(expectedValue[0] + sum(shapValues[0]) - pred[i]));
    });
    expect(maxError).toBeLessThan(1e-9);
  });
});
