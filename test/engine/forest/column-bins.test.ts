import { describe, expect, it } from 'vitest';
import { binColumns, MAX_BINS } from '../../../src-main/engine/forest/histogramSplit';
import { createRng } from '../../../src-main/engine';

/** The sort-based binning binColumns did before (sort each column, sweep, binary-search each value). */
function sortedBins(values: Float64Array): { cuts: number[]; codes: Uint8Array } {
  const n = values.length;
  const sorted = values.slice().sort();
  // The midpoint kept below b, then rounded to float32 where that stays in [a, b).
  const mid = (a: number, b: number) => {
    const t = a / 2 + b / 2;
    const m = t >= b || t < a ? a : t;
    const single = Math.fround(m);
    return single >= a && single < b ? single : m;
  };
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n && distinct <= MAX_BINS; i++) if (sorted[i] > sorted[i - 1]) distinct++;
  const step = distinct <= MAX_BINS ? 0 : n / MAX_BINS;
  const cuts: number[] = [];
  for (let i = 1; i < n && cuts.length < MAX_BINS - 1; i++) {
    if (i >= (cuts.length + 1) * step && sorted[i] > sorted[i - 1]) cuts.push(mid(sorted[i - 1], sorted[i]));
  }
  const codes = Uint8Array.from(values, (v) => cuts.filter((c) => c < v).length);
  return { cuts, codes };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => Object.is(v, b[i]));

describe('binColumns without a sort', () => {
  it('gives the sort-based cuts and codes bit for bit on columns of every shape', () => {
    const rng = createRng(5);
    const shapes: [string, () => number][] = [
      ['normal decimals', () => Math.round((rng.normal() * 10 + 50) * 1000) / 1000],
      ['few distinct', () => rng.int(7) - 3],
      ['just over 256 distinct', () => rng.int(257)],
      ['exactly 256 distinct', () => rng.int(256) * 0.5],
      ['heavy ties (imputed median)', () => (rng.next() < 0.4 ? 12.5 : rng.normal())],
      ['skewed with outliers', () => (rng.next() < 0.001 ? 1e12 : Math.exp(rng.normal() * 3))],
      ['signed zeros and tiny values', () => [0, -0, 5e-324, -5e-324, rng.normal() * 1e-300][rng.int(5)]],
      ['range beyond ±1.8e308', () => (rng.next() < 0.5 ? -1.7e308 : 1.7e308) * rng.next()],
      ['all equal', () => 3.25],
    ];
    for (const n of [1, 2, 255, 257, 1000, 1000, 1000, 5000, 31_000]) {
      for (const [name, draw] of shapes) {
        const values = Float64Array.from({ length: n }, draw);
        const expected = sortedBins(values);
        const bins = binColumns(n, 1, (_, out) => out.set(values));
        expect(same(bins.cuts, expected.cuts), `${name}, ${n} rows: cuts`).toBe(true);
        expect(same(bins.codes, expected.codes), `${name}, ${n} rows: codes`).toBe(true);
      }
    }
  });

  it('cuts a 0…999 column at the first value past each 1/256 quantile', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => 999 - i);
    const bins = binColumns(1000, 1, (_, out) => out.set(values));
    expect(bins.cuts.length).toBe(255);
    // i ≥ 1000/256 = 3.90625 → position 4: the cut between 3 and 4; then 8 (7.8125), 12 (11.71875).
    expect(Array.from(bins.cuts.subarray(0, 3))).toEqual([3.5, 7.5, 11.5]);
    expect(bins.codes[999 - 3]).toBe(0);
    expect(bins.codes[999 - 4]).toBe(1);
    expect(bins.codes[0]).toBe(255);
  });
});
