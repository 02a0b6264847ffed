import { describe, expect, it } from 'vitest';
import {
  createRng,
  defaultTrainSettings,
  fitImputer,
  forestOptions,
  loadDataset,
  RandomForestClassifier,
  trainModel,
} from '../../../src-main/engine';

/**
 * trainModel bins a large table's features from the frame's columns (imputed on the fly), not
 * from the row arrays: the forest must be the one the rows give.
 */
function bigTable() {
  const rng = createRng(8);
  const lines = ['a,b,c,kind,label'];
  for (let i = 0; i < 38_000; i++) {
    const a = rng.normal();
    const b = rng.next() < 0.1 ? 'NA' : (rng.normal() * 3).toFixed(2);
    const c = rng.int(5);
    const kind = ['x', 'y', 'z'][rng.int(3)];
    lines.push(
      `${a},${b},${c},${rng.next() < 0.05 ? '' : kind},${a + c / 3 + rng.normal() > 0.7 ? 'yes' : 'no'}`,
    );
  }
  return { lines, dataset: loadDataset(new TextEncoder().encode(lines.join('\n')), 'big.csv') };
}

describe('forest input from the frame columns', () => {
  it('grows the same histogram forest as training on the imputed rows, missing values included', () => {
    const { lines, dataset } = bigTable();
    const settings = defaultTrainSettings(dataset, 'label', { nEstimators: 2, maxDepth: 6, seed: 3 });
    const model = trainModel(dataset, settings);
    expect(model.xTrain.length).toBeGreaterThan(30_000); // the histogram search, which reads the columns
    expect(model.imputer.describe()).toEqual([
      'b: 3761 missing values imputed with the training median -0.01',
      "kind: 1958 missing values imputed with the most frequent training category 'z'",
    ]);
    expect(lines.filter((l) => l.includes(',NA,')).length).toBe(3761);
    // The imputer read from the row arrays learns the same fill values.
    const fromRowArrays = fitImputer(model.frame.X, model.split.train, model.frame.featureKinds);
    expect(fromRowArrays.fillValues).toEqual(model.imputer.fillValues);
    const fromRows = new RandomForestClassifier(forestOptions(settings)).train(model.xTrain, model.yTrain, {
      nClasses: 2,
    });
    expect(model.forest.toJSON()).toEqual(fromRows.toJSON());
    // Its thresholds are its bins' float32 cuts, held in 4 bytes.
    expect(model.forest.trees[0].threshold).toBeInstanceOf(Float32Array);
  });

  it('predicts a test split larger than one batch (8 192 rows) as it predicts all rows at once', () => {
    const { dataset } = bigTable();
    const settings = defaultTrainSettings(dataset, 'label', { nEstimators: 3, maxDepth: 8, seed: 5 });
    const model = trainModel(dataset, { ...settings, testFraction: 0.25 });
    expect(model.split.test.length).toBe(9500);
    const all = (model.forest as RandomForestClassifier).predictProba(model.xTest);
    expect(model.testOutputs).toEqual(all);
    expect(model.testPredictions).toEqual(model.forest.predict(model.xTest));
    // Both classes occur, so the comparison is not of constant rows.
    expect(new Set(model.testPredictions).size).toBe(2);
  });
});
