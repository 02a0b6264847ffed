import { describe, expect, it } from 'vitest';
import { countDistinct } from '../../../src-main/engine/data/countDistinct';
import { createRng } from '../../../src-main/engine';

describe('countDistinct', () => {
  it('counts as a Set does (−0 and 0 as one value, NaN left out), in one table or split into parts', () => {
    const rng = createRng(2);
    for (const n of [0, 1, 100, 40_000, 150_000]) {
      const values = Float64Array.from({ length: n }, () => {
        const r = rng.next();
        if (r < 0.05) return NaN;
        if (r < 0.1) return rng.next() < 0.5 ? -0 : 0;
        if (r < 0.5) return rng.int(1000);
        return Math.round(rng.normal() * 1e6) / 1000;
      });
      const expected = new Set(Array.from(values).filter((v) => v === v)).size;
      expect(countDistinct(values), `${n} values`).toBe(expected);
    }
    expect(countDistinct(Float64Array.of(-0, 0, NaN, 2, 2))).toBe(2);
  });

  it('counts right when the buffer of a larger column before is reused', () => {
    const rng = createRng(3);
    for (const n of [200_000, 30_000, 5, 120_000]) {
      const values = Float64Array.from({ length: n }, () => rng.int(n));
      expect(countDistinct(values), `${n} values`).toBe(new Set(values).size);
    }
  });
});
