import { describe, expect, it } from 'vitest';
import { loadDataset, trainModel, defaultTrainSettings, createRng } from '../../../src-main/engine';
import {
  PERMUTATION_MAX_ROWS,
  permutationSample,
} from '../../../src-main/engine/importance/permutationSample';

describe('permutationSample', () => {
  it('keeps every row of a test split up to the cap, in order', () => {
    expect(Array.from(permutationSample(5, 42))).toEqual([0, 1, 2, 3, 4]);
    expect(permutationSample(PERMUTATION_MAX_ROWS, 42)).toHaveLength(1000);
  });

  it('draws the cap of distinct ascending rows from a larger split, the same for the same seed', () => {
    const a = permutationSample(10_000, 42);
    expect(a).toHaveLength(1000);
    expect(new Set(a).size).toBe(1000);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(a[0]).toBeGreaterThanOrEqual(0);
    expect(a[a.length - 1]).toBeLessThan(10_000);
    expect(Array.from(permutationSample(10_000, 42))).toEqual(Array.from(a));
    expect(Array.from(permutationSample(10_000, 7))).not.toEqual(Array.from(a));
  });

  it('trainModel scores a sample of a large test split and says so in the preprocessing record', () => {
    const rng = createRng(3);
    const lines = ['a,b,label'];
    for (let i = 0; i < 11_000; i++) {
      const a = rng.next();
      lines.push(`${a.toFixed(4)},${rng.next().toFixed(4)},${a > 0.5 ? 'y' : 'n'}`);
    }
    const dataset = loadDataset(new TextEncoder().encode(lines.join('\n')), 'big.csv');
    const model = trainModel(dataset, defaultTrainSettings(dataset, 'label', { nEstimators: 3 }));
    expect(model.xTest).toHaveLength(2200);
    expect(model.permutationRows).toBe(1000);
    expect(model.preprocessing.at(-1)).toMatch(/Permutation importance scored on 1000 of the 2200 test rows/);
    // The informative feature still dominates on the sample.
    expect(model.permutationImportance[0].feature).toBe('a');
    expect(model.permutationImportance[0].importance).toBeGreaterThan(0.3);
  });
});
