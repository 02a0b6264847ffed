import { describe, expect, it } from 'vitest';
import { histogram } from '../../../src-main/engine/data/histogram';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { sample } from './fixtures';

describe('histogram', () => {
  it('bins equal-width between min and max, the last bin closed, NaN skipped', () => {
    expect(histogram(Float64Array.of(1, 2, NaN, 2, 3, 4, 5), 4)).toEqual({
      edges: [1, 2, 3, 4, 5],
      counts: [1, 2, 1, 2],
    });
  });

  it('matches numpy.histogram at edges that rounding puts a hair below the value', () => {
    // numpy.histogram([0, 0.1, 0.2, 0.3], 3) → counts [1, 1, 2]: the middle edge is 0.19999999999999998.
    const h = histogram([0, 0.1, 0.2, 0.3], 3);
    expect(h.counts).toEqual([1, 1, 2]);
    expect(h.edges).toEqual([0, 0.09999999999999999, 0.19999999999999998, 0.3]);
  });

  it('widens a single value to ±0.5 and gives empty input [0, 1]', () => {
    // numpy.histogram([7, 7, 7], 4) → counts [0, 0, 3, 0], edges 6.5 … 7.5.
    expect(histogram([7, 7, 7], 4)).toEqual({ edges: [6.5, 6.75, 7, 7.25, 7.5], counts: [0, 0, 3, 0] });
    expect(histogram([NaN], 2)).toEqual({ edges: [0, 0.5, 1], counts: [0, 0] });
  });

  it('reproduces numpy.histogram of breast-cancer mean radius with 10 bins', () => {
    const data = loadDataset(sample('breast_cancer.csv'), 'b.csv');
    const h = histogram(data.values[0] as Float64Array, 10);
    expect(h.counts).toEqual([19, 79, 185, 129, 55, 50, 38, 7, 4, 3]);
    expect(h.edges[0]).toBe(6.981);
    expect(h.edges[3]).toBeCloseTo(13.3197, 12);
    expect(h.edges[10]).toBe(28.11);
  });

  it('rejects a bin count that is not a positive integer', () => {
    expect(() => histogram([1, 2], 0)).toThrow(new RangeError('bins must be a positive integer, got 0'));
    expect(() => histogram([1, 2], 2.5)).toThrow(RangeError);
  });
});
