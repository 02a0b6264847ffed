import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { RandomForestClassifier, RandomForestRegressor, createRng, loadDataset } from '../../src-main/engine';
import { ParallelPredictor } from '../../src-main/worker/parallelPredictor';

function table(name: string, target: string) {
  const ds = loadDataset(
    new Uint8Array(readFileSync(new URL(`../../assets/samples/${name}`, import.meta.url))),
    name,
  );
  const t = ds.columns.findIndex((c) => c.name === target);
  const cols = ds.values.filter((_, i) => i !== t) as Float64Array[];
  const X = Array.from({ length: ds.rowCount }, (_, r) => cols.map((c) => c[r]));
  const raw = ds.values[t];
  const classes = [...new Set(Array.from(raw as ArrayLike<unknown>, String))].sort();
  const y = Array.from(raw as ArrayLike<unknown>, (v) =>
    typeof v === 'number' ? v : classes.indexOf(String(v)),
  );
  return { X, y, d: cols.length };
}

function perturbed(X: number[][], n: number, d: number): Float64Array {
  const rng = createRng(9);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) out[i * d + j] = X[rng.int(X.length)][j] * (1 + 0.1 * rng.normal());
  return out;
}

const predictors: ParallelPredictor[] = [];
afterAll(() => Promise.all(predictors.map((p) => p.dispose())));

describe('ParallelPredictor', () => {
  it('predictLabels gives forest.predict exactly: argmax classes (1200 rows split), regression values', async () => {
    const bc = table('breast_cancer.csv', 'diagnosis');
    const classifier = new RandomForestClassifier({ nEstimators: 20, seed: 5 }).train(bc.X, bc.y);
    const p = new ParallelPredictor(classifier);
    predictors.push(p);
    expect(await p.whenReady()).toBe(true);
    const flat = perturbed(bc.X, 1200, bc.d);
    const rows = Array.from({ length: 1200 }, (_, r) => Array.from(flat.subarray(r * bc.d, (r + 1) * bc.d)));
    const labels = Array.from(await p.predictLabels(rows));
    expect(labels).toEqual(classifier.predict(rows));
    // Both classes occur: an argmax over the wrong stride would not match.
    expect(new Set(labels)).toEqual(new Set([0, 1]));

    const db = table('diabetes.csv', 'progression');
    const regressor = new RandomForestRegressor({ nEstimators: 20, seed: 5 }).train(db.X, db.y);
    const q = new ParallelPredictor(regressor);
    predictors.push(q);
    expect(await q.whenReady()).toBe(true);
    const dbRows = db.X.concat(db.X, db.X); // 1326 rows: above the split threshold
    expect(Array.from(await q.predictLabels(dbRows))).toEqual(regressor.predict(dbRows));
  });

  it('returns exactly the single-thread probabilities, for odd row counts and repeated calls', async () => {
    const { X, y, d } = table('breast_cancer.csv', 'diagnosis');
    const forest = new RandomForestClassifier({ nEstimators: 30, seed: 2 }).train(X, y);
    const p = new ParallelPredictor(forest);
    predictors.push(p);
    // Before the helper is warm the predictor answers alone; test the split path.
    expect(await p.whenReady()).toBe(true);
    for (const n of [5001, 1200, 10]) {
      const x = perturbed(X, n, d);
      expect(await p.predictFlat(x, n, d)).toEqual(forest.predictProbaFlat(x, n, d));
    }
  });

  it('returns exactly the single-thread values for a regressor', async () => {
    const { X, y, d } = table('diabetes.csv', 'progression');
    const forest = new RandomForestRegressor({ nEstimators: 30, seed: 2 }).train(X, y);
    const p = new ParallelPredictor(forest);
    predictors.push(p);
    expect(await p.whenReady()).toBe(true);
    const x = perturbed(X, 3000, d);
    expect(await p.predictFlat(x, 3000, d)).toEqual(forest.predictFlat(x, 3000, d));
  });
});

describe('ParallelPredictor without its helper', () => {
  it('predicts on this thread alone when the helper thread cannot start', async () => {
    const { X, y, d } = table('iris.csv', 'species');
    const forest = new RandomForestClassifier({ nEstimators: 10, seed: 1 }).train(X, y);
    const p = new ParallelPredictor(forest, forest.toJSON(), new URL('file:///nonexistent/predictThread.js'));
    predictors.push(p);
    expect(await p.whenReady()).toBe(false);
    const x = perturbed(X, 2000, d);
    expect(await p.predictFlat(x, 2000, d)).toEqual(forest.predictProbaFlat(x, 2000, d));
  });
});

describe('LIME through the pipelined parallel predictor', () => {
  it.each([
    ['breast_cancer.csv', 'classification'],
    ['diabetes.csv', 'regression'],
  ] as const)('gives bit-identical explanations to one thread (%s, %s)', async (file, _task) => {
    const { DEFAULT_LIME_SETTINGS, defaultTrainSettings, explainDataRow, trainModel } =
      await import('../../src-main/engine');
    const dataset = loadDataset(
      new Uint8Array(readFileSync(new URL(`../../assets/samples/${file}`, import.meta.url))),
      file,
    );
    const model = trainModel(dataset, defaultTrainSettings(dataset, undefined, { nEstimators: 30 }));
    const p = new ParallelPredictor(model.forest);
    predictors.push(p);
    expect(await p.whenReady()).toBe(true);
    for (const row of [0, 17, 200]) {
      const alone = await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS);
      const split = await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS, { predictor: p });
      expect(split.explanation).toEqual(alone.explanation);
      expect(split.weights).toEqual(alone.weights);
    }
  });
});
