/**
 * One feature's histogram bins without sorting the column. The cuts depend on the sorted values
 * only near each 1/256 quantile, and each value's code is the number of cuts below it; a sort per
 * column (plus a binary search per value) was most of the time before the first tree on large
 * tables. Instead the values are spread over ordered buckets by a linear map of their value
 * (rounding is monotone, so a value in a lower bucket is strictly smaller than any value in a
 * higher one), and only the buckets a quantile or a tie run falls into are sorted. The cuts and
 * codes are exactly those of the sort-based rule (see histogramSplit.ts).
 */
import { sortFloat64 } from '../data/sortNumbers';

/** Values per bucket on average; buckets at most 2^16 (keys are 16-bit). */
const VALUES_PER_BUCKET = 8;
const MAX_BUCKETS = 1 << 16;

/**
 * The cut between two consecutive distinct values a < b (a ≤ cut < b, so `x <= cut` parts
 * them): their midpoint, kept below b as the exact search's thresholds are, then rounded to the
 * nearest float32 when that still lies in [a, b). A forest whose cuts are all float32 keeps its
 * thresholds in 4 bytes (ForestPacker); the rounding moves a cut by at most 2^-24 of its size.
 */
export function cutBetween(a: number, b: number): number {
  const t = a / 2 + b / 2;
  const mid = t >= b || t < a ? a : t;
  const single = Math.fround(mid);
  return single >= a && single < b ? single : mid;
}

/** Scratch arrays for columns of `n` values, reused from one column to the next. */
export class ColumnBinner {
  private readonly bucketed: Float64Array;
  private readonly keys: Uint16Array;
  private readonly start: Int32Array;
  private readonly sortedBucket: Uint8Array;
  private readonly buckets: number;
  private min = 0;
  private scale = 0;

  constructor(private readonly n: number) {
    this.buckets = Math.max(1, Math.min(MAX_BUCKETS, Math.floor(n / VALUES_PER_BUCKET)));
    this.bucketed = new Float64Array(n);
    this.keys = new Uint16Array(n);
    this.start = new Int32Array(this.buckets + 1);
    this.sortedBucket = new Uint8Array(this.buckets);
  }

  /** Bucket of a value: monotone in the value (NaN of an overflowing range goes to 0 with every other value). */
  private key(v: number): number {
    const k = Math.floor((v - this.min) * this.scale);
    return k >= 0 ? (k < this.buckets ? k : this.buckets - 1) : 0;
  }

  /** Spreads `values` over the buckets (bucketed[start[j] .. start[j + 1]) holds bucket j, unsorted). */
  private spread(values: Float64Array): void {
    const { n, keys, start, buckets } = this;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const scale = buckets / (max - min);
    this.min = min;
    this.scale = Number.isFinite(scale) && scale > 0 ? scale : 0;
    start.fill(0);
    for (let i = 0; i < n; i++) {
      const k = this.key(values[i]);
      keys[i] = k;
      start[k + 1]++;
    }
    for (let j = 0; j < buckets; j++) start[j + 1] += start[j];
    const next = start.slice(0, buckets);
    for (let i = 0; i < n; i++) this.bucketed[next[keys[i]]++] = values[i];
    this.sortedBucket.fill(0);
  }

  /** Bucket holding sorted position p (the last bucket whose start is ≤ p), sorted. */
  private bucketAt(p: number): number {
    const { start } = this;
    let lo = 0;
    let hi = this.buckets - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    if (this.sortedBucket[lo] === 0) {
      sortFloat64(this.bucketed.subarray(start[lo], start[lo + 1]));
      this.sortedBucket[lo] = 1;
    }
    return lo;
  }

  /**
   * The first sorted position i ≥ from (from ≥ 1) whose value exceeds the one before it, or n.
   * A bucket's first position always does: its values exceed every value of lower buckets.
   */
  private nextChange(from: number): number {
    const { n, start, bucketed } = this;
    let i = from;
    while (i < n) {
      const j = this.bucketAt(i);
      if (i === start[j]) return i;
      const end = start[j + 1];
      for (; i < end; i++) if (bucketed[i] > bucketed[i - 1]) return i;
    }
    return n;
  }

  /**
   * Cuts of one column (at most maxBins − 1, ascending): with at most maxBins distinct values one
   * cut between each two; otherwise at the first change at or after each 1/maxBins quantile.
   * Then writes each value's code (cuts below it) to codes[base + r]. `values` holds n finite numbers.
   */
  bin(values: Float64Array, maxBins: number, codes: Uint8Array, base: number): number[] {
    const { n } = this;
    const cuts: number[] = [];
    if (n === 0) return cuts;
    this.spread(values);
    const { bucketed } = this;
    // Distinct values, up to maxBins + 1: with few of them every boundary is a cut.
    let distinct = 1;
    for (let i = this.nextChange(1); i < n && distinct <= maxBins; i = this.nextChange(i + 1)) distinct++;
    const step = distinct <= maxBins ? 0 : n / maxBins;
    for (let i = 1; i < n && cuts.length < maxBins - 1; i++) {
      i = this.nextChange(Math.max(i, Math.ceil((cuts.length + 1) * step)));
      if (i >= n) break;
      // Position i − 1 may be the end of a bucket the scan jumped over: sort it first.
      this.bucketAt(i - 1);
      cuts.push(cutBetween(bucketed[i - 1], bucketed[i]));
    }
    this.writeCodes(values, cuts, codes, base);
    return cuts;
  }

  /** codes[base + r] = number of cuts below values[r]: from the first cut of the value's bucket on. */
  private writeCodes(values: Float64Array, cuts: readonly number[], codes: Uint8Array, base: number): void {
    const { n, keys, buckets } = this;
    // Cuts in lower buckets than a value's are below it; cuts in higher ones above it.
    const firstCut = new Int32Array(buckets + 1);
    let c = 0;
    for (let j = 0; j <= buckets; j++) {
      while (c < cuts.length && this.key(cuts[c]) < j) c++;
      firstCut[j] = c;
    }
    const m = cuts.length;
    for (let r = 0; r < n; r++) {
      const v = values[r];
      let code = firstCut[keys[r]];
      while (code < m && cuts[code] < v) code++;
      codes[base + r] = code;
    }
  }
}
