import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultTrainSettings, loadDataset, restoreModel, trainModel } from '../../../src-main/engine';

const bytes = new Uint8Array(readFileSync(new URL('../../../assets/samples/iris.csv', import.meta.url)));
const dataset = loadDataset(bytes, 'iris.csv');
const settings = defaultTrainSettings(dataset, undefined, { nEstimators: 20, seed: 5 });
const trained = trainModel(dataset, settings);
const saved = (forest: unknown) => ({
  forest,
  impurityImportance: trained.impurityImportance,
  permutationImportance: trained.permutationImportance,
  trainMillis: 12,
});

describe('restoreModel', () => {
  it('gives the trained model back from its forest JSON: same split, predictions and metrics', () => {
    const json = JSON.parse(JSON.stringify(trained.forest.toJSON())) as unknown;
    const restored = restoreModel(dataset, settings, saved(json));
    expect(Array.from(restored.split.test)).toEqual(Array.from(trained.split.test));
    expect(restored.testOutputs).toEqual(trained.testOutputs);
    expect(restored.metrics).toEqual(trained.metrics);
    expect(restored.xTrain).toEqual(trained.xTrain);
    expect(restored.trainMillis).toBe(12);
  });

  it('refuses a forest for other settings or a damaged one with a sentence, not a stack', () => {
    const json = trained.forest.toJSON();
    expect(() =>
      restoreModel(dataset, { ...settings, features: settings.features.slice(0, 3) }, saved(json)),
    ).toThrow('The saved model does not fit its settings (classification on 3 features).');
    expect(() => restoreModel(dataset, settings, saved({ kind: 'classifier', trees: 'x' }))).toThrow(
      /^The saved model is damaged: /,
    );
  });
});
