import { describe, expect, it } from 'vitest';
import { sortFloat64 } from '../../../src-main/engine/data/sortNumbers';
import { createRng } from '../../../src-main/engine';

/** Bits of each value, so −0 and +0 count as different. */
const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length), String);

describe('sortFloat64', () => {
  it('orders exactly as TypedArray sort: negatives, −0 before +0, ties, tiny and huge values, infinities', () => {
    const rng = createRng(3);
    const special = [
      0,
      -0,
      5e-324,
      -5e-324,
      1.7976931348623157e308,
      -1.7976931348623157e308,
      Infinity,
      -Infinity,
    ];
    for (const n of [10, 2048, 50_000]) {
      const values = Float64Array.from({ length: n }, (_, i) =>
        i < special.length
          ? special[i]
          : i % 3 === 0
            ? Math.round(rng.normal() * 4)
            : rng.normal() * 10 ** rng.int(12),
      );
      const expected = values.slice().sort();
      const sorted = sortFloat64(values);
      expect(sorted).toBe(values);
      expect(bits(sorted)).toEqual(bits(expected));
    }
  });

  it('sorts a view into a larger array without touching the rest', () => {
    const all = Float64Array.from({ length: 6000 }, (_, i) => (i * 7919) % 6000);
    const view = all.subarray(1000, 5000);
    const expected = view.slice().sort();
    sortFloat64(view);
    expect(Array.from(view)).toEqual(Array.from(expected));
    expect(all[0]).toBe(0);
    expect(all[5999]).toBe((5999 * 7919) % 6000);
  });
});
