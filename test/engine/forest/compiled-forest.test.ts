import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMeanLeafValues } from '../../../src-main/engine/forest/compiledForest';
import { meanLeafValues, packTrees } from '../../../src-main/engine/forest/packedForest';
import {
  RandomForestClassifier,
  RandomForestRegressor,
  createRng,
  loadDataset,
} from '../../../src-main/engine';

function frame(name: string, target: string) {
  const ds = loadDataset(
    new Uint8Array(readFileSync(new URL(`../../../assets/samples/${name}`, import.meta.url))),
    name,
  );
  const t = ds.columns.findIndex((c) => c.name === target);
  const features = ds.values.filter((_, i) => i !== t) as Float64Array[];
  const X = Array.from({ length: ds.rowCount }, (_, r) => features.map((col) => col[r]));
  const labels = ds.values[t];
  const classes = [...new Set(Array.from(labels as ArrayLike<unknown>, String))].sort();
  const y = Array.from(labels as ArrayLike<unknown>, (v) =>
    typeof v === 'number' ? v : classes.indexOf(String(v)),
  );
  return { X, y, d: features.length };
}

/** Perturbed copies of the rows, so values fall between and on thresholds. */
function neighbourhood(X: number[][], n: number, d: number): Float64Array {
  const rng = createRng(5);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = X[rng.int(X.length)];
    for (let j = 0; j < d; j++) out[i * d + j] = i % 3 === 0 ? row[j] : row[j] * (1 + 0.2 * rng.normal());
  }
  return out;
}

describe('compileMeanLeafValues', () => {
  it.each([
    ['breast_cancer.csv', 'diagnosis', 'classifier'],
    ['iris.csv', 'species', 'classifier'],
    ['diabetes.csv', 'progression', 'regressor'],
  ] as const)('is bit-identical to walking the packed trees: %s', (file, target, kind) => {
    const { X, y, d } = frame(file, target);
    const forest =
      kind === 'classifier'
        ? new RandomForestClassifier({ nEstimators: 40, seed: 3 }).train(X, y)
        : new RandomForestRegressor({ nEstimators: 40, seed: 3 }).train(X, y);
    const nOutputs = kind === 'classifier' ? new Set(y).size : 1;
    const packed = packTrees(forest.trees, nOutputs);
    const compiled = compileMeanLeafValues(packed);
    expect(compiled).not.toBeNull();
    const x = neighbourhood(X, 3000, d);
    const expected = meanLeafValues(packed, x, 3000, d);
    const actual = compiled!(x, 3000, d);
    expect(actual).toEqual(expected);
    // and a row exactly on a threshold goes left (x <= t), as the packed walk does
    const root = packed.roots[0];
    const onThreshold = new Float64Array(X[0]);
    onThreshold[packed.feature[root]] = packed.threshold[root];
    expect(compiled!(onThreshold, 1, d)).toEqual(meanLeafValues(packed, onThreshold, 1, d));
  });

  it('declines forests too large to be worth compiling', () => {
    const n = 70_000;
    const big = {
      nTrees: 1,
      nOutputs: 1,
      roots: new Int32Array([0]),
      feature: new Int32Array(n).fill(-1),
      threshold: new Float64Array(n),
      right: new Int32Array(n).fill(-1),
      value: new Float64Array(n),
    };
    expect(compileMeanLeafValues(big)).toBeNull();
  });

  it('declines a forest holding a non-finite number rather than writing it into code', () => {
    const forest = {
      nTrees: 1,
      nOutputs: 1,
      roots: new Int32Array([0]),
      feature: new Int32Array([0, -1, -2]),
      threshold: new Float64Array([Number.NaN, 0, 0]),
      right: new Int32Array([2, -1, -1]),
      value: new Float64Array([1, 2]),
    };
    expect(compileMeanLeafValues(forest)).toBeNull();
  });
});
