import { describe, expect, it } from 'vitest';
import { presortFeatures } from '../../../src-main/engine/forest/growTree';
import { binFeatures, MAX_BINS } from '../../../src-main/engine/forest/histogramSplit';
import { createRng } from '../../../src-main/engine';

describe('binFeatures', () => {
  it('gives a feature with few distinct values one bin per value, cut at the midpoints', () => {
    // Column-major: feature 0 = [3, 1, 2, 1, 3], feature 1 constant.
    const X = Float64Array.of(3, 1, 2, 1, 3, 7, 7, 7, 7, 7);
    const bins = binFeatures(X, presortFeatures(X, 5, 2), 5, 2);
    expect(Array.from(bins.cuts.subarray(bins.cutStart[0], bins.cutStart[1]))).toEqual([1.5, 2.5]);
    expect(Array.from(bins.codes.subarray(0, 5))).toEqual([2, 0, 1, 0, 2]);
    expect(bins.cutStart[2] - bins.cutStart[1]).toBe(0);
    expect(Array.from(bins.codes.subarray(5, 10))).toEqual([0, 0, 0, 0, 0]);
  });

  it('cuts a continuous feature into at most 256 bins of about equal counts, x ≤ cut[b] exactly in bins ≤ b', () => {
    const n = 10_000;
    const rng = createRng(2);
    const X = Float64Array.from({ length: n }, () => rng.normal());
    const bins = binFeatures(X, presortFeatures(X, n, 1), n, 1);
    const cuts = bins.cuts;
    expect(cuts.length).toBe(MAX_BINS - 1);
    const counts = new Array(MAX_BINS).fill(0);
    for (let r = 0; r < n; r++) {
      const b = bins.codes[r];
      counts[b]++;
      if (b > 0) expect(X[r]).toBeGreaterThan(cuts[b - 1]);
      if (b < cuts.length) expect(X[r]).toBeLessThanOrEqual(cuts[b]);
    }
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(Math.floor(n / MAX_BINS) - 1);
    expect(Math.max(...counts.slice(0, -1))).toBeLessThanOrEqual(Math.ceil(n / MAX_BINS) + 1);
  });
});
