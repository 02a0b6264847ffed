import { describe, expect, it } from 'vitest';
import { fitImputer } from '../../../src-main/engine/data/imputer';
import { median } from '../../../src-main/engine/data/median';

describe('fitImputer', () => {
  const X = [
    [1, 0, NaN],
    [NaN, 1, NaN],
    [3, 1, NaN],
    [10, NaN, NaN],
    [100, 0, 5],
    [NaN, 2, NaN],
  ];

  it('learns the median and the mode from the training rows only', () => {
    // Training rows 0, 2, 3, 5: feature 0 has 1, 3, 10 → median 3 (row 4's 100 is test-only).
    const imputer = fitImputer(X, [0, 2, 3, 5], ['numeric', 'categorical', 'numeric'], {
      featureNames: ['mean radius', 'sex', 'empty'],
      categoryNames: [null, ['F', 'M', 'X'], null],
    });
    expect(imputer.medians).toEqual([3, null, null]);
    // Training codes of feature 1 are 0, 1, NaN, 2: a three-way tie, which goes to the smallest code.
    expect(imputer.modes).toEqual([null, 0, null]);
    expect(imputer.fillValues).toEqual([3, 0, 0]);
    expect(imputer.apply(X)).toEqual([
      [1, 0, 0],
      [3, 1, 0],
      [3, 1, 0],
      [10, 0, 0],
      [100, 0, 5],
      [3, 2, 0],
    ]);
    expect(imputer.describe()).toEqual([
      'mean radius: 2 missing values imputed with the training median 3',
      "sex: 1 missing value imputed with the most frequent training category 'F'",
      'empty: 5 missing values filled with 0 (the training rows have no value)',
    ]);
    // apply copies rows with a missing value; the input keeps its NaN for the next imputer.
    expect(Number.isNaN(X[1][0])).toBe(true);
    // A complete row is shared, not copied (a large frame is not held twice).
    const complete = [
      [1, 2, 3],
      [NaN, 2, 3],
    ];
    const filled = imputer.apply(complete);
    expect(filled[0]).toBe(complete[0]);
    expect(filled[1]).not.toBe(complete[1]);
    expect(filled[1]).toEqual([3, 2, 3]);
  });

  it('averages the two middle values for an even count, as numpy does', () => {
    const imputer = fitImputer([[13.2], [13.54], [NaN], [13.2], [14.1]], [0, 1, 3, 4], ['numeric'], {
      featureNames: ['mean radius'],
    });
    expect(imputer.medians[0]).toBeCloseTo(13.37, 12);
    expect(imputer.describe()).toEqual([
      'mean radius: 1 missing value imputed with the training median 13.37',
    ]);
    expect(median(Float64Array.of(5, 1, 4))).toBe(4);
    expect(median(new Float64Array(0))).toBeNaN();
  });

  it('picks the most frequent code, not the smallest', () => {
    const imputer = fitImputer([[2], [2], [0], [NaN]], [0, 1, 2, 3], ['categorical']);
    expect(imputer.modes).toEqual([2]);
    expect(imputer.describe()).toEqual([
      'feature 0: 1 missing value imputed with the most frequent training category code 2',
    ]);
  });

  it('describes nothing when nothing is missing', () => {
    expect(fitImputer([[1], [2]], [0, 1], ['numeric']).describe()).toEqual([]);
  });
});
