import { describe, expect, it } from 'vitest';
import {
  createExplainer,
  createRng,
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainEncodedRow,
  explainerFor,
  explainerInputs,
  explainerSource,
  forestOptions,
  LimeTabularExplainer,
  loadDataset,
  RandomForestClassifier,
  trainModel,
} from '../../../src-main/engine';

/**
 * Training reads the model frame's columns and builds no row arrays (the imputer, the forest
 * through a view over the imputed columns, LIME through a column reader); the rows, built when
 * read, the forest, the explainer and the pool's shared columns must be what the rows give.
 */
function smallTable() {
  const rng = createRng(5);
  const lines = ['a,b,kind,label'];
  for (let i = 0; i < 400; i++) {
    const a = rng.normal();
    const b = rng.next() < 0.1 ? 'NA' : (rng.normal() * 3).toFixed(2);
    const kind = ['x', 'y', 'z'][rng.int(3)];
    lines.push(`${a},${b},${rng.next() < 0.05 ? '' : kind},${a + rng.normal() > 0.3 ? 'yes' : 'no'}`);
  }
  const dataset = loadDataset(new TextEncoder().encode(lines.join('\n')), 'small.csv');
  const settings = defaultTrainSettings(dataset, 'label', { nEstimators: 5, seed: 4 });
  return { dataset, settings, model: trainModel(dataset, settings) };
}

describe('model rows from the frame columns', () => {
  const { settings, model } = smallTable();
  const { frame, imputer, split } = model;

  it('builds xTrain and xTest as the imputer gives the frame rows, missing values filled', () => {
    const imputed = imputer.apply(frame.X);
    expect(model.xTrain).toEqual(Array.from(split.train, (i) => imputed[i]));
    expect(model.xTest).toEqual(Array.from(split.test, (i) => imputed[i]));
    const missingB = Array.from(split.train).findIndex((i) => Number.isNaN(frame.X[i][1]));
    expect(missingB).toBeGreaterThanOrEqual(0);
    expect(model.xTrain[missingB][1]).toBe(imputer.fillValues[1]);
    expect(model.xTrain).toBe(model.xTrain); // built once, then kept
    expect(model.xTest).toBe(model.xTest);
  });

  it('grows the forest the imputed rows give (exact split search, read through the view)', () => {
    const fromRows = new RandomForestClassifier(forestOptions(settings)).train(model.xTrain, model.yTrain, {
      nClasses: 2,
    });
    expect(model.forest.toJSON()).toEqual(fromRows.toJSON());
  });

  it('scores the test split as its rows do', () => {
    const forest = model.forest as RandomForestClassifier;
    expect(model.testOutputs).toEqual(forest.predictProba(model.xTest));
    expect(model.testPredictions).toEqual(forest.predict(model.xTest));
  });

  it('builds the explainer the rows give, in process and from the pool inputs', async () => {
    const fromRows = createExplainer(
      { frame, xTrain: model.xTrain, yTrain: model.yTrain },
      DEFAULT_LIME_SETTINGS,
    );
    const inputs = explainerInputs(model);
    expect(inputs.trainColumns[0].buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(inputs.trainColumns[1])).toEqual(model.xTrain.map((r) => r[1]));
    const fromPoolInputs = createExplainer(explainerSource(inputs), DEFAULT_LIME_SETTINGS);
    const explain = (e: LimeTabularExplainer) =>
      explainEncodedRow(e, model.forest, frame, model.xTest[3], DEFAULT_LIME_SETTINGS);
    const expected = await explain(fromRows);
    for (const explainer of [explainerFor(model, DEFAULT_LIME_SETTINGS), fromPoolInputs]) {
      expect(explainer.scalerMean).toEqual(fromRows.scalerMean);
      expect(explainer.scalerScale).toEqual(fromRows.scalerScale);
      expect(explainer.featureFrequencies).toEqual(fromRows.featureFrequencies);
      expect(explainer.discretizer?.boundaries).toEqual(fromRows.discretizer?.boundaries);
      expect(await explain(explainer)).toEqual(expected);
    }
  });

  it('LIME checks a column reader finite like rows, naming the row and column', () => {
    const column = (f: number, out: Float64Array) => out.set(f === 1 ? [1, 2, 3, NaN, 5] : [1, 2, 3, 4, 5]);
    expect(() => new LimeTabularExplainer({ rows: 5, features: 2, column })).toThrow(
      'trainingData row 3, column 1 is NaN: impute missing values before LIME',
    );
    expect(
      () =>
        new LimeTabularExplainer([
          [1, 1],
          [2, 2],
          [3, 3],
          [4, NaN],
          [5, 5],
        ]),
    ).toThrow('trainingData row 3, column 1 is NaN: impute missing values before LIME');
  });
});
