import { RandomForestClassifier as MlRandomForestClassifier } from 'ml-random-forest';
import { describe, expect, it } from 'vitest';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { cancerForest, loadNumericCsv } from './loadNumericCsv';

describe('predictProbaAndLabels: both answers from one pass over the trees', () => {
  it('equals predictProba and predict (breast cancer, 60 trees)', () => {
    const { forest, testX: rows } = cancerForest({ nEstimators: 60, seed: 42 });
    const both = forest.predictProbaAndLabels(rows);
    expect(both.proba).toStrictEqual(forest.predictProba(rows));
    expect(both.labels).toStrictEqual(forest.predict(rows));
    // Not all one class: the labels follow the probabilities.
    expect(new Set(both.labels)).toEqual(new Set([0, 1]));
  });

  it('an imported ml-random-forest model keeps its majority vote for the labels (iris, even tree count)', () => {
    const d = loadNumericCsv('iris.csv');
    const ml = new MlRandomForestClassifier({ nEstimators: 6, seed: 4, maxFeatures: 0.5, noOOB: true });
    ml.train(d.X, d.y);
    const forest = RandomForestClassifier.load(ml.toJSON());
    const both = forest.predictProbaAndLabels(d.X);
    expect(both.labels).toStrictEqual(ml.predict(d.X));
    expect(both.proba).toStrictEqual(forest.predictProba(d.X));
  });
});
