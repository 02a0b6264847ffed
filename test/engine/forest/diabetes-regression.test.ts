import { describe, expect, it } from 'vitest';
import { RandomForestRegressor } from '../../../src-main/engine/forest/RandomForestRegressor';
import { mae, r2 } from '../../../src-main/engine/metrics/regressionMetrics';
import { stratifiedSplit } from '../../../src-main/engine/split/stratifiedSplit';
import { loadNumericCsv, pick } from './loadNumericCsv';

const diabetes = loadNumericCsv('diabetes.csv', { regression: true });

describe('diabetes regression, 80/20 shuffled split, 100 trees', () => {
  const scores = [1, 2, 3, 42].map((seed) => {
    const s = stratifiedSplit(diabetes.y, { testFraction: 0.2, seed, stratify: false });
    const model = new RandomForestRegressor({ nEstimators: 100, seed }).train(
      pick(diabetes.X, s.train),
      pick(diabetes.y, s.train),
    );
    const yTest = pick(diabetes.y, s.test);
    const trainMean = pick(diabetes.y, s.train).reduce((a, b) => a + b, 0) / s.train.length;
    const pred = model.predict(pick(diabetes.X, s.test));
    return {
      seed,
      r2: r2(yTest, pred),
      baseline: r2(
        yTest,
        yTest.map(() => trainMean),
      ),
      mae: mae(yTest, pred),
      model,
    };
  });

  it('R² on the test rows lies in 0.35–0.55 and beats predicting the training mean', () => {
    for (const s of scores) {
      expect(s.r2).toBeGreaterThan(0.35);
      expect(s.r2).toBeLessThan(0.55);
      expect(s.baseline).toBeLessThanOrEqual(0);
      expect(s.r2).toBeGreaterThan(s.baseline + 0.3);
    }
  });

  it('seed 42 gives R² 0.36948…', () => {
    expect(scores[3].r2).toBeCloseTo(0.3694826501928081, 10);
  });

  it('predictions are means of leaf means, inside the range of the training targets', () => {
    const model = scores[3].model;
    const pred = model.predict(diabetes.X);
    expect(Math.min(...pred)).toBeGreaterThanOrEqual(Math.min(...diabetes.y));
    expect(Math.max(...pred)).toBeLessThanOrEqual(Math.max(...diabetes.y));
    // bmi and s5_ltg are the strongest predictors in this data set
    const imp = model.featureImportances();
    const top2 = imp
      .map((v, i) => ({ v, name: diabetes.featureNames[i] }))
      .sort((a, b) => b.v - a.v)
      .slice(0, 2)
      .map((x) => x.name)
      .sort();
    expect(top2).toEqual(['bmi', 's5_ltg']);
  });
});
