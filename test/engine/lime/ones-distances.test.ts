import { describe, expect, it } from 'vitest';
import { distancesToFirstRow, euclideanFromOnesCounts } from '../../../src-main/engine/lime/kernels';

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

  it('gives √(zeros per row), 0 for the first row', () => {
    expect(Array.from(euclideanFromOnesCounts(offsets, 5, 4))).toEqual([0, Math.SQRT2, 1, Math.sqrt(3), 2]);
  });

  it('equals the euclidean distancesToFirstRow bit for bit', () => {
    expect(Array.from(euclideanFromOnesCounts(offsets, 5, 4))).toEqual(
      Array.from(distancesToFirstRow(data, 5, 4, 'euclidean')),
    );
  });
});
