import { describe, expect, it } from 'vitest';
import { clusterOrder } from '../../../src-main/engine/data/clusterOrder';
import { correlationMatrix, pearson } from '../../../src-main/engine/data/correlation';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { sample } from './fixtures';
import { csv, table } from './helpers';

describe('correlationMatrix', () => {
  it('computes Pearson r against hand-computed values', () => {
    // x = 1..5, y = 2,4,5,4,5: Sxy = 6, Sxx = 10, Syy = 6 → r = 6 / √60.
    expect(pearson(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(2, 4, 5, 4, 5))).toBeCloseTo(
      6 / Math.sqrt(60),
      14,
    );
    expect(pearson(Float64Array.of(1, 2, 3), Float64Array.of(6, 4, 2))).toBe(-1);
  });

  it('uses pairwise-complete rows', () => {
    const data = csv(
      table(
        ['a', 'b', 'c'],
        [
          [1, 2, 5],
          [2, 4, 'NA'],
          [3, 5, 1],
          [4, 4, 2],
          [5, 5, 'NA'],
          ['NA', 9, 3],
        ],
      ),
    );
    const { names, matrix } = correlationMatrix(data);
    expect(names).toEqual(['a', 'b', 'c']);
    // a–b on rows 1–5 only (row 6 lacks a): the hand-computed 6/√60 above.
    expect(matrix[0][1]).toBeCloseTo(6 / Math.sqrt(60), 14);
    // a–c on rows 1, 3, 4: a = 1, 3, 4; c = 5, 1, 2 (both mean 8/3) → Sac = −16/3, Saa = 14/3, Scc = 26/3.
    expect(matrix[0][2]).toBeCloseTo(-16 / Math.sqrt(364), 14);
    expect(matrix[2][0]).toBe(matrix[0][2]);
    expect(matrix.map((row, i) => row[i])).toEqual([1, 1, 1]);
  });

  it('gives NaN for a column without variance and skips non-numeric columns by default', () => {
    const data = csv(
      table(
        ['x', 'flat', 'label'],
        [
          [1, 3, 'a'],
          [2, 3, 'b'],
          [3, 3, 'a'],
        ],
      ),
    );
    // 'flat' is a constant column, so the default selection (numeric kind) leaves it out.
    expect(correlationMatrix(data).names).toEqual(['x']);
    const { matrix } = correlationMatrix(data, ['x', 'flat']);
    expect(matrix[0][1]).toBeNaN();
    expect(matrix[1][1]).toBeNaN();
    expect(() => correlationMatrix(data, ['label'])).toThrow("columnNames: column 'label' is not numeric");
  });

  it('agrees with numpy.corrcoef on breast cancer', () => {
    const data = loadDataset(sample('breast_cancer.csv'), 'b.csv');
    const { matrix } = correlationMatrix(data);
    // numpy.corrcoef of the 30 features: r[0,2], r[0,1], r[1,9].
    expect(matrix[0][2]).toBeCloseTo(0.997855281493811, 12);
    expect(matrix[0][1]).toBeCloseTo(0.32378189092773324, 12);
    expect(matrix[1][9]).toBeCloseTo(-0.07643718344813387, 12);
  });
});

describe('clusterOrder', () => {
  it('puts strongly correlated variables next to each other', () => {
    // 0 ~ 2 (|r| .9), 1 ~ 3 (|r| .8, negative), weak across the pairs.
    const r = [
      [1, 0.1, 0.9, 0.2],
      [0.1, 1, 0.15, -0.8],
      [0.9, 0.15, 1, 0.1],
      [0.2, -0.8, 0.1, 1],
    ];
    // Merges: {0,2} at 0.1 → id 4; {1,3} at 0.2 → id 5; then {4,5}: leaves 0, 2, 1, 3.
    expect(clusterOrder(r)).toEqual([0, 2, 1, 3]);
  });

  it('uses average linkage (not single or complete)', () => {
    // After {0,1} merges, distances to 2 are 0.3 and 0.9 (average 0.6) and to 3 0.5 and 0.5 (average 0.5):
    // average linkage joins 3 next, single linkage would join 2 (0.3).
    const d = [
      [0, 0.1, 0.3, 0.5],
      [0.1, 0, 0.9, 0.5],
      [0.3, 0.9, 0, 0.95],
      [0.5, 0.5, 0.95, 0],
    ];
    const r = d.map((row) => row.map((v) => 1 - v));
    // {0,1} → 4; {4,3} at 0.5 → 5 (left 3 < 4); then {2,5}: leaves 2, 3, 0, 1.
    expect(clusterOrder(r)).toEqual([2, 3, 0, 1]);
  });

  it('matches scipy linkage(average) + leaves_list on breast cancer', () => {
    const data = loadDataset(sample('breast_cancer.csv'), 'b.csv');
    const { matrix } = correlationMatrix(data);
    // scipy.cluster.hierarchy.leaves_list(linkage(squareform(1 - |r|), 'average'))
    expect(clusterOrder(matrix)).toEqual([
      11, 14, 18, 1, 21, 8, 28, 4, 24, 9, 29, 15, 19, 16, 17, 25, 26, 5, 27, 6, 7, 3, 0, 2, 23, 20, 22, 13,
      10, 12,
    ]);
  });

  it('is the identity for one or two variables and treats NaN as unrelated', () => {
    expect(clusterOrder([[1]])).toEqual([0]);
    expect(
      clusterOrder([
        [1, 0.5],
        [0.5, 1],
      ]),
    ).toEqual([0, 1]);
    expect(
      clusterOrder([
        [1, NaN, 0.2],
        [NaN, 1, 0.9],
        [0.2, 0.9, 1],
      ]),
    ).toEqual([0, 1, 2]);
  });
});
