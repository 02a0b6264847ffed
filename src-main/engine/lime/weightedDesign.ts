/**
 * Weighted sufficient statistics of the perturbed neighbourhood, computed once
 * per explanation so that every surrogate fit (forward selection tries dozens)
 * costs O(k³) instead of O(samples · k²).
 */
export interface WeightedDesign {
  readonly rows: number;
  readonly cols: number;
  /** rows × cols, row-major: the data the surrogate is fitted on (reference `scaled_data`). */
  readonly data: Float64Array;
  /** Kernel weight per row. */
  readonly weights: Float64Array;
  readonly totalWeight: number;
  /** Weighted column means, `np.average(data, axis=0, weights=weights)`. */
  readonly mean: Float64Array;
  /** cols × cols: Σ w (x − mean)(x − mean)ᵀ. */
  readonly cov: Float64Array;
  /** For 0/1 data: per row, the columns holding 1 (CSR); null for other data. */
  readonly ones: { readonly offsets: Int32Array; readonly cols: Int32Array } | null;
}

/** Weighted statistics of one target column against a {@link WeightedDesign}. */
export interface WeightedTarget {
  readonly y: Float64Array;
  /** Weighted mean of y. */
  readonly mean: number;
  /** cols: Σ w (x − mean)(y − ȳ). */
  readonly xy: Float64Array;
  /** Σ w (y − ȳ)². */
  readonly yy: number;
}

/**
 * @param data rows × cols, row-major
 * @param weights one non-negative weight per row, not all zero
 * @param binary whether every value is 0 or 1 (detected when omitted)
 * @param ones for 0/1 data: room for the column indices of the ones (≥ rows · cols), reused
 *   across calls; or the rows' ones already listed as {@link WeightedDesign.ones} (ascending
 *   within a row, e.g. by the sampler that drew them), so that `data` is not scanned for them
 */
export function weightedDesign(
  data: Float64Array,
  rows: number,
  cols: number,
  weights: Float64Array,
  binary?: boolean,
  ones?: Int32Array | { readonly offsets: Int32Array; readonly cols: Int32Array },
): WeightedDesign {
  let totalWeight = 0;
  for (let r = 0; r < rows; r++) totalWeight += weights[r];
  if (!(totalWeight > 0))
    throw new RangeError('kernel weights sum to zero: the kernel width is too small for these distances');
  if (binary === undefined) {
    binary = true;
    for (let i = 0; i < data.length && binary; i++) binary = data[i] === 0 || data[i] === 1;
  }
  const mean = new Float64Array(cols);
  const cov = new Float64Array(cols * cols);

  if (binary) {
    // Discretized LIME data is 0/1 with about a quarter ones: accumulate over the ones only.
    let list: { readonly offsets: Int32Array; readonly cols: Int32Array };
    if (ones !== undefined && !(ones instanceof Int32Array)) {
      list = ones;
      for (let r = 0; r < rows; r++)
        addPairs(cov, cols, ones.cols, ones.offsets[r], ones.offsets[r + 1], weights[r]);
    } else {
      const offsets = new Int32Array(rows + 1);
      const onesCols = ones && ones.length >= rows * cols ? ones : new Int32Array(rows * cols);
      let m = 0;
      for (let r = 0; r < rows; r++) {
        offsets[r] = m;
        const base = r * cols;
        // The row's ones as bit masks of 32 columns, then their set bits in ascending order: no
        // branch per cell (which mispredicts on random 0/1 data), ~25% faster on breast cancer.
        for (let j0 = 0; j0 < cols; j0 += 32) {
          const width = Math.min(32, cols - j0);
          let mask = 0;
          for (let j = 0; j < width; j++) mask |= (data[base + j0 + j] & 1) << j;
          while (mask !== 0) {
            const low = mask & -mask;
            onesCols[m++] = j0 + 31 - Math.clz32(low);
            mask ^= low;
          }
        }
        addPairs(cov, cols, onesCols, offsets[r], m, weights[r]);
      }
      offsets[rows] = m;
      list = { offsets, cols: onesCols };
    }
    for (let j = 0; j < cols; j++) mean[j] = cov[j * cols + j] / totalWeight;
    for (let i = 0; i < cols; i++) {
      for (let j = i; j < cols; j++) {
        const c = cov[i * cols + j] - totalWeight * mean[i] * mean[j];
        cov[i * cols + j] = c;
        cov[j * cols + i] = c;
      }
    }
    return {
      rows,
      cols,
      data,
      weights,
      totalWeight,
      mean,
      cov,
      ones: list,
    };
  }

  for (let r = 0; r < rows; r++) {
    const w = weights[r];
    const base = r * cols;
    for (let j = 0; j < cols; j++) mean[j] += w * data[base + j];
  }
  for (let j = 0; j < cols; j++) mean[j] /= totalWeight;
  const centered = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const w = weights[r];
    const base = r * cols;
    for (let j = 0; j < cols; j++) centered[j] = data[base + j] - mean[j];
    for (let i = 0; i < cols; i++) {
      const wi = w * centered[i];
      const ci = i * cols;
      for (let j = i; j < cols; j++) cov[ci + j] += wi * centered[j];
    }
  }
  for (let i = 0; i < cols; i++) for (let j = i + 1; j < cols; j++) cov[j * cols + i] = cov[i * cols + j];
  return { rows, cols, data, weights, totalWeight, mean, cov, ones: null };
}

/** cov[a][b] += w for every pair a ≤ b of one row's ones, onesCols[from..to). */
function addPairs(
  cov: Float64Array,
  cols: number,
  onesCols: Int32Array,
  from: number,
  to: number,
  w: number,
): void {
  for (let a = from; a < to; a++) {
    const ia = onesCols[a] * cols;
    for (let b = a; b < to; b++) cov[ia + onesCols[b]] += w;
  }
}

export function weightedTarget(design: WeightedDesign, y: Float64Array): WeightedTarget {
  const { rows, cols, data, weights, totalWeight, mean, ones } = design;
  let sy = 0;
  for (let r = 0; r < rows; r++) sy += weights[r] * y[r];
  const yMean = sy / totalWeight;
  let yy = 0;
  let residualSum = 0;
  const xy = new Float64Array(cols);
  if (ones) {
    // The arrays in locals: a first explanation runs this loop interpreted for a while, and
    // every property load there is a bytecode more per one.
    const { offsets, cols: onesCols } = ones;
    for (let r = 0, end = offsets[0]; r < rows; r++) {
      const start = end;
      end = offsets[r + 1];
      const wd = weights[r] * (y[r] - yMean);
      residualSum += wd;
      yy += wd * (y[r] - yMean);
      for (let a = start; a < end; a++) xy[onesCols[a]] += wd;
    }
    // Σ w (x − μ)(y − ȳ) = Σ w x (y − ȳ) − μ Σ w (y − ȳ); the last sum is ~0 but kept for exactness.
    for (let j = 0; j < cols; j++) xy[j] -= mean[j] * residualSum;
  } else {
    for (let r = 0; r < rows; r++) {
      const dy = y[r] - yMean;
      const wd = weights[r] * dy;
      yy += wd * dy;
      const base = r * cols;
      for (let j = 0; j < cols; j++) xy[j] += wd * (data[base + j] - mean[j]);
    }
  }
  return { y, mean: yMean, xy, yy };
}
