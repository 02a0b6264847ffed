import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  forestPredictor,
  loadDataset,
  trainModel,
  rehearseExplanations,
  restoreModel,
} from '../../../src-main/engine';

const dataset = loadDataset(
  new Uint8Array(readFileSync(new URL('../../../assets/samples/breast_cancer.csv', import.meta.url))),
  'breast_cancer.csv',
);
const settings = defaultTrainSettings(dataset, 'diagnosis');

describe('rehearseExplanations', () => {
  it('leaves results unchanged: the same explanation before and after more rehearsals, and after compiling', async () => {
    const cold = trainModel(dataset, settings);
    const warmed = trainModel(dataset, settings);
    const row = cold.frame.rowIndex[cold.split.test[0]];
    const before = await explainDataRow(cold, dataset, row, DEFAULT_LIME_SETTINGS);
    rehearseExplanations(warmed, dataset, DEFAULT_LIME_SETTINGS, 2);
    const walked = await explainDataRow(warmed, dataset, row, DEFAULT_LIME_SETTINGS);
    expect(walked.weights).toEqual(before.weights);
    expect(warmed.forest.prepareFastPredict()).toBe(true);
    const after = await explainDataRow(warmed, dataset, row, DEFAULT_LIME_SETTINGS);
    expect(after.weights).toEqual(before.weights);
    expect(after.intercept).toBe(before.intercept);
    expect(after.score).toBe(before.score);
    expect(after.probabilities).toEqual(before.probabilities);
    expect(after.weights[0].feature).toBe(before.weights[0].feature);
  });

  it('after training, a first explanation predicts only its own row, and explains it as a full one would', async () => {
    const model = trainModel(dataset, settings);
    const row = model.frame.rowIndex[model.split.test[1]];
    const rows: number[] = [];
    const forest = forestPredictor(model.forest);
    const counting = {
      predictFlat(x: Float64Array, n: number, d: number) {
        rows.push(n);
        return forest.predictFlat(x, n, d);
      },
    };
    // Keyed by the forest like the default predictor, so it reads what trainModel kept.
    const first = await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS, {
      predictor: { ...counting, modelKey: model.forest },
    });
    expect(rows).toEqual([1]);
    // Another seed's neighbourhood is drawn and predicted whole; a predictor without a key never reuses.
    rehearseExplanations(model, dataset, { ...DEFAULT_LIME_SETTINGS, seed: 5 }, 2);
    const full = await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS, { predictor: counting });
    expect(rows).toEqual([1, 5000]);
    expect(full.weights).toEqual(first.weights);
    expect(full.intercept).toBe(first.intercept);
    expect(full.localPred).toBe(first.localPred);
    expect(full.score).toBe(first.score);
    expect(first.weights[0].feature).toBe('worst concave points');
  });

  it('a restored model is rehearsed too: its first explanation predicts only its own row, as the trained one explains it', async () => {
    const trained = trainModel(dataset, settings);
    const restored = restoreModel(dataset, settings, {
      forest: JSON.parse(JSON.stringify(trained.forest.toJSON())) as unknown,
      impurityImportance: trained.impurityImportance,
      permutationImportance: trained.permutationImportance,
      trainMillis: 1,
    });
    const row = restored.frame.rowIndex[restored.split.test[2]];
    const rows: number[] = [];
    const forest = forestPredictor(restored.forest);
    const first = await explainDataRow(restored, dataset, row, DEFAULT_LIME_SETTINGS, {
      predictor: {
        predictFlat(x: Float64Array, n: number, d: number) {
          rows.push(n);
          return forest.predictFlat(x, n, d);
        },
        modelKey: restored.forest,
      },
    });
    expect(rows).toEqual([1]);
    const fromTrained = await explainDataRow(trained, dataset, row, DEFAULT_LIME_SETTINGS);
    expect(first.weights).toEqual(fromTrained.weights);
    expect(first.intercept).toBe(fromTrained.intercept);
  });
});
