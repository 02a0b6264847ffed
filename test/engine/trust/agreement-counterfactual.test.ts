import { beforeAll, describe, expect, it } from 'vitest';
import {
  RandomForestClassifier,
  RandomForestRegressor,
  averageRanks,
  explanationAgreement,
  nextUp,
  oneFeatureCounterfactual,
  spearman,
  type TrainedModel,
} from '../../../src-main/engine';
import { trainSample } from './breastCancerModel';

describe('explanationAgreement (LIME vs SHAP)', () => {
  it('shared top-K, sign agreement, Spearman over LIME’s features, sign conflicts', () => {
    const lime: [number, number][] = [
      [2, 0.4],
      [0, -0.3],
      [5, 0.1],
      [1, 0.05],
    ];
    const shap = [-0.2, 0.01, 0.3, 0, 0.25, -0.02];
    const a = explanationAgreement(lime, shap, 3);
    expect(a.limeTop).toEqual([2, 0, 5]);
    expect(a.shapTop).toEqual([2, 4, 0]);
    expect(a.shared).toEqual([2, 0]);
    // Signs: 2 (+,+) 0 (−,−) 5 (+,−) 1 (+,+) → 3 of 4 agree.
    expect(a.signAgreement).toBe(0.75);
    expect(a.signConflicts).toEqual([5]);
    // |lime| ranks 4,3,2,1 vs |shap| 0.3,0.2,0.02,0.01 ranks 4,3,2,1 → ρ = 1.
    expect(a.rankCorrelation).toBeCloseTo(1, 12);
  });

  it('Spearman with ties matches scipy: rankdata([1,2,2,3]) = [1,2.5,2.5,4], ρ([1,2,3,4],[4,3,2,1]) = −1', () => {
    expect(averageRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // scipy.stats.spearmanr([1,2,3,4,5],[2,1,4,3,5]).statistic = 0.8
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
    expect(spearman([1, 1], [1, 2])).toBeNull();
  });
});

describe('oneFeatureCounterfactual', () => {
  let model: TrainedModel;
  let forest: RandomForestClassifier;
  beforeAll(() => {
    model = trainSample('breast_cancer.csv', 'diagnosis').model;
    forest = model.forest as RandomForestClassifier;
  });
  const range = (f: number): [number, number] => {
    const col = model.xTrain.map((r) => r[f]);
    return [Math.min(...col), Math.max(...col)];
  };

  it('the value found flips the class, and no value closer to the case does (checked on a fine grid)', () => {
    const f = model.frame.featureNames.indexOf('worst concave points');
    // A borderline case: probability of its class closest to 0.5.
    const proba = forest.predictProba(model.xTest);
    const i = proba.map((p, r) => [Math.abs(p[0] - 0.5), r]).sort((a, b) => a[0] - b[0])[0][1];
    const row = model.xTest[i];
    const base = forest.predict([row])[0];
    const cf = oneFeatureCounterfactual(forest, row, f, { range: range(f) });
    expect(cf.value).not.toBeNull();
    const edited = [...row];
    edited[f] = cf.value!;
    expect(forest.predict([edited])[0]).toBe(cf.predictedClass);
    expect(cf.predictedClass).not.toBe(base);
    expect(cf.outputs).toEqual(forest.predictProba([edited])[0]);
    const [lo, hi] = range(f);
    for (let k = 0; k <= 2000; k++) {
      const v = lo + ((hi - lo) * k) / 2000;
      if (Math.abs(v - row[f]) >= Math.abs(cf.change!)) continue;
      const probe = [...row];
      probe[f] = v;
      expect(forest.predict([probe])[0]).toBe(base);
    }
  });

  it('"none within the training range" for a feature the trees never split on', () => {
    const X = [
      [0, 5],
      [1, 5],
      [0, 6],
      [1, 6],
    ];
    const m = new RandomForestClassifier({
      nEstimators: 3,
      seed: 1,
      maxFeatures: 'all',
      useSampleBagging: false,
    }).train(X, [0, 1, 0, 1]);
    const cf = oneFeatureCounterfactual(m, [0, 5], 1, { range: [5, 6] });
    expect(cf.value).toBeNull();
    expect(oneFeatureCounterfactual(m, [0, 5], 0, { range: [0, 1] })).toMatchObject({
      value: nextUp(0.5),
      predictedClass: 1,
    });
  });

  it('regression: the nearest value that moves the prediction by at least minShift', () => {
    const X = Array.from({ length: 40 }, (_, i) => [i, i % 3]);
    const y = X.map(([a]) => (a < 20 ? 0 : a < 30 ? 10 : 30));
    const m = new RandomForestRegressor({ nEstimators: 1, seed: 1, useSampleBagging: false }).train(X, y);
    expect(oneFeatureCounterfactual(m, [5, 0], 0, { range: [0, 39], minShift: 5 })).toMatchObject({
      value: nextUp(19.5),
      outputs: [10],
    });
    expect(oneFeatureCounterfactual(m, [5, 0], 0, { range: [0, 39], minShift: 20 })).toMatchObject({
      value: nextUp(29.5),
      outputs: [30],
    });
    expect(oneFeatureCounterfactual(m, [5, 0], 0, { range: [0, 39], minShift: 50 }).value).toBeNull();
  });
});
