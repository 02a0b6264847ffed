import { describe, expect, it } from 'vitest';
import {
  distancesToFirstRow,
  exponentialKernel,
  kernelWeightsFromOnesCounts,
} from '../../../src-main/engine/lime/kernels';

describe('euclideanFromOnesCounts', () => {
  // 0/1 rows whose first row is all ones (the instance in discretized LIME), 4 columns.
  const rows = [
    [1, 1, 1, 1],
    [1, 0, 0, 1],
    [0, 1, 1, 1],
    [0, 0, 0, 1],
    [0, 0, 0, 0],
  ];
  const data = Float64Array.from(rows.flat());
  // Ones per row 4, 2, 3, 1, 0 → offsets as a CSR list of them.
  const offsets = Int32Array.of(0, 4, 6, 9, 10, 10);

  const distances: number[] = [];
  const kernel = (distance: number) => {
    distances.push(distance);
    return exponentialKernel(distance, 0.75 * Math.sqrt(4));
  };

  it('weighs each row by the kernel of √(zeros per row), 0 for the first row, one kernel call per count', () => {
    const weights = kernelWeightsFromOnesCounts(offsets, 5, 4, kernel);
    // Counts 0..4 once each (distances 2, √3, √2, 1, 0), then row 0's own distance 0.
    expect(distances).toEqual([2, Math.sqrt(3), Math.SQRT2, 1, 0, 0]);
    expect(Array.from(weights)).toEqual([0, Math.SQRT2, 1, Math.sqrt(3), 2].map((x) => kernel(x)));
  });

  it('equals the kernel of the euclidean distancesToFirstRow bit for bit', () => {
    const expected = Array.from(distancesToFirstRow(data, 5, 4, 'euclidean'), (x) => kernel(x));
    expect(Array.from(kernelWeightsFromOnesCounts(offsets, 5, 4, kernel))).toEqual(expected);
    expect(expected[1]).toBeCloseTo(Math.sqrt(Math.exp(-2 / 2.25)), 15);
  });
});
