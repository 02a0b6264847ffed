import {
  RandomForestClassifier as MlRandomForestClassifier,
  RandomForestRegression as MlRandomForestRegression,
} from 'ml-random-forest';
import { describe, expect, it } from 'vitest';
import { nextDown } from '../../../src-main/engine/forest/importMlRandomForest';
import { loadForest } from '../../../src-main/engine/forest/loadForest';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { RandomForestRegressor } from '../../../src-main/engine/forest/RandomForestRegressor';
import { stratifiedSplit } from '../../../src-main/engine/split/stratifiedSplit';
import { loadNumericCsv, pick } from './loadNumericCsv';

describe('loading ml-random-forest models', () => {
  it.each([
    ['iris.csv', { nEstimators: 15, seed: 3, maxFeatures: 0.75, noOOB: true }],
    [
      'breast_cancer.csv',
      { nEstimators: 10, seed: 5, maxFeatures: 0.4, noOOB: true, treeOptions: { maxDepth: 6 } },
    ],
  ])('%s: predictions equal ml-random-forest on the test rows, live and after JSON text', (file, options) => {
    const d = loadNumericCsv(file);
    const s = stratifiedSplit(d.y, { testFraction: 0.3, seed: 11 });
    const ml = new MlRandomForestClassifier(options);
    ml.train(pick(d.X, s.train), pick(d.y, s.train));
    const json = ml.toJSON();
    const live = RandomForestClassifier.load(json);
    const text = RandomForestClassifier.load(JSON.parse(JSON.stringify(json)));
    const testX = pick(d.X, s.test);
    const expected = ml.predict(testX);
    expect(live.predict(testX)).toEqual(expected);
    expect(text.predict(testX)).toEqual(expected);
    expect(live.nClasses).toBe(d.classes.length);
    // the training rows too: they sit exactly on many of the thresholds' neighbours
    expect(text.predict(pick(d.X, s.train))).toEqual(ml.predict(pick(d.X, s.train)));
    // predictProba of an imported model is the share of trees voting for each class. (Not compared
    // with ml-random-forest's predictProbability: its reduce() lacks an initial value, so it starts
    // from the first tree's class index instead of 0.)
    const proba = text.predictProba(testX);
    const votes = ml.predictionValues(testX);
    proba.forEach((p, r) => {
      const perTree = votes.getRow(r);
      for (let c = 0; c < d.classes.length; c++) {
        expect(p[c]).toBeCloseTo(perTree.filter((v: number) => v === c).length / perTree.length, 14);
      }
    });
    const imp = text.featureImportances();
    // featureImportance() exists in ml-random-forest 2.1 but not in its type declarations
    const theirImportance = (ml as unknown as { featureImportance(): number[] }).featureImportance();
    theirImportance.forEach((v, f) => expect(imp[f]).toBeCloseTo(v, 12));
    // our JSON of an imported model round-trips and remembers where it came from
    const ours = text.toJSON();
    expect(ours.source).toBe('ml-random-forest');
    expect(ours.aggregation).toBe('vote');
    expect(loadForest(JSON.parse(JSON.stringify(ours))).predict(testX)).toEqual(expected);
  });

  it('a vote tie goes to the class that reached the count first, as ml-array-mode decides', () => {
    // Two one-node trees: first votes class 1, second class 0 → ml-random-forest says 1.
    const leaf = (distribution: number[]) => ({ distribution: [distribution] });
    const model = {
      name: 'RFClassifier' as const,
      baseModel: {
        indexes: [[0], [0]],
        isClassifier: true,
        estimators: [{ root: leaf([0.2, 0.8]) }, { root: leaf([0.9, 0.1]) }],
      },
    };
    const ours = RandomForestClassifier.load(model);
    expect(ours.predict([[0]])).toEqual([1]);
    expect(ours.predictProba([[0]])).toEqual([[0.5, 0.5]]);
  });

  it.each(['mean', 'median'] as const)(
    'regression (%s of the trees) equals ml-random-forest',
    (selectionMethod) => {
      const d = loadNumericCsv('diabetes.csv', { regression: true });
      const s = stratifiedSplit(d.y, { testFraction: 0.2, seed: 2, stratify: false });
      const ml = new MlRandomForestRegression({
        nEstimators: 8,
        seed: 9,
        maxFeatures: 0.6,
        selectionMethod,
        noOOB: true,
        treeOptions: { maxDepth: 6 },
      });
      ml.train(pick(d.X, s.train), pick(d.y, s.train));
      const ours = loadForest(JSON.parse(JSON.stringify(ml.toJSON())));
      expect(ours).toBeInstanceOf(RandomForestRegressor);
      expect(ours.predict(pick(d.X, s.test))).toEqual(ml.predict(pick(d.X, s.test)));
    },
  );

  it('turns ml-cart\'s "x < v" into "x <= nextDown(v)" exactly', () => {
    for (const v of [1, 0.1, -3.5, 1e-300, -1e-300, 123456.789]) {
      const t = nextDown(v);
      expect(t).toBeLessThan(v);
      expect(v <= t).toBe(false);
      // nothing lies strictly between t and v
      expect((t + v) / 2 === t || (t + v) / 2 === v).toBe(true);
    }
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
  });

  it('rejects a regression model loaded as a classifier', () => {
    const d = loadNumericCsv('iris.csv');
    const ml = new MlRandomForestRegression({ nEstimators: 2, seed: 1, noOOB: true });
    ml.train(d.X, d.y);
    expect(() => RandomForestClassifier.load(ml.toJSON())).toThrow(/cannot load as a classifier/);
  });
});
