import { describe, expect, it } from 'vitest';
import { LimeTabularExplainer } from '../../../src-main/engine/lime/limeTabularExplainer';
import { createRng } from '../../../src-main/engine/random/rng';
import { logistic } from './helpers';

// Feature 0: colour code 0/1/2 ('a', 'b', 'c') with training frequencies 0.5 / 0.3 / 0.2;
// features 1–2: continuous. The model's class-1 probability jumps when the colour is 'b'.
const rng = createRng(41);
const N = 1000;
const X = Array.from({ length: N }, (_, i) => [i < 500 ? 0 : i < 800 ? 1 : 2, rng.normal(), rng.normal()]);
const options = {
  featureNames: ['color', 'size', 'weight'],
  categoricalFeatures: [0],
  categoricalNames: { 0: ['a', 'b', 'c'] },
  classNames: ['no', 'yes'],
};
const predict = (rows: number[][]) =>
  rows.map((r) => {
    const p = logistic(-1.5 + 3 * (r[0] === 1 ? 1 : 0) + 0.3 * r[1]);
    return [1 - p, p];
  });

describe('categorical features', () => {
  it('explain the instance’s category as `name=value` with the largest positive weight', async () => {
    for (const discretizeContinuous of [true, false]) {
      const explainer = new LimeTabularExplainer(X, { ...options, discretizeContinuous, randomState: 2 });
      const e = await explainer.explainInstance([1, 0.2, -0.4], predict, { numFeatures: 3 });
      const [top, ...rest] = e.asList(1);
      expect(top[0]).toBe('color=b');
      expect(top[1]).toBeGreaterThan(0.3);
      for (const [, w] of rest) expect(Math.abs(w)).toBeLessThan(top[1] / 3);
      expect(e.featureNames[0]).toBe('color=b');
      expect(e.featureValues[0]).toBe('True');
      expect(e.featureValues[1]).toBe('0.20');
      expect(e.classNames).toEqual(['no', 'yes']);
    }
  });

  it('samples categories with their training frequencies', async () => {
    const explainer = new LimeTabularExplainer(X, { ...options, randomState: 3 });
    expect(Array.from(explainer.featureValues[0])).toEqual([0, 1, 2]);
    expect(Array.from(explainer.featureFrequencies[0])).toEqual([0.5, 0.3, 0.2]);
    let sampled: number[][] = [];
    await explainer.explainInstance([2, 0, 0], (rows) => {
      sampled = rows;
      return predict(rows);
    });
    const counts = [0, 0, 0];
    for (const row of sampled.slice(1)) counts[row[0]]++;
    const n = sampled.length - 1;
    // 5000 draws: the standard error of each share is below 0.008.
    expect(counts[0] / n).toBeCloseTo(0.5, 1);
    expect(Math.abs(counts[0] / n - 0.5)).toBeLessThan(0.025);
    expect(Math.abs(counts[1] / n - 0.3)).toBeLessThan(0.025);
    expect(Math.abs(counts[2] / n - 0.2)).toBeLessThan(0.025);
    expect(sampled.every((r) => Number.isInteger(r[0]))).toBe(true);
  });

  it('names a category by its code without categoricalNames, and rejects non-integer codes', async () => {
    const explainer = new LimeTabularExplainer(X, {
      featureNames: ['color', 'size', 'weight'],
      categoricalFeatures: [0],
      randomState: 1,
    });
    const e = await explainer.explainInstance([1, 0, 0], predict, { numFeatures: 1 });
    expect(e.asList(1)).toEqual([['color=1', expect.any(Number)]]);
    expect(
      () =>
        new LimeTabularExplainer(
          [
            [0.5, 1],
            [1, 2],
          ],
          { categoricalFeatures: [0] },
        ),
    ).toThrow(/non-integer/);
  });
});
