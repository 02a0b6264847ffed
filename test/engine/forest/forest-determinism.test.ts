import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { loadForest } from '../../../src-main/engine/forest/loadForest';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { RandomForestRegressor } from '../../../src-main/engine/forest/RandomForestRegressor';
import { loadNumericCsv } from './loadNumericCsv';

const iris = loadNumericCsv('iris.csv');
const diabetes = loadNumericCsv('diabetes.csv', { regression: true });

describe('seeded forests', () => {
  it('same seed → identical JSON and predictions; another seed → different trees', () => {
    const a = new RandomForestClassifier({ nEstimators: 20, seed: 7 }).train(iris.X, iris.y);
    const b = new RandomForestClassifier({ nEstimators: 20, seed: 7 }).train(iris.X, iris.y);
    const c = new RandomForestClassifier({ nEstimators: 20, seed: 8 }).train(iris.X, iris.y);
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    expect(b.predictProba(iris.X)).toEqual(a.predictProba(iris.X));
    expect(JSON.stringify(c.toJSON().trees)).not.toBe(JSON.stringify(a.toJSON().trees));
  });

  it('accepts an ml-matrix Matrix and typed rows exactly like number[][]', () => {
    const plain = new RandomForestClassifier({ nEstimators: 5, seed: 2 }).train(iris.X, iris.y);
    const matrix = new RandomForestClassifier({ nEstimators: 5, seed: 2 }).train(new Matrix(iris.X), iris.y);
    const typed = new RandomForestClassifier({ nEstimators: 5, seed: 2 }).train(
      iris.X.map((r) => Float64Array.from(r)),
      Int32Array.from(iris.y),
    );
    expect(matrix.toJSON()).toEqual(plain.toJSON());
    expect(typed.toJSON()).toEqual(plain.toJSON());
    expect(plain.predictProba(new Matrix(iris.X.slice(0, 9)))).toEqual(
      plain.predictProba(iris.X.slice(0, 9)),
    );
  });

  it('tree i does not depend on how many trees follow (per-tree child streams)', () => {
    const small = new RandomForestRegressor({ nEstimators: 3, seed: 5 }).train(diabetes.X, diabetes.y);
    const big = new RandomForestRegressor({ nEstimators: 10, seed: 5 }).train(diabetes.X, diabetes.y);
    expect(big.toJSON().trees.slice(0, 3)).toEqual(small.toJSON().trees);
  });

  it('toJSON → JSON text → load reproduces every probability; format and version are stated', () => {
    const model = new RandomForestClassifier({ nEstimators: 15, seed: 3, maxDepth: 4 }).train(iris.X, iris.y);
    const json = model.toJSON();
    expect(json.format).toBe('lime-lens-forest');
    expect(json.version).toBe(2);
    expect(json.kind).toBe('classifier');
    expect(json.nClasses).toBe(3);
    expect(json.nFeatures).toBe(4);
    expect(json.trees).toHaveLength(15);
    const restored = RandomForestClassifier.load(JSON.parse(JSON.stringify(json)));
    expect(restored.predictProba(iris.X)).toEqual(model.predictProba(iris.X));
    expect(restored.featureImportances()).toEqual(model.featureImportances());
    expect(restored.options).toEqual(model.options);
    const cloned = loadForest(structuredClone(json));
    expect(cloned).toBeInstanceOf(RandomForestClassifier);
    expect(cloned.predict(iris.X)).toEqual(model.predict(iris.X));
  });

  it('load refuses foreign, future or mismatched JSON', () => {
    const json = new RandomForestRegressor({ nEstimators: 2 }).train(diabetes.X, diabetes.y).toJSON();
    expect(() => RandomForestClassifier.load(json)).toThrow(/cannot load as a classifier/);
    expect(() => RandomForestRegressor.load({ ...json, version: 3 })).toThrow(/version 3/);
    expect(() => RandomForestRegressor.load({ hello: 1 })).toThrow(/Invalid model/);
    const broken = structuredClone(json);
    broken.trees[0].left[0] = 0; // a cycle
    expect(() => RandomForestRegressor.load(broken)).toThrow(/node 0/);
    expect(loadForest(json)).toBeInstanceOf(RandomForestRegressor);
  });
});
