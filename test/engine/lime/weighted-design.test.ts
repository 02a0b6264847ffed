import { describe, expect, it } from 'vitest';
import { weightedDesign, weightedTarget } from '../../../src-main/engine/lime/weightedDesign';
import { weightedR2 } from '../../../src-main/engine/lime/weightedRidge';

describe('weightedDesign on 0/1 data', () => {
  // 3 rows × 40 columns: the ones straddle the 32-column words the rows are scanned in.
  const cols = 40;
  const onesByRow = [
    [0, 5, 31, 32, 39],
    [1, 31, 33],
    [0, 32, 39],
  ];
  const data = new Float64Array(3 * cols);
  onesByRow.forEach((ones, r) => ones.forEach((j) => (data[r * cols + j] = 1)));
  const weights = Float64Array.of(0.5, 2, 0.25);

  it('lists each row’s ones in ascending column order, across 32-column words', () => {
    const design = weightedDesign(data, 3, cols, weights, true);
    expect(Array.from(design.ones!.offsets)).toEqual([0, 5, 8, 11]);
    expect(Array.from(design.ones!.cols.subarray(0, 11))).toEqual([0, 5, 31, 32, 39, 1, 31, 33, 0, 32, 39]);
  });

  it('gives the weighted means and covariances of the columns', () => {
    const design = weightedDesign(data, 3, cols, weights, true);
    expect(design.totalWeight).toBe(2.75);
    // Column 31: rows 0 and 1 (0.5 + 2); column 32: rows 0 and 2 (0.5 + 0.25).
    expect(design.mean[31]).toBe(2.5 / 2.75);
    expect(design.mean[32]).toBe(0.75 / 2.75);
    // Σ w x31 x32 − W μ31 μ32 = 0.5 − 2.75 · (2.5 / 2.75) · (0.75 / 2.75).
    expect(design.cov[31 * cols + 32]).toBeCloseTo(0.5 - (2.5 * 0.75) / 2.75, 15);
    expect(design.cov[32 * cols + 31]).toBe(design.cov[31 * cols + 32]);
    // Detected as binary when not told: the same statistics.
    const detected = weightedDesign(data, 3, cols, weights);
    expect(Array.from(detected.cov)).toEqual(Array.from(design.cov));
  });

  it('takes the ones already listed (as the sampler gives them) without scanning the data', () => {
    const listed = {
      offsets: Int32Array.of(0, 5, 8, 11),
      cols: Int32Array.of(0, 5, 31, 32, 39, 1, 31, 33, 0, 32, 39),
    };
    // Zeros for data: the statistics must come from the list alone.
    const design = weightedDesign(new Float64Array(3 * cols), 3, cols, weights, true, listed);
    const scanned = weightedDesign(data, 3, cols, weights, true);
    expect(design.ones!.offsets).toBe(listed.offsets);
    expect(Array.from(design.cov)).toEqual(Array.from(scanned.cov));
    expect(Array.from(design.mean)).toEqual(Array.from(scanned.mean));
  });

  it('scores a fit by weighted R² over the rows', () => {
    const design = weightedDesign(data, 3, cols, weights, true);
    const target = weightedTarget(design, Float64Array.of(1, 3, 2));
    // ŷ = 1 + 2·x31 → 3, 3, 1; residuals 2, 0, −1 → Σ w e² = 0.5·4 + 0.25·1 = 2.25.
    const fit = { features: [31], coef: Float64Array.of(2), intercept: 1 };
    const mean = (0.5 * 1 + 2 * 3 + 0.25 * 2) / 2.75;
    const ssTot = 0.5 * (1 - mean) ** 2 + 2 * (3 - mean) ** 2 + 0.25 * (2 - mean) ** 2;
    expect(weightedR2(design, target, fit)).toBeCloseTo(1 - 2.25 / ssTot, 14);
  });
});
