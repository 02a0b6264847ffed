import { describe, expect, it } from 'vitest';
import { presortFeatures } from '../../../src-main/engine/forest/growTree';
import { binFeatures, MAX_BINS } from '../../../src-main/engine/forest/histogramSplit';
import { cutBetween } from '../../../src-main/engine/forest/columnBins';
import { createRng } from '../../../src-main/engine';

describe('binFeatures', () => {
  it('gives a feature with few distinct values one bin per value, cut at the midpoints', () => {
    // Column-major: feature 0 = [3, 1, 2, 1, 3], feature 1 constant.
    const X = Float64Array.of(3, 1, 2, 1, 3, 7, 7, 7, 7, 7);
    const bins = binFeatures(X, 5, 2);
    expect(Array.from(bins.cuts.subarray(bins.cutStart[0], bins.cutStart[1]))).toEqual([1.5, 2.5]);
    expect(Array.from(bins.codes.subarray(0, 5))).toEqual([2, 0, 1, 0, 2]);
    expect(bins.cutStart[2] - bins.cutStart[1]).toBe(0);
    expect(Array.from(bins.codes.subarray(5, 10))).toEqual([0, 0, 0, 0, 0]);
  });

  it('cuts a continuous feature into at most 256 bins of about equal counts, x ≤ cut[b] exactly in bins ≤ b', () => {
    const n = 10_000;
    const rng = createRng(2);
    const X = Float64Array.from({ length: n }, () => rng.normal());
    const bins = binFeatures(X, n, 1);
    const cuts = bins.cuts;
    expect(cuts.length).toBe(MAX_BINS - 1);
    const counts = new Array(MAX_BINS).fill(0);
    for (let r = 0; r < n; r++) {
      const b = bins.codes[r];
      counts[b]++;
      if (b > 0) expect(X[r]).toBeGreaterThan(cuts[b - 1]);
      if (b < cuts.length) expect(X[r]).toBeLessThanOrEqual(cuts[b]);
    }
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(Math.floor(n / MAX_BINS) - 1);
    expect(Math.max(...counts.slice(0, -1))).toBeLessThanOrEqual(Math.ceil(n / MAX_BINS) + 1);
  });

  it('gives the codes and cuts of a sweep over the presorted rows (the forest before binning from columns)', () => {
    // Ties, few and many distinct values, negative zero: 3 features × 40 000 rows.
    const n = 40_000;
    const rng = createRng(7);
    const X = new Float64Array(3 * n);
    for (let r = 0; r < n; r++) {
      X[r] = Math.round(rng.normal() * 300) / 10;
      X[n + r] = rng.int(5) - 2 || (rng.next() < 0.5 ? -0 : 0);
      X[2 * n + r] = rng.normal();
    }
    const sorted = presortFeatures(X, n, 3);
    const cuts: number[] = [];
    const codes = new Uint8Array(3 * n);
    for (let f = 0; f < 3; f++) {
      const base = f * n;
      let distinct = 1;
      for (let i = 1; i < n; i++) if (X[base + sorted[base + i]] > X[base + sorted[base + i - 1]]) distinct++;
      const step = distinct <= MAX_BINS ? 0 : n / MAX_BINS;
      let bin = 0;
      for (let i = 0; i < n; i++) {
        const v = X[base + sorted[base + i]];
        const prev = i > 0 ? X[base + sorted[base + i - 1]] : v;
        if (i > 0 && bin < MAX_BINS - 1 && i >= (bin + 1) * step && v > prev) {
          const t = prev / 2 + v / 2;
          const m = t >= v || t < prev ? prev : t;
          // Rounded to float32 where that stays between the two values (cutBetween).
          cuts.push(Math.fround(m) >= prev && Math.fround(m) < v ? Math.fround(m) : m);
          bin++;
        }
        codes[base + sorted[base + i]] = bin;
      }
    }
    const bins = binFeatures(X, n, 3);
    expect(Array.from(bins.cuts)).toEqual(cuts);
    expect(Array.from(bins.codes)).toEqual(Array.from(codes));
    expect(bins.cutStart[3]).toBe(cuts.length);
    expect(bins.float32).toBe(true);
  });

  it('keeps a midpoint in double precision when no float32 lies between the two values', () => {
    const a = 1 + 2 ** -40;
    const b = 1 + 2 ** -39;
    expect(cutBetween(a, b)).toBe(a / 2 + b / 2);
    expect(cutBetween(0.1, 0.2)).toBe(Math.fround(0.15));
    expect(cutBetween(2, 3)).toBe(2.5);
    const X = Float64Array.from([a, b, a, b, 0.1, 0.2, 0.1, 0.2]);
    const bins = binFeatures(X, 4, 2);
    expect(Array.from(bins.cuts)).toEqual([a / 2 + b / 2, Math.fround(0.15)]);
    expect(bins.float32).toBe(false);
  });
});
