import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  LimeTabularExplainer,
  RandomForestClassifier,
  accuracy,
  explainDataRow,
  loadDataset,
  stratifiedSplit,
  trainModel,
  type Dataset,
  type TrainSettings,
  type TrainedModel,
} from '../../../src-main/engine';

const bytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../assets/samples/${name}`, import.meta.url)));

const settingsFor = (dataset: Dataset, target: string, task: TrainSettings['task']): TrainSettings =>
  defaultTrainSettings(dataset, target, { task });

describe('defaultTrainSettings', () => {
  it('is the reference workflow: suggested target, usable features, 100 trees, √ split for classification, 80/20, seed 42', () => {
    const dataset = loadDataset(bytes('breast_cancer.csv'), 'breast_cancer.csv');
    const s = defaultTrainSettings(dataset);
    expect(s).toMatchObject({
      target: 'diagnosis',
      task: 'classification',
      nEstimators: 100,
      maxDepth: null,
      maxFeatures: 'sqrt',
      minSamplesLeaf: 1,
      testFraction: 0.2,
      seed: 42,
      kFolds: 0,
    });
    expect(s.features).toHaveLength(30);
    expect(s.features).not.toContain('diagnosis');
    const diabetes = defaultTrainSettings(loadDataset(bytes('diabetes.csv'), 'diabetes.csv'));
    expect(diabetes).toMatchObject({ target: 'progression', task: 'regression', maxFeatures: 1 });
    expect(defaultTrainSettings(dataset, 'diagnosis', { seed: 7, nEstimators: 10 })).toMatchObject({
      seed: 7,
      nEstimators: 10,
    });
  });
});

describe('trainModel + explainDataRow on breast cancer (the reference workflow)', () => {
  let dataset: Dataset;
  let model: TrainedModel;
  beforeAll(() => {
    dataset = loadDataset(bytes('breast_cancer.csv'), 'breast_cancer.csv');
    model = trainModel(dataset, settingsFor(dataset, 'diagnosis', 'classification'));
  });

  it('splits 455/114 stratified and reaches ≈96% test accuracy with the expected confusion total', () => {
    expect(model.split.train.length).toBe(455);
    expect(model.split.test.length).toBe(114);
    const m = model.metrics;
    if (m.task !== 'classification') throw new Error('expected classification');
    expect(m.classes).toEqual(['benign', 'malignant']);
    expect(m.accuracy).toBeGreaterThanOrEqual(0.94);
    expect(m.accuracy).toBeLessThanOrEqual(0.98);
    expect(m.confusion.flat().reduce((a, b) => a + b, 0)).toBe(114);
    expect(m.confusion[0][0] + m.confusion[0][1]).toBe(72); // benign test rows
    expect(m.rocAuc).toBeGreaterThan(0.98);
  });

  it('matches a forest trained directly on the same split (the pipeline adds nothing of its own)', () => {
    const split = stratifiedSplit(model.frame.y, { testFraction: 0.2, seed: 42 });
    const x = model.frame.X; // breast cancer has no missing values, so imputation is the identity
    const forest = new RandomForestClassifier({ nEstimators: 100, maxFeatures: 'sqrt', seed: 42 }).train(
      Array.from(split.train, (i) => x[i]),
      Array.from(split.train, (i) => model.frame.y[i]),
    );
    const yTest = Array.from(split.test, (i) => model.frame.y[i]);
    const acc = accuracy(yTest, forest.predict(Array.from(split.test, (i) => x[i])));
    expect(model.metrics.task === 'classification' && model.metrics.accuracy).toBe(acc);
  });

  it('ranks "worst …" / "mean concave points" features at the top of the impurity importances', () => {
    const top5 = model.impurityImportance.slice(0, 5).map((f) => f.feature);
    const expected = [
      'worst area',
      'worst concave points',
      'worst radius',
      'worst perimeter',
      'mean concave points',
    ];
    expect(top5.filter((f) => expected.includes(f)).length).toBeGreaterThanOrEqual(4);
    const sum = model.impurityImportance.reduce((a, f) => a + f.importance, 0);
    expect(sum).toBeCloseTo(1, 10);
  });

  it('explains a test row with 8 weights equal to calling the explainer directly, sorted by |weight|', async () => {
    const dataRow = model.frame.rowIndex[model.split.test[0]];
    const e = await explainDataRow(model, dataset, dataRow, DEFAULT_LIME_SETTINGS);
    expect(e.weights).toHaveLength(8);
    const abs = e.weights.map((w) => Math.abs(w.weight));
    expect([...abs].sort((a, b) => b - a)).toEqual(abs);

    const explainer = new LimeTabularExplainer(model.xTrain, {
      featureNames: model.frame.featureNames,
      classNames: model.frame.classes,
      randomState: 42,
    });
    const direct = await explainer.explainInstance(
      model.xTest[0],
      (rows) => (model.forest instanceof RandomForestClassifier ? model.forest.predictProba(rows) : []),
      {
        labels: [e.label!],
        numFeatures: 8,
        numSamples: 5000,
      },
    );
    expect(e.weights.map((w) => [w.condition, w.weight])).toEqual(direct.asList(e.label!));
    expect(e.settings.kernelWidth).toBeCloseTo(0.75 * Math.sqrt(30), 12);
    expect(e.modelPred).toBe(e.probabilities![e.label!]);
  });

  it('is deterministic: same seed, identical explanation; another LIME seed, different weights', async () => {
    const a = await explainDataRow(model, dataset, 5, DEFAULT_LIME_SETTINGS);
    const b = await explainDataRow(model, dataset, 5, DEFAULT_LIME_SETTINGS);
    const c = await explainDataRow(model, dataset, 5, { ...DEFAULT_LIME_SETTINGS, seed: 7 });
    expect(b.weights).toEqual(a.weights);
    expect(c.weights.map((w) => w.weight)).not.toEqual(a.weights.map((w) => w.weight));
  });

  it('rejects a row that does not exist with the valid range', async () => {
    await expect(explainDataRow(model, dataset, 569, DEFAULT_LIME_SETTINGS)).rejects.toThrow(
      /rows 1 to 569; row 570 does not exist/,
    );
  });
});

describe('trainModel on the other samples', () => {
  it('regression (diabetes): R² of the test split beats the mean and the explanation reports the value range', async () => {
    const dataset = loadDataset(bytes('diabetes.csv'), 'diabetes.csv');
    const model = trainModel(dataset, settingsFor(dataset, 'progression', 'regression'));
    if (model.metrics.task !== 'regression') throw new Error('expected regression');
    expect(model.metrics.r2).toBeGreaterThan(0.3);
    expect(model.metrics.r2).toBeLessThan(0.6);
    const e = await explainDataRow(model, dataset, 3, DEFAULT_LIME_SETTINGS);
    expect(e.predictedValue).toBe(model.forest.predict([model.imputer.apply([model.frame.X[3]])[0]])[0]);
    expect(e.targetRange![0]).toBeLessThan(e.predictedValue!);
    expect(e.targetRange![1]).toBeGreaterThan(e.predictedValue!);
    expect(Number.isFinite(e.score)).toBe(true);
    expect(Number.isFinite(e.localPred)).toBe(true);
  });

  it('k-fold CV on iris gives k scores with a mean above 0.9', () => {
    const dataset = loadDataset(bytes('iris.csv'), 'iris.csv');
    const model = trainModel(dataset, { ...settingsFor(dataset, 'species', 'classification'), kFolds: 5 });
    expect(model.crossValidation!.scores).toHaveLength(5);
    expect(model.crossValidation!.mean).toBeGreaterThan(0.9);
  });

  it('stops with CancelledError when the signal is aborted mid-training', () => {
    const dataset = loadDataset(bytes('iris.csv'), 'iris.csv');
    const controller = new AbortController();
    const fractions: number[] = [];
    expect(() =>
      trainModel(dataset, settingsFor(dataset, 'species', 'classification'), {
        signal: controller.signal,
        onProgress: (f) => {
          fractions.push(f);
          if (f > 0.2) controller.abort();
        },
      }),
    ).toThrow(/Cancel/);
    expect(Math.max(...fractions)).toBeLessThan(0.5);
  });
});
