import { describe, expect, it } from 'vitest';
import { LimeTabularExplainer } from '../../../src-main/engine/lime/limeTabularExplainer';
import { formatFixed2 } from '../../../src-main/engine/lime/pyFormat';
import { columnStats, gaussianData, logistic } from './helpers';

// Five Gaussian features on different scales; the model is p(class 1) = logistic(3·z0 − 1.5·z1)
// of the standardized first two, and ignores the other three.
const X = gaussianData(2000, 5, 11).map((r) => [r[0] * 2 + 10, r[1] * 0.5 - 3, r[2], r[3] * 5, r[4]]);
const { mean, sd } = columnStats(X);
const z = (r: readonly number[], j: number) => (r[j] - mean[j]) / sd[j];
const predict = (rows: number[][]) =>
  rows.map((r) => {
    const p = logistic(3 * z(r, 0) - 1.5 * z(r, 1));
    return [1 - p, p];
  });
// z = (1.2, 1.0, 0, 0.3, −0.2): in the top quartile of both informative features.
const instance = [
  mean[0] + 1.2 * sd[0],
  mean[1] + 1.0 * sd[1],
  mean[2],
  mean[3] + 0.3 * sd[3],
  mean[4] - 0.2 * sd[4],
];
const featureNames = ['a', 'b', 'c', 'd', 'e'];

describe('LIME recovers a known logistic model', () => {
  it('discretized (quartiles): the instance bins of z0 and z1 get the right signs and ranking', async () => {
    for (const seed of [0, 1, 2]) {
      const explainer = new LimeTabularExplainer(X, { featureNames, randomState: seed });
      const e = await explainer.explainInstance(instance, predict, { numFeatures: 5 });
      const list = e.asList(1);
      expect(list.map(([c]) => c).slice(0, 2)).toEqual([
        `a > ${formatFixed2(explainer.discretizer!.boundaries[0][2])}`,
        `b > ${formatFixed2(explainer.discretizer!.boundaries[1][2])}`,
      ]);
      const [w0, w1, ...rest] = list.map(([, w]) => w);
      expect(w0).toBeGreaterThan(0.4); // being in z0's top bin raises p
      expect(w1).toBeLessThan(-0.15); // being in z1's top bin lowers p
      expect(Math.abs(w0)).toBeGreaterThan(Math.abs(w1));
      for (const w of rest) expect(Math.abs(w)).toBeLessThan(0.05);
      expect(e.score[1]).toBeGreaterThan(0.45);
      expect(e.predictProba![1]).toBeCloseTo(logistic(3 * 1.2 - 1.5 * 1.0), 10);
      // The surrogate's prediction at the instance is intercept + the weights of its (all-one) binary row.
      const sum = list.reduce((s, [, w]) => s + w, e.intercept[1]);
      expect(e.localPred[1]).toBeCloseTo(sum, 10);
    }
  });

  it('continuous (no discretization): weights per standard deviation in the ratio 3 : −1.5', async () => {
    const explainer = new LimeTabularExplainer(X, {
      featureNames,
      discretizeContinuous: false,
      randomState: 3,
    });
    const e = await explainer.explainInstance(instance, predict, { numFeatures: 5 });
    const weights = new Map(e.asList(1));
    expect(weights.get('a')!).toBeGreaterThan(0.3);
    expect(weights.get('b')!).toBeLessThan(-0.15);
    expect(weights.get('a')! / weights.get('b')!).toBeCloseTo(-2, 0);
    for (const name of ['c', 'd', 'e']) expect(Math.abs(weights.get(name)!)).toBeLessThan(0.01);
    expect(e.score[1]).toBeGreaterThan(0.85);
    expect(e.asList(1).map(([c]) => c)).toHaveLength(5);
  });

  it('class 0 mirrors class 1 (probabilities sum to one)', async () => {
    const explainer = new LimeTabularExplainer(X, { featureNames, randomState: 4 });
    const e = await explainer.explainInstance(instance, predict, { numFeatures: 5, labels: [0, 1] });
    const one = new Map(e.asMap()[1]);
    for (const [f, w] of e.asMap()[0]) expect(w).toBeCloseTo(-one.get(f)!, 10);
    expect(e.intercept[0] + e.intercept[1]).toBeCloseTo(1, 10);
  });
});
