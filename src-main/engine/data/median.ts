/**
 * `np.median` by selection instead of sorting: the imputer takes one median per numeric feature
 * over every training row, and a sort per column cost ~0.3 s of CPU on an 80 000 × 30 table;
 * selection is O(n) and picks the same order statistics, so the value is identical.
 */
import { sortFloat64 } from './sortNumbers';

/** Ranges at most this long are sorted outright; the selection loop also gives up to a sort after too many rounds. */
const SORT_BELOW = 32;

/**
 * Rearranges a[lo, hi) so that a[k] holds the value a numeric ascending sort would put there,
 * everything before it ≤ a[k] and everything after ≥ a[k] (−0 and +0 compare equal here; the
 * caller settles their order). Three-way partitions around a median of three, so long runs of
 * equal values (an imputed column) cost one pass.
 */
function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): void {
  let rounds = 2 * Math.ceil(Math.log2(hi - lo + 1)) + 4;
  while (hi - lo > SORT_BELOW) {
    if (rounds-- === 0) break;
    const x = a[lo];
    const y = a[(lo + hi) >> 1];
    const z = a[hi - 1];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // a[lo, lt) < pivot, a[lt, i) == pivot, a[gt, hi) > pivot.
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i < gt) {
      const v = a[i];
      if (v < pivot) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[--gt];
        a[gt] = v;
      } else {
        i++;
      }
    }
    if (k < lt) hi = lt;
    else if (k >= gt) lo = gt;
    else return;
  }
  sortFloat64(a.subarray(lo, hi));
}

/** From this many values on, a sample first brackets the middle so that selection runs on a few thousand. */
const BRACKET_MIN = 8192;
const SAMPLE = 1024;
/** Sample positions either side of the middle's: the true middle falls outside in far fewer than 1 in 10^6 draws. */
const MARGIN = 96;

/**
 * Moves the values of a[0, m) that may be order statistic k to the front (by swaps, so a[0, m)
 * keeps every value): samples SAMPLE values at even strides, keeps those between two sample
 * values around k's rank, counts those below. Returns [how many are below, how many were kept,
 * the largest below], or null when k's value is not among those kept.
 */
function bracket(a: Float64Array, m: number, k: number): [number, number, number] | null {
  const sample = new Float64Array(SAMPLE);
  for (let j = 0; j < SAMPLE; j++) sample[j] = a[Math.floor((j * m) / SAMPLE)];
  sample.sort();
  const at = Math.floor((k / m) * SAMPLE);
  const lo = sample[Math.max(0, at - MARGIN)];
  const hi = sample[Math.min(SAMPLE - 1, at + MARGIN)];
  let less = 0;
  let kept = 0;
  let largestBelow = -Infinity;
  for (let i = 0; i < m; i++) {
    const v = a[i];
    if (v < lo) {
      less++;
      if (v > largestBelow) largestBelow = v;
    } else if (v <= hi) {
      a[i] = a[kept];
      a[kept++] = v;
    }
  }
  return less <= k && k < less + kept ? [less, kept, largestBelow] : null;
}

/**
 * The zero an ascending sort puts at position p, which selection leaves unsettled: a sort puts
 * every −0 before every +0, so it is −0 when p falls among them (after the negatives).
 */
function sortedZero(p: number, negatives: number, negativeZeros: number): number {
  return p >= negatives && p < negatives + negativeZeros ? -0 : 0;
}

/**
 * Median with numpy's rule (the middle value, or for an even count the mean of the two middle
 * values, halved first where their sum would overflow); NaN when `values` is empty. NaN values
 * count as the largest, as `np.median` and a typed-array sort place them, so any NaN at or
 * below the middle gives NaN. `values` is not modified.
 */
export function median(values: ArrayLike<number>): number {
  return medianInPlace(Float64Array.from(values));
}

/** median() of `a`, whose values it reorders (for a caller's scratch copy: no second copy). */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  // NaN to the end (a sort puts it last); count what decides the sign of a zero.
  let m = 0;
  let negatives = 0;
  let negativeZeros = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v !== v) continue;
    a[i] = a[m];
    a[m++] = v;
    if (v < 0) negatives++;
    else if (v === 0 && 1 / v < 0) negativeZeros++;
  }
  const h = n >> 1;
  if (h >= m) return NaN;
  const zeroAt = (p: number): number => sortedZero(p, negatives, negativeZeros);
  let [offset, count, largestBelow] = [0, m, -Infinity];
  const kept = m >= BRACKET_MIN ? bracket(a, m, h) : null;
  if (kept) [offset, count, largestBelow] = kept;
  const k = h - offset;
  selectInPlace(a, 0, count, k);
  const upper = a[k] === 0 ? zeroAt(h) : a[k];
  if (n % 2 === 1) return upper;
  // Everything before position k is ≤ a[k]: the lower middle value is their largest.
  let below = largestBelow;
  for (let i = 0; i < k; i++) if (a[i] > below) below = a[i];
  const lower = below === 0 ? zeroAt(h - 1) : below;
  const mean = (lower + upper) / 2;
  return mean - mean === 0 ? mean : lower / 2 + upper / 2; // near ±1.8e308 the sum overflows
}

/**
 * The values an ascending typed-array sort of `a` would put at `positions` (any order, each in
 * [0, a.length)), found by selection and so in O(n) each; `a` (no NaN) is reordered. LIME's
 * percentile boundaries take four order statistics of every training column: a sort per column
 * cost ~80 ms at 400 000 rows.
 */
export function orderStatisticsInPlace(a: Float64Array, positions: readonly number[]): number[] {
  let negatives = 0;
  let negativeZeros = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < 0) negatives++;
    else if (v === 0 && 1 / v < 0) negativeZeros++;
  }
  const ascending = [...new Set(positions)].sort((p, q) => p - q);
  const found = new Map<number, number>();
  // Each selection leaves everything after position p no smaller: the next one searches only there,
  // and the very next position (a percentile's upper neighbour) is just the smallest of those.
  let from = 0;
  for (const p of ascending) {
    if (p === from && p > 0) {
      let smallest = p;
      for (let i = p + 1; i < a.length; i++) if (a[i] < a[smallest]) smallest = i;
      const t = a[p];
      a[p] = a[smallest];
      a[smallest] = t;
    } else {
      selectInPlace(a, from, a.length, p);
    }
    const v = a[p];
    found.set(p, v === 0 ? sortedZero(p, negatives, negativeZeros) : v);
    from = p + 1;
  }
  return positions.map((p) => found.get(p)!);
}
