import { RandomForestClassifier as MlRandomForestClassifier } from 'ml-random-forest';
import { describe, expect, it } from 'vitest';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { accuracy } from '../../../src-main/engine/metrics/classificationMetrics';
import { kFold } from '../../../src-main/engine/split/kFold';
import { stratifiedSplit } from '../../../src-main/engine/split/stratifiedSplit';
import { loadNumericCsv, pick } from './loadNumericCsv';

const cancer = loadNumericCsv('breast_cancer.csv');

function testAccuracy(splitSeed: number, forestSeed: number): { acc: number; model: RandomForestClassifier } {
  const s = stratifiedSplit(cancer.y, { testFraction: 0.2, seed: splitSeed });
  const model = new RandomForestClassifier({ nEstimators: 100, seed: forestSeed }).train(
    pick(cancer.X, s.train),
    pick(cancer.y, s.train),
  );
  return { acc: accuracy(pick(cancer.y, s.test), model.predict(pick(cancer.X, s.test))), model };
}

describe('breast cancer, stratified 80/20, 100 trees', () => {
  it('seed 42 (split and forest): 110 of 114 test rows right', () => {
    expect(testAccuracy(42, 42).acc).toBe(110 / 114);
  });

  it('on the seed-42 split, forest seeds 1..5 score within [0.94, 0.98]', () => {
    const accs = [1, 2, 3, 4, 5].map((seed) => testAccuracy(42, seed).acc * 114);
    expect(accs).toEqual([109, 110, 110, 110, 109]);
  });

  it('split and forest seeds 1..5 average 95–97%', () => {
    // The seed-1 split is a hard one: scikit-learn's forest (random_state 0..7) also gets 106–107 of
    // 114 on exactly these test rows, so the per-seed band is wider than the mean's.
    const accs = [1, 2, 3, 4, 5].map((seed) => testAccuracy(seed, seed).acc);
    expect(accs.map((a) => Math.round(a * 114))).toEqual([107, 109, 111, 110, 111]);
    const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
    expect(mean).toBeGreaterThanOrEqual(0.95);
    expect(mean).toBeLessThanOrEqual(0.97);
  });

  it('ranks the "worst …" / mean concave points features on top (as the reference notebook)', () => {
    const { model } = testAccuracy(42, 42);
    const imp = model.featureImportances();
    expect(imp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const ranked = imp
      .map((v, i) => ({ v, name: cancer.featureNames[i] }))
      .sort((a, b) => b.v - a.v)
      .map((x) => x.name);
    const expected = [
      'worst area',
      'worst concave points',
      'worst radius',
      'worst perimeter',
      'mean concave points',
    ];
    expect(ranked.slice(0, 5).filter((n) => expected.includes(n)).length).toBeGreaterThanOrEqual(3);
    expect(expected).toContain(ranked[0]);
    expect(ranked.slice(0, 5)).toEqual([
      'worst radius',
      'worst perimeter',
      'worst area',
      'mean concave points',
      'worst concave points',
    ]);
  });

  it('probabilities are averaged leaf fractions: rows sum to 1 and are multiples of 1/100 with pure leaves', () => {
    const { model } = testAccuracy(42, 42);
    const proba = model.predictProba(cancer.X.slice(0, 50));
    for (const [p0, p1] of proba) {
      expect(p0 + p1).toBeCloseTo(1, 12);
      expect(Math.abs(p1 * 100 - Math.round(p1 * 100))).toBeLessThan(1e-9);
    }
    const flat = model.predictProbaFlat(Float64Array.from(cancer.X.slice(0, 50).flat()), 50, 30);
    expect(Array.from(flat)).toEqual(proba.flat());
  });

  it('is as accurate as ml-random-forest on the same split (within a few points)', () => {
    const s = stratifiedSplit(cancer.y, { testFraction: 0.2, seed: 42 });
    const ml = new MlRandomForestClassifier({ nEstimators: 20, seed: 42, maxFeatures: 0.5, noOOB: true });
    ml.train(pick(cancer.X, s.train), pick(cancer.y, s.train));
    const theirs = accuracy(pick(cancer.y, s.test), ml.predict(pick(cancer.X, s.test)));
    const ours = testAccuracy(42, 42).acc;
    expect(theirs).toBe(108 / 114);
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(0.04);
  });
});

describe('iris, 5-fold cross-validation', () => {
  it('matches ml-random-forest within a few points', () => {
    const iris = loadNumericCsv('iris.csv');
    let oursHits = 0;
    let theirHits = 0;
    for (const fold of kFold(iris.y, { k: 5, seed: 42 })) {
      const X = pick(iris.X, fold.train);
      const y = pick(iris.y, fold.train);
      const ours = new RandomForestClassifier({ nEstimators: 100, seed: 1 }).train(X, y);
      const ml = new MlRandomForestClassifier({ nEstimators: 25, seed: 1, maxFeatures: 0.5, noOOB: true });
      ml.train(X, y);
      const yTest = pick(iris.y, fold.test);
      oursHits += accuracy(yTest, ours.predict(pick(iris.X, fold.test))) * fold.test.length;
      theirHits += accuracy(yTest, ml.predict(pick(iris.X, fold.test))) * fold.test.length;
    }
    expect(Math.round(oursHits)).toBeGreaterThanOrEqual(141);
    expect(Math.abs(oursHits - theirHits) / 150).toBeLessThanOrEqual(0.04);
  });
});
