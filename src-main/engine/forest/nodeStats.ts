/**
 * A node's statistics from the rows it holds (positions [from, to) of a row list), for both
 * split searches: the exact one reads a feature's sorted list, the histogram one its row list.
 */

/** Weighted class counts of the rows at positions [from, to) of a row list; returns the total weight. */
export function classCounts(
  order: Int32Array,
  from: number,
  to: number,
  w: Float64Array,
  yc: Int32Array,
  counts: Float64Array,
): number {
  counts.fill(0);
  let total = 0;
  for (let i = from; i < to; i++) {
    const r = order[i];
    counts[yc[r]] += w[r];
    total += w[r];
  }
  return total;
}

/** Weighted sum and sum of squared deviations of y over positions [from, to); out = [W, Σwy, Σw(y−ȳ)²]. */
export function valueStats(
  order: Int32Array,
  from: number,
  to: number,
  w: Float64Array,
  yr: Float64Array,
  out: Float64Array,
): void {
  let W = 0;
  let S = 0;
  for (let i = from; i < to; i++) {
    const r = order[i];
    W += w[r];
    S += w[r] * yr[r];
  }
  const mean = S / W;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const r = order[i];
    const d = yr[r] - mean;
    ss += w[r] * d * d;
  }
  out[0] = W;
  out[1] = S;
  out[2] = ss;
}
