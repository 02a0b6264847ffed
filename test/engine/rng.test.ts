import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from '../../src-main/engine/random/rng';

describe('createRng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    const sb = Array.from({ length: 5 }, () => b.next());
    const sc = Array.from({ length: 5 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('draws uniform floats with mean ≈ 0.5 and normals with mean ≈ 0, sd ≈ 1', () => {
    const rng = createRng(7);
    const n = 200_000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      su += u;
      const z = rng.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sn / n).toBeCloseTo(0, 2);
    expect(Math.sqrt(sn2 / n)).toBeCloseTo(1, 2);
  });

  it('int(n) covers exactly 0..n-1 evenly', () => {
    const rng = createRng(1);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('rejects a non-finite seed with a RangeError', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });

  it('shuffles into a permutation, reproducibly', () => {
    const x = shuffleInPlace([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], createRng(3));
    const y = shuffleInPlace([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], createRng(3));
    expect(x).toEqual(y);
    expect([...x].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(x).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('fillUniform', () => {
  it.each([0, 42, 2 ** 40 + 3, -7.5])(
    'gives the draws next() gives, in order, and the stream goes on from there (seed %s)',
    (seed) => {
      const a = createRng(seed);
      const b = createRng(seed);
      const out = new Float64Array(40).fill(-1);
      a.fillUniform(out, 5, 37);
      const expected = Array.from({ length: 32 }, () => b.next());
      expect(Array.from(out.subarray(5, 37))).toEqual(expected);
      // untouched outside [from, to)
      expect(out[4]).toBe(-1);
      expect(out[37]).toBe(-1);
      expect([a.next(), a.int(1000), a.normal()]).toEqual([b.next(), b.int(1000), b.normal()]);
    },
  );

  it('pins the first draws of seed 42 (the stream every seeded result rests on)', () => {
    const out = new Float64Array(3);
    createRng(42).fillUniform(out, 0, 3);
    expect(Array.from(out)).toEqual([0.6606157226487994, 0.12688010395504534, 0.11170196393504739]);
  });
});
