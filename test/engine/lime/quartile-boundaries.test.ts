import { describe, expect, it } from 'vitest';
import { DecileDiscretizer, QuartileDiscretizer } from '../../../src-main/engine/lime/percentileDiscretizers';
import { EntropyDiscretizer } from '../../../src-main/engine/lime/entropyDiscretizer';
import { entropyTreeThresholds } from '../../../src-main/engine/lime/entropyTree';
import { formatFixed2 } from '../../../src-main/engine/lime/pyFormat';
import { createRng } from '../../../src-main/engine/random/rng';
import { loadBreastCancer } from './helpers';

/** numpy's linear percentile, written out independently: sort, index q/100·(n−1), interpolate. */
function numpyPercentile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (q / 100) * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

describe('quartile and decile boundaries on the breast-cancer training rows', () => {
  const { names, X } = loadBreastCancer();
  const train = X.slice(0, 455);
  const quartiles = new QuartileDiscretizer(train, [], names);
  const deciles = new DecileDiscretizer(train, [], names);

  it('equal numpy percentile(25/50/75) and (10…90) for every feature', () => {
    for (let f = 0; f < 30; f++) {
      const column = train.map((r) => r[f]);
      const q = [25, 50, 75].map((p) => numpyPercentile(column, p));
      const unique = q.filter((v, i) => i === 0 || v !== q[i - 1]);
      expect(quartiles.boundaries[f].length).toBe(unique.length);
      unique.forEach((v, i) => close(quartiles.boundaries[f][i], v));
      const dq = [10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => numpyPercentile(column, p));
      const dUnique = dq.filter((v, i) => i === 0 || v !== dq[i - 1]);
      dUnique.forEach((v, i) => close(deciles.boundaries[f][i], v));
    }
  });

  it('match numbers printed by numpy 1.24 to the last bit', () => {
    // np.percentile(X[:455, f], [25, 50, 75]) and the deciles, from numpy itself.
    expect(Array.from(quartiles.boundaries[0])).toEqual([11.780000000000001, 13.46, 16.13]);
    expect(Array.from(quartiles.boundaries[23])).toEqual([517.95, 698.7, 1170.0]);
    expect(Array.from(quartiles.boundaries[7])).toEqual([0.020365, 0.03528, 0.07741500000000001]);
    expect(Array.from(deciles.boundaries[23])).toEqual([
      395.84, 489.5, 545.34, 604.1000000000001, 698.7, 808.48, 984.6399999999998, 1298.2, 1685.2000000000003,
    ]);
  });

  it('puts a value equal to a boundary in the lower bin (np.searchsorted, side=left)', () => {
    const [q1, q2, q3] = quartiles.boundaries[23];
    expect(quartiles.discretizeValue(23, q1)).toBe(0);
    expect(quartiles.discretizeValue(23, q1 + 1e-9)).toBe(1);
    expect(quartiles.discretizeValue(23, q2)).toBe(1);
    expect(quartiles.discretizeValue(23, q3)).toBe(2);
    expect(quartiles.discretizeValue(23, q3 + 1e-9)).toBe(3);
    expect(quartiles.discretizeValue(23, -1)).toBe(0);
    const row = train[0].slice();
    row[23] = 698.7;
    expect(quartiles.discretize(row)[23]).toBe(1);
  });

  it('names bins like the reference with two decimals', () => {
    expect(quartiles.names[23]).toEqual([
      'worst area <= 517.95',
      '517.95 < worst area <= 698.70',
      '698.70 < worst area <= 1170.00',
      'worst area > 1170.00',
    ]);
    expect(quartiles.names[0][0]).toBe('mean radius <= 11.78');
    expect(quartiles.names[7]).toEqual([
      'mean concave points <= 0.02',
      '0.02 < mean concave points <= 0.04',
      '0.04 < mean concave points <= 0.08',
      'mean concave points > 0.08',
    ]);
    expect(deciles.names[23]).toHaveLength(10);
    expect(deciles.names[23][9]).toBe('worst area > 1685.20');
  });

  it('keeps per-bin mean, population std (+1e-11), min and max of the training values', () => {
    const column = train.map((r) => r[23]);
    const [q1, q2, q3] = quartiles.boundaries[23];
    const inBin = [
      column.filter((v) => v <= q1),
      column.filter((v) => v > q1 && v <= q2),
      column.filter((v) => v > q2 && v <= q3),
      column.filter((v) => v > q3),
    ];
    inBin.forEach((values, b) => {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      close(quartiles.means[23][b], mean);
      close(quartiles.stds[23][b], std + 1e-11);
    });
    expect(quartiles.mins[23]).toEqual([Math.min(...column), q1, q2, q3]);
    expect(quartiles.maxs[23]).toEqual([q1, q2, q3, Math.max(...column)]);
  });

  it('samples a bin back inside its [min, max]', () => {
    const rng = createRng(5);
    for (let b = 0; b < 4; b++) {
      for (let i = 0; i < 200; i++) {
        const v = quartiles.undiscretizeValue(23, b, rng);
        expect(v).toBeGreaterThanOrEqual(quartiles.mins[23][b]);
        expect(v).toBeLessThanOrEqual(quartiles.maxs[23][b]);
      }
    }
  });
});

describe('Python %.2f formatting', () => {
  it('rounds exact binary ties half to even and spells specials like Python', () => {
    // Python: '%.2f' % x for each x.
    expect([0.125, 0.375, 2.675, -0.125, 1.005, 12.345, 1170, -0.001].map(formatFixed2)).toEqual([
      '0.12',
      '0.38',
      '2.67',
      '-0.12',
      '1.00',
      '12.35',
      '1170.00',
      '-0.00',
    ]);
    expect(formatFixed2(Number.NaN)).toBe('nan');
    expect(formatFixed2(-Infinity)).toBe('-inf');
  });
});

describe('entropy discretizer', () => {
  it('splits a separable feature once, at the midpoint', () => {
    expect(entropyTreeThresholds([1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 1, 1, 1, 1])).toEqual([4.5]);
  });

  it('finds both class changes of a three-class feature and stops at depth 3', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(entropyTreeThresholds(x, [0, 0, 0, 1, 1, 1, 2, 2, 2])).toEqual([3.5, 6.5]);
    // Alternating labels: a depth-3 tree has at most 7 splits.
    const alternating = Array.from({ length: 40 }, (_, i) => i % 2);
    const many = entropyTreeThresholds(
      Array.from({ length: 40 }, (_, i) => i),
      alternating,
    );
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many.length).toBeGreaterThan(0);
  });

  it('uses float32-rounded values like scikit-learn', () => {
    // scikit-learn stores X as float32: the threshold between 0.1 and 0.2 is the midpoint of their float32 values.
    expect(entropyTreeThresholds([0.1, 0.2], [0, 1])).toEqual([Math.fround(0.1) / 2 + Math.fround(0.2) / 2]);
  });

  it('falls back to the median when the tree cannot split, and requires labels', () => {
    const data = [[1], [2], [3], [10]];
    const disc = new EntropyDiscretizer(data, [], ['x'], [1, 1, 1, 1]);
    expect(Array.from(disc.boundaries[0])).toEqual([2.5]);
    expect(disc.names[0]).toEqual(['x <= 2.50', 'x > 2.50']);
    expect(() => new EntropyDiscretizer(data, [], ['x'])).toThrow(/trainingLabels/);
  });

  it('gives the thresholds of scikit-learn on mean radius vs diagnosis', () => {
    const { names, X, labels } = loadBreastCancer();
    const train = X.slice(0, 455);
    const y = labels.slice(0, 455).map((l) => (l === labels[0] ? 0 : 1));
    const disc = new EntropyDiscretizer(train, [], names, y);
    // DecisionTreeClassifier(criterion='entropy', max_depth=3).fit(X[:455, 0:1], y).tree_.threshold, sorted.
    expect(Array.from(disc.boundaries[0])).toEqual([
      10.944999694824219, 13.09499979019165, 13.699999809265137, 15.03000020980835, 16.8100004196167,
      16.925000190734863,
    ]);
  });
});
