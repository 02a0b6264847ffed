/** Distance → proximity weight, given the kernel width (reference `kernel(d, kernel_width)`). */
export type KernelFn = (distance: number, kernelWidth: number) => number;

/** The reference's exponential kernel, sqrt(exp(−d² / width²)). */
export const exponentialKernel: KernelFn = (d, width) => Math.sqrt(Math.exp(-(d * d) / (width * width)));

/** The reference's default width: 0.75 · √(number of features). */
export function defaultKernelWidth(numFeatures: number): number {
  return Math.sqrt(numFeatures) * 0.75;
}

export type DistanceMetric = 'euclidean' | 'manhattan' | 'cosine';
export const DISTANCE_METRICS: readonly DistanceMetric[] = ['euclidean', 'manhattan', 'cosine'];

/** Euclidean distance of the row at `base` to row 0 when the plain sum of squares overflows: scaled first. */
function scaledDistance(data: Float64Array, base: number, cols: number): number {
  let largest = 0;
  for (let j = 0; j < cols; j++) largest = Math.max(largest, Math.abs(data[base + j] / 2 - data[j] / 2));
  if (!(largest > 0) || largest === Infinity) return largest === Infinity ? Infinity : 0;
  let s = 0;
  for (let j = 0; j < cols; j++) {
    const diff = (data[base + j] / 2 - data[j] / 2) / largest;
    s += diff * diff;
  }
  return Math.min(Number.MAX_VALUE, 2 * largest * Math.sqrt(s));
}

/**
 * Distance of every row to row 0, as `sklearn.metrics.pairwise_distances(data, data[0:1], metric)`.
 * Cosine distance treats an all-zero row as having norm 1, as scikit-learn does.
 * @param data rows × cols, row-major
 */
export function distancesToFirstRow(
  data: Float64Array,
  rows: number,
  cols: number,
  metric: DistanceMetric,
): Float64Array {
  const out = new Float64Array(rows);
  if (metric === 'euclidean') {
    for (let r = 1; r < rows; r++) {
      const base = r * cols;
      let s = 0;
      for (let j = 0; j < cols; j++) {
        const diff = data[base + j] - data[j];
        s += diff * diff;
      }
      out[r] = s < Infinity ? Math.sqrt(s) : scaledDistance(data, base, cols);
    }
  } else if (metric === 'manhattan') {
    for (let r = 1; r < rows; r++) {
      const base = r * cols;
      let s = 0;
      for (let j = 0; j < cols; j++) s += Math.abs(data[base + j] - data[j]);
      out[r] = s;
    }
  } else if (metric === 'cosine') {
    let n0 = 0;
    for (let j = 0; j < cols; j++) n0 += data[j] * data[j];
    n0 = Math.sqrt(n0) || 1;
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      let dot = 0;
      let nr = 0;
      for (let j = 0; j < cols; j++) {
        dot += data[base + j] * data[j];
        nr += data[base + j] * data[base + j];
      }
      const d = 1 - dot / ((Math.sqrt(nr) || 1) * n0);
      out[r] = Math.min(2, Math.max(0, d));
    }
  } else {
    throw new RangeError(
      `distanceMetric must be one of ${DISTANCE_METRICS.join(', ')}; got ${String(metric)}`,
    );
  }
  return out;
}

/**
 * The kernel weights of euclidean distancesToFirstRow for 0/1 data whose first row is all ones,
 * from each row's count of ones (`offsets` as in WeightedDesign.ones, rows + 1 entries): a row
 * differs from the first in its cols − count zeros, each adding exactly 1 to the sum of squares,
 * so its distance is √(cols − count), the same number. There are only cols + 1 such distances,
 * so `kernel` is called once for each rather than once per row.
 */
export function kernelWeightsFromOnesCounts(
  offsets: Int32Array,
  rows: number,
  cols: number,
  kernel: (distance: number) => number,
): Float64Array {
  const byCount = new Float64Array(cols + 1);
  for (let c = 0; c <= cols; c++) byCount[c] = kernel(Math.sqrt(cols - c));
  const out = new Float64Array(rows);
  // Row 0 is the instance itself: distance 0, as distancesToFirstRow gives it.
  out[0] = kernel(0);
  for (let r = 1; r < rows; r++) out[r] = byCount[offsets[r + 1] - offsets[r]];
  return out;
}
