import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  loadDataset,
  trainModel,
  warmExplanations,
} from '../../../src-main/engine';

const dataset = loadDataset(
  new Uint8Array(readFileSync(new URL('../../../assets/samples/breast_cancer.csv', import.meta.url))),
  'breast_cancer.csv',
);
const settings = defaultTrainSettings(dataset, 'diagnosis');

describe('warmExplanations', () => {
  it('leaves results unchanged: the same explanation before and after warming, and after compiling', async () => {
    const cold = trainModel(dataset, settings);
    const warmed = trainModel(dataset, settings);
    const row = cold.frame.rowIndex[cold.split.test[0]];
    const before = await explainDataRow(cold, dataset, row, DEFAULT_LIME_SETTINGS);
    await warmExplanations(warmed, DEFAULT_LIME_SETTINGS, { rounds: 2 });
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

  it('runs until the forest has compiled itself, and the explanation stays the same', async () => {
    const model = trainModel(dataset, settings);
    const row = model.frame.rowIndex[model.split.test[1]];
    // Training's evaluation predicts small batches only: nothing started yet.
    expect(model.forest.compilingItself).toBe(false);
    const first = await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS);
    // One 5000-row neighbourhood walked: the next ones compile and probe.
    expect(model.forest.compilingItself).toBe(true);
    await warmExplanations(model, DEFAULT_LIME_SETTINGS, { rounds: 1 });
    expect(model.forest.compilingItself).toBe(false);
    const later = await explainDataRow(model, dataset, row, DEFAULT_LIME_SETTINGS);
    expect(later.weights).toEqual(first.weights);
    expect(later.intercept).toBe(first.intercept);
    expect(later.localPred).toBe(first.localPred);
  });
});
