import { median as medianOf, orderStatisticsInPlace } from '../data/median';

/**
 * numpy's default `np.percentile(a, q)` ("linear" method): the virtual index
 * (n − 1)·q/100 between the two nearest order statistics, interpolated the way
 * numpy's `_lerp` does it (from the upper neighbour when the fraction is ≥ 0.5),
 * so boundaries match numpy to the last bit rather than to rounding.
 *
 * @param sorted values in ascending order, no NaN
 * @param q percentile in [0, 100]
 */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const { lo, hi, t } = percentilePosition(sorted.length, q);
  return lerp(sorted[lo], sorted[hi], t);
}

/** The two sorted positions np.percentile interpolates between for q, and the fraction t. */
function percentilePosition(n: number, q: number): { lo: number; hi: number; t: number } {
  if (n === 0) throw new RangeError('percentile of an empty array');
  if (!(q >= 0 && q <= 100)) throw new RangeError(`percentile q must be in [0, 100], got ${q}`);
  const virtualIndex = (n - 1) * (q / 100);
  const lo = Math.floor(virtualIndex);
  return { lo, hi: Math.min(lo + 1, n - 1), t: virtualIndex - lo };
}

/** numpy's `_lerp` from a to b at t. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  if (diff === Infinity) return a * (1 - t) + b * t; // neighbours near ±1.8e308: their gap overflows
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * `np.percentile(values, qs)` for one column; the input is not modified. The selection works on
 * a copy, made in `scratch` (at least values.length long; its contents are overwritten) if given.
 */
export function percentiles(
  values: ArrayLike<number>,
  qs: readonly number[],
  scratch?: Float64Array,
): Float64Array {
  const at = qs.map((q) => percentilePosition(values.length, q));
  const positions = at.flatMap(({ lo, hi }) => [lo, hi]);
  const copy = scratch ? scratch.subarray(0, values.length) : new Float64Array(values.length);
  copy.set(values);
  // A sort puts NaN last; selection has no order for it, so such a column is sorted.
  let v: readonly number[];
  if (copy.some((x) => x !== x)) {
    copy.sort();
    v = positions.map((p) => copy[p]);
  } else {
    v = orderStatisticsInPlace(copy, positions);
  }
  return Float64Array.from(at, ({ t }, i) => lerp(v[2 * i], v[2 * i + 1], t));
}

/** `np.unique` of a numeric array: sorted ascending, duplicates removed. */
export function uniqueSorted(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i];
  }
  return sorted.slice(0, m);
}

/**
 * `np.searchsorted(boundaries, x)` with the default side='left': the number of
 * boundaries strictly below x, so a value equal to a boundary falls in the lower bin.
 * NaN sorts last in numpy, hence bin = boundaries.length.
 */
export function searchSortedLeft(boundaries: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = boundaries.length;
  if (Number.isNaN(x)) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `np.median` (data/median.ts, shared with the imputer); throws on an empty array. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError('median of an empty array');
  return medianOf(values);
}
