/** Equal-width bins: `edges` has bins + 1 ascending values; counts[i] covers [edges[i], edges[i+1]), the last bin closed. */
export interface Histogram {
  readonly edges: number[];
  readonly counts: number[];
}

/** Edges as numpy.linspace(min, max, bins + 1) computes them, so our bins match numpy.histogram. */
export function binEdges(min: number, max: number, bins: number): number[] {
  let lo = min;
  let hi = max;
  // numpy widens a zero range to ±0.5 so a single value still gets bins.
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const step = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * step);
  edges[bins] = hi;
  return edges;
}

/** Bin of a value in [edges[0], edges[bins]], or -1 outside; exact at the edges despite rounding. */
export function binOf(value: number, edges: readonly number[]): number {
  const bins = edges.length - 1;
  const lo = edges[0];
  const hi = edges[bins];
  if (!(value >= lo && value <= hi)) return -1;
  // Same arithmetic as numpy.histogram's uniform-bin path, then its correction against the edges.
  let bin = Math.floor((value - lo) * (bins / (hi - lo)));
  if (bin >= bins) bin = bins - 1;
  if (bin > 0 && value < edges[bin]) bin--;
  else if (bin < bins - 1 && value >= edges[bin + 1]) bin++;
  return bin;
}

/** RangeError unless `bins` is a positive integer. */
export function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
}

/**
 * Histogram of the non-NaN values with `bins` equal-width bins between their min and
 * max (numpy.histogram's rule: the last bin includes the max; one distinct value v
 * spans [v − 0.5, v + 0.5]; no values gives edges over [0, 1] and zero counts).
 */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  checkBins(bins);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { edges: binEdges(0, 1, bins), counts: new Array<number>(bins).fill(0) };
  const edges = binEdges(min, max, bins);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const bin = binOf(values[i], edges);
    if (bin >= 0) counts[bin]++;
  }
  return { edges, counts };
}
