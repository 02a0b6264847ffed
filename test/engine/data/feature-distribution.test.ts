import { describe, expect, it } from 'vitest';
import { featureDistribution } from '../../../src-main/engine/data/featureDistribution';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { sample } from './fixtures';
import { csv, table } from './helpers';

describe('featureDistribution', () => {
  it('counts breast-cancer mean radius per diagnosis on shared edges (numpy reference)', () => {
    const data = loadDataset(sample('breast_cancer.csv'), 'b.csv');
    const d = featureDistribution(data, 'mean radius', 'diagnosis', 10);
    expect(d.classes).toEqual(['benign', 'malignant']);
    expect(d.edges).toHaveLength(11);
    // numpy.histogram(x[y == c], bins=numpy.histogram(x, 10)[1])
    expect(d.counts).toEqual([
      [19, 77, 170, 83, 7, 1, 0, 0, 0, 0],
      [0, 2, 15, 46, 48, 49, 38, 7, 4, 3],
    ]);
  });

  it('counts categories of a text feature per class, skipping missing cells', () => {
    const data = csv(
      table(
        ['sex', 'outcome'],
        [
          ['M', 'yes'],
          ['F', 'no'],
          ['F', 'yes'],
          ['', 'no'],
          ['M', 'yes'],
          ['F', ''],
        ],
      ),
    );
    expect(featureDistribution(data, 'sex', 'outcome')).toEqual({
      feature: 'sex',
      classes: ['no', 'yes'],
      edges: [],
      categories: ['F', 'M'],
      counts: [
        [1, 0],
        [1, 2],
      ],
    });
  });

  it('gives a single row of counts for a regression target', () => {
    const data = loadDataset(sample('diabetes.csv'), 'd.csv');
    const d = featureDistribution(data, 'sex', 'progression', 2);
    expect(d.classes).toEqual([]);
    expect(d.edges).toEqual([1, 1.5, 2]);
    // sex is coded 1/2: 235 rows of 1, 207 of 2.
    expect(d.counts).toEqual([[235, 207]]);
  });

  it('names a missing column and a bad bin count', () => {
    const data = csv(
      table(
        ['x', 'y'],
        [
          [1, 'a'],
          [2, 'b'],
        ],
      ),
    );
    expect(() => featureDistribution(data, 'z', 'y')).toThrow("feature: no column named 'z'");
    expect(() => featureDistribution(data, 'x', 'y', 0)).toThrow(RangeError);
  });
});
