import { describe, expect, it } from 'vitest';
import {
  permutationImportance,
  permutationImportanceAsync,
} from '../../../src-main/engine/importance/permutationImportance';
import { cancerForest } from '../forest/loadNumericCsv';

describe('permutation importance', () => {
  // A model that only looks at feature 0: y = x0, scored by R².
  const X = Array.from({ length: 40 }, (_, i) => [i, (i * 7) % 11, 5]);
  const y = X.map((r) => r[0]);
  const linear = { predict: (rows: number[][]) => rows.map((r) => r[0]) };

  it('an unused feature scores exactly 0 ± 0; the used one drops R² by 1 − R²(shuffled)', () => {
    const res = permutationImportance(linear, X, y, { nRepeats: 4, seed: 1 });
    expect(res.baseline).toBe(1);
    expect(res.mean[1]).toBe(0);
    expect(res.std[1]).toBe(0);
    expect(res.mean[2]).toBe(0);
    // shuffling x0 against itself: R² = 2ρ − 1 of a random permutation, far below 1
    expect(res.mean[0]).toBeGreaterThan(1);
    expect(res.drops[0]).toHaveLength(4);
    const m = res.drops[0].reduce((a, b) => a + b, 0) / 4;
    expect(res.mean[0]).toBeCloseTo(m, 14);
    const sd = Math.sqrt(res.drops[0].reduce((a, b) => a + (b - m) ** 2, 0) / 4);
    expect(res.std[0]).toBeCloseTo(sd, 14);
  });

  it("is reproducible, and a feature's result does not depend on the features before it", () => {
    const a = permutationImportance(linear, X, y, { seed: 3 });
    const b = permutationImportance(linear, X, y, { seed: 3 });
    expect(b).toEqual(a);
    const c = permutationImportance(linear, X, y, { seed: 4 });
    expect(c.drops[0]).not.toEqual(a.drops[0]);
  });

  it('uses accuracy for a classifier: breast cancer test split, worst-feature family matters most', () => {
    const { forest: model, testX, testY } = cancerForest({ nEstimators: 50, seed: 42 });
    const res = permutationImportance(model, testX, testY, { nRepeats: 5, seed: 42 });
    expect(res.baseline * 114).toBeCloseTo(Math.round(res.baseline * 114), 9);
    expect(res.mean).toHaveLength(30);
    // every drop is a whole number of test rows
    for (const d of res.drops.flat()) expect(Math.abs(d * 114 - Math.round(d * 114))).toBeLessThan(1e-9);
    expect(Math.max(...res.mean)).toBeGreaterThan(0);
    expect(Math.max(...res.mean)).toBeLessThan(0.1);
  });

  it('asynchronously: the same result, each round told which column it shuffled', async () => {
    const features: number[] = [];
    const res = await permutationImportanceAsync(
      (rows, feature) => {
        features.push(feature);
        return Promise.resolve(linear.predict(rows));
      },
      X,
      y,
      { nRepeats: 2, seed: 1, metric: 'r2' },
    );
    expect(features).toEqual([-1, 0, 0, 1, 1, 2, 2]);
    expect(res).toStrictEqual(permutationImportance(linear, X, y, { nRepeats: 2, seed: 1 }));
  });

  it('validates its options', () => {
    expect(() => permutationImportance(linear, X, y, { nRepeats: 0 })).toThrow(/nRepeats/);
    expect(() => permutationImportance(linear, X, y.slice(1))).toThrow(/39 values/);
  });
});
