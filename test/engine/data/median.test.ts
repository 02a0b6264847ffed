import { describe, expect, it } from 'vitest';
import { median } from '../../../src-main/engine/data/median';
import {
  median as limeMedian,
  percentileOfSorted,
  percentiles,
} from '../../../src-main/engine/lime/percentile';
import { createRng } from '../../../src-main/engine';

/** The sort-based median both the imputer and LIME used before selection replaced it. */
function sortedMedian(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  if (n % 2 === 1) return sorted[h];
  const mid = (sorted[h - 1] + sorted[h]) / 2;
  return mid - mid === 0 ? mid : sorted[h - 1] / 2 + sorted[h] / 2;
}

describe('median by selection', () => {
  it('gives the sort-based value bit for bit: ties, ±0, NaN, huge values, odd and even counts', () => {
    const rng = createRng(11);
    const special = [0, -0, NaN, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, -5e-324];
    for (let trial = 0; trial < 600; trial++) {
      const n = trial < 200 ? 1 + rng.int(12) : trial < 560 ? 1 + rng.int(300) : 20_000 + rng.int(3);
      const kind = trial % 5;
      const values = Float64Array.from({ length: n }, () => {
        if (kind === 0) return special[rng.int(special.length)];
        if (kind === 1) return rng.int(3) - 1 + (rng.next() < 0.3 ? -0 : 0); // long runs of ties around zero
        if (kind === 2) return rng.next() < 0.02 ? NaN : rng.normal();
        if (kind === 3) return Math.round(rng.normal() * 5) / 4;
        return rng.normal() * 10 ** rng.int(300) * (rng.next() < 0.5 ? -1 : 1);
      });
      const copy = values.slice();
      expect(Object.is(median(values), sortedMedian(values)), `trial ${trial}`).toBe(true);
      expect(values.every((v, i) => Object.is(v, copy[i]))).toBe(true);
    }
  });

  it('takes numpy’s rule: the middle value, the mean of the two middle ones, −0 and overflow kept exact', () => {
    expect(median(Float64Array.of(5, 1, 4))).toBe(4);
    expect(median([13.2, 13.54, 13.2, 14.1])).toBe(13.37);
    expect(Object.is(median([-0, 0, -0]), -0)).toBe(true);
    expect(Object.is(median([0, -0, 0]), 0)).toBe(true);
    expect(Object.is(median([-0, 0]), 0)).toBe(true);
    expect(median([1.7976931348623157e308, 1.7976931348623157e308])).toBe(1.7976931348623157e308);
    expect(median([1, NaN, NaN])).toBeNaN(); // NaN sorts last: here it is the middle value
    expect(median([1, NaN, 2])).toBe(2); // ... here it lies above the middle
    expect(median([1, 2, 3, NaN, NaN])).toBe(3);
    expect(median([1, 2, 3, NaN])).toBe(2.5);
    expect(median(new Float64Array(0))).toBeNaN();
  });

  it('selects over every value when the sample misses the middle (every sampled position holds 0)', () => {
    const values = Float64Array.from({ length: 10_240 }, (_, i) =>
      i % 10 === 0 ? 0 : 1000 + ((i * 7919) % 10_240),
    );
    expect(median(values)).toBe(sortedMedian(values));
    expect(median(values.subarray(0, 10_239))).toBe(sortedMedian(values.subarray(0, 10_239)));
  });

  it('is the one implementation LIME uses too (which refuses an empty array)', () => {
    expect(limeMedian([3, 1, 2, 10])).toBe(2.5);
    expect(() => limeMedian([])).toThrow(/empty/);
  });
});

describe('percentiles by selection', () => {
  it('give the sorted column’s np.percentile bit for bit: quartiles, deciles, ties, ±0, NaN, huge values', () => {
    const rng = createRng(5);
    const special = [0, -0, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, -5e-324];
    const deciles = [10, 20, 30, 40, 50, 60, 70, 80, 90];
    for (let trial = 0; trial < 400; trial++) {
      const n = trial < 150 ? 1 + rng.int(10) : trial < 380 ? 1 + rng.int(400) : 30_000 + rng.int(5);
      const kind = trial % 5;
      const values = Float64Array.from({ length: n }, () => {
        if (kind === 0) return special[rng.int(special.length)];
        if (kind === 1) return rng.int(3) - 1 + (rng.next() < 0.4 ? -0 : 0);
        if (kind === 2) return rng.next() < 0.01 ? NaN : rng.normal();
        if (kind === 3) return Math.round(rng.normal() * 5) / 4;
        return rng.normal() * 10 ** rng.int(300) * (rng.next() < 0.5 ? -1 : 1);
      });
      const copy = values.slice();
      const sorted = values.slice().sort();
      for (const qs of [[25, 50, 75], deciles, [0, 100, 50]]) {
        const got = percentiles(values, qs);
        qs.forEach((q, i) =>
          expect(Object.is(got[i], percentileOfSorted(sorted, q)), `trial ${trial}, q ${q}`).toBe(true),
        );
      }
      expect(values.every((v, i) => Object.is(v, copy[i]))).toBe(true);
    }
    // numpy: np.percentile([-0., 0., -0., 0.], 25) is -0.0; [1, 2, 3, 4] at 25 → 1.75.
    expect(Object.is(percentiles([-0, 0, -0, 0], [25])[0], -0)).toBe(true);
    expect(Array.from(percentiles([4, 1, 3, 2], [25, 50, 75]))).toEqual([1.75, 2.5, 3.25]);
  });

  it('work in a scratch buffer of the caller (longer, holding an earlier column) with the same result', () => {
    const scratch = new Float64Array(8).fill(-1e300);
    const values = [9, 5, 7, 1, 3];
    expect(Array.from(percentiles(values, [25, 50, 75], scratch))).toEqual([3, 5, 7]);
    expect(Array.from(percentiles([4, 1, 3, 2], [25, 50, 75], scratch))).toEqual([1.75, 2.5, 3.25]);
    expect(values).toEqual([9, 5, 7, 1, 3]);
    expect(scratch[6]).toBe(-1e300);
  });
});
