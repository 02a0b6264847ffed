import { describe, expect, it } from 'vitest';
import {
  normalCdf,
  normalQuantile,
  normalQuantileFast,
  normalSf,
} from '../../../src-main/engine/lime/normalDistribution';
import { TruncatedNormal } from '../../../src-main/engine/lime/truncatedNormal';
import { createRng } from '../../../src-main/engine/random/rng';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('normal distribution', () => {
  it('matches scipy.special.ndtr to ~1e-15 relative, deep into the lower tail', () => {
    // scipy.special.ndtr([1.96, -5, -30, 0.5, -1])
    const expected = [
      0.9750021048517795, 2.866515718791933e-7, 4.906713927147908e-198, 0.6914624612740131,
      0.15865525393145707,
    ];
    [1.96, -5, -30, 0.5, -1].forEach((x, i) => expect(rel(normalCdf(x), expected[i])).toBeLessThan(1e-13));
    expect(rel(normalSf(5), 2.866515718791933e-7)).toBeLessThan(1e-13);
  });

  it('inverts it to ~1e-15 relative (Acklam + one Halley step)', () => {
    // scipy.special.ndtri([0.975, 1e-10, 0.3, 0.999])
    const expected = [1.959963984540054, -6.361340902404056, -0.5244005127080409, 3.090232306167813];
    [0.975, 1e-10, 0.3, 0.999].forEach((p, i) => {
      expect(rel(normalQuantile(p), expected[i])).toBeLessThan(1e-14);
      expect(rel(normalQuantileFast(p), expected[i])).toBeLessThan(1.2e-9);
    });
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('truncated normal sampler', () => {
  function moments(
    t: TruncatedNormal,
    n: number,
    seed: number,
  ): { mean: number; variance: number; min: number; max: number } {
    const rng = createRng(seed);
    let s = 0;
    let s2 = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = t.fromUniform(rng.next());
      s += v;
      s2 += v * v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const mean = s / n;
    return { mean, variance: s2 / n - mean * mean, min, max };
  }

  it('stays within bounds and is centred in a symmetric case', () => {
    const m = moments(new TruncatedNormal(-1, 1, 5, 2), 200_000, 1);
    expect(m.min).toBeGreaterThanOrEqual(3);
    expect(m.max).toBeLessThanOrEqual(7);
    expect(m.mean).toBeCloseTo(5, 2);
    // scipy.stats.truncnorm.var(-1, 1) = 0.291125094772793, times scale².
    expect(m.variance / 4).toBeCloseTo(0.291125094772793, 2);
  });

  it('has the analytic mean loc + scale·(φ(a) − φ(b)) / (Φ(b) − Φ(a)) in an asymmetric case', () => {
    const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
    const a = -0.5;
    const b = 2;
    const analytic = 10 + (3 * (phi(a) - phi(b))) / (normalCdf(b) - normalCdf(a));
    expect(analytic).toBeCloseTo(11.337231334817545, 12); // scipy.stats.truncnorm.mean(-0.5, 2, loc=10, scale=3)
    const m = moments(new TruncatedNormal(a, b, 10, 3), 200_000, 2);
    expect(m.mean).toBeCloseTo(analytic, 2);
    expect(m.min).toBeGreaterThanOrEqual(10 - 1.5);
    expect(m.max).toBeLessThanOrEqual(10 + 6);
  });

  it('handles bounds wholly in one tail, including beyond Φ’s range', () => {
    // scipy.stats.truncnorm.mean(-3, -1) = -1.5100495132439846; mirrored: (1, 3) has mean +1.51…
    expect(moments(new TruncatedNormal(-3, -1), 100_000, 3).mean).toBeCloseTo(-1.5100495132439846, 2);
    expect(moments(new TruncatedNormal(1, 3), 100_000, 4).mean).toBeCloseTo(1.5100495132439846, 2);
    const far = moments(new TruncatedNormal(40, 41), 10_000, 5);
    expect(far.min).toBeGreaterThanOrEqual(40);
    expect(far.max).toBeLessThanOrEqual(41);
    // Given X > 40 the excess is ≈ Exponential(rate 40): mean ≈ 40 + 1/40.
    expect(far.mean).toBeCloseTo(40.025, 2);
  });

  it('is monotone in the uniform draw and hits the bounds at 0 and 1', () => {
    const t = new TruncatedNormal(-0.7, 1.3, 2, 0.5);
    expect(t.fromUniform(0)).toBeCloseTo(2 - 0.35, 8);
    expect(t.fromUniform(1)).toBeCloseTo(2 + 0.65, 8); // Acklam: ≤ 1.15e-9 relative
    let prev = -Infinity;
    for (let u = 0; u < 1; u += 0.01) {
      const v = t.fromUniform(u);
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
    expect(() => new TruncatedNormal(1, 1)).toThrow(RangeError);
  });
});
