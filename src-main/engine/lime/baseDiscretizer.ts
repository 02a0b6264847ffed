import type { Rng } from '../random/rng';
import { formatFixed2 } from './pyFormat';
import { searchSortedLeft, uniqueSorted } from './percentile';
import { trainingColumns, type TrainingData } from './trainingColumns';
import { ConstantSampler, TruncatedNormal, type BinSampler } from './truncatedNormal';

/** Per-bin statistics that replace those computed from the training data (reference `data_stats`). */
export interface DiscretizerStats {
  readonly means: Readonly<Record<number, readonly number[]>>;
  readonly stds: Readonly<Record<number, readonly number[]>>;
  readonly mins: Readonly<Record<number, readonly number[]>>;
  readonly maxs: Readonly<Record<number, readonly number[]>>;
  /** Boundaries per continuous feature; used by {@link StatsDiscretizer}. */
  readonly bins?: Readonly<Record<number, readonly number[]>>;
}

/** The reference adds this to every bin's standard deviation so that no bin has scale 0. */
const STD_EPSILON = 0.00000000001;

/**
 * Discretizes continuous features into bins and samples values back from bins,
 * as the reference `lime.discretize.BaseDiscretizer`:
 * - bin of x = number of boundaries strictly below x (`np.searchsorted`, side='left');
 * - bin names `name <= q0`, `q(i) < name <= q(i+1)`, `name > q(last)` with '%.2f' numbers;
 * - per bin: mean, population std (+1e-11), min (previous boundary, or the data minimum)
 *   and max (the bin's boundary, or the data maximum) of the training values;
 * - undiscretize draws a normal with the bin's mean/std truncated to [min, max].
 *
 * Subclasses implement {@link bins}; it is called once, from this constructor.
 */
export abstract class BaseDiscretizer {
  /** Indices of the features this discretizer bins (every non-categorical feature). */
  readonly toDiscretize: readonly number[];
  /** Sorted, de-duplicated bin boundaries per discretized feature (length = bins − 1). */
  readonly boundaries: Record<number, Float64Array> = {};
  /** Condition strings per feature, one per bin. */
  readonly names: Record<number, string[]> = {};
  readonly means: Record<number, number[]> = {};
  readonly stds: Record<number, number[]> = {};
  readonly mins: Record<number, number[]> = {};
  readonly maxs: Record<number, number[]> = {};
  /** Training rows per bin of each discretized feature; absent with supplied statistics. */
  readonly binCounts: Record<number, Float64Array> = {};
  protected readonly dataStats: DiscretizerStats | undefined;
  private readonly samplers: Record<number, BinSampler[]> = {};

  /**
   * @param data training rows × features (finite numbers), or a reader of its columns
   * @param categoricalFeatures feature indices that are not discretized
   * @param featureNames one name per feature, used in the bin names
   * @param labels training labels (only the entropy discretizer uses them)
   * @param dataStats per-bin statistics to use instead of the data's
   */
  constructor(
    data: TrainingData,
    categoricalFeatures: readonly number[],
    featureNames: readonly string[],
    labels?: ArrayLike<number>,
    dataStats?: DiscretizerStats,
  ) {
    const training = trainingColumns(data);
    const d = training.rows > 0 ? training.features : featureNames.length;
    const categorical = new Set(categoricalFeatures);
    this.toDiscretize = Array.from({ length: d }, (_, j) => j).filter((j) => !categorical.has(j));
    this.dataStats = dataStats;
    if (dataStats) {
      Object.assign(this.means, dataStats.means);
      Object.assign(this.stds, dataStats.stds);
      Object.assign(this.mins, dataStats.mins);
      Object.assign(this.maxs, dataStats.maxs);
    }

    // One training column at a time: a copy of every column would hold a second training set
    // (~96 MB at 400 000 rows × 30 features). Supplied statistics need no column: binsOf gets an
    // empty one.
    // The sort buffer and bin codes are reused too: fresh ones per feature are ~4.5 MB each at
    // 400 000 rows, and V8 frees them only at its next GC, so they piled up into the process's peak.
    const column = new Float64Array(dataStats ? 0 : training.rows);
    const sortBuffer = new Float64Array(column.length);
    const binOf = new Int32Array(column.length);
    for (let at = 0; at < this.toDiscretize.length; at++) {
      const feature = this.toDiscretize[at];
      if (!dataStats) training.column(feature, column);
      const qts = uniqueSorted(this.binsOf(feature, column, labels, sortBuffer));
      const nBorders = qts.length;
      if (nBorders === 0) throw new RangeError(`discretizer produced no boundary for feature ${feature}`);
      const name = featureNames[feature];
      const names = [`${name} <= ${formatFixed2(qts[0])}`];
      for (let b = 0; b < nBorders - 1; b++) {
        names.push(`${formatFixed2(qts[b])} < ${name} <= ${formatFixed2(qts[b + 1])}`);
      }
      names.push(`${name} > ${formatFixed2(qts[nBorders - 1])}`);
      this.names[feature] = names;
      this.boundaries[feature] = qts;
      if (dataStats) continue;

      let min = Infinity;
      let max = -Infinity;
      const count = new Float64Array(nBorders + 1);
      const sum = new Float64Array(nBorders + 1);
      for (let r = 0; r < column.length; r++) {
        const x = column[r];
        if (x < min) min = x;
        if (x > max) max = x;
        const bin = searchSortedLeft(qts, x);
        binOf[r] = bin;
        count[bin]++;
        sum[bin] += x;
      }
      let means = Array.from(count, (c, b) => (c === 0 ? 0 : sum[b] / c));
      // Two-pass population variance, as np.std(ddof=0).
      const sq = new Float64Array(nBorders + 1);
      for (let r = 0; r < column.length; r++) {
        const dev = column[r] - means[binOf[r]];
        sq[binOf[r]] += dev * dev;
      }
      let stds = Array.from(count, (c, b) => (c === 0 ? 0 : Math.sqrt(sq[b] / c)) + STD_EPSILON);
      if (!means.every(Number.isFinite) || !stds.every(Number.isFinite)) {
        ({ means, stds } = scaledBinStats(column, binOf, count, Math.max(-min, max)));
      }
      this.means[feature] = means;
      this.stds[feature] = stds;
      this.binCounts[feature] = count;
      this.mins[feature] = [min, ...qts];
      this.maxs[feature] = [...qts, max];
    }
  }

  /**
   * Boundaries of one feature in {@link toDiscretize}.
   * @param column that feature's training values (one per row); a scratch buffer the caller reuses
   *   for the next feature, so it must not be kept or changed
   * @param sortBuffer a buffer of the column's length the subclass may overwrite (to sort a copy)
   */
  protected abstract binsOf(
    feature: number,
    column: Float64Array,
    labels: ArrayLike<number> | undefined,
    sortBuffer: Float64Array,
  ): ArrayLike<number>;

  /** Bin index of x for a discretized feature. */
  discretizeValue(feature: number, x: number): number {
    return searchSortedLeft(this.boundaries[feature], x);
  }

  /** A copy of the row with every discretized feature replaced by its bin index. */
  discretize(row: readonly number[]): number[] {
    const out = row.slice();
    for (const key of Object.keys(this.boundaries)) {
      const feature = Number(key);
      out[feature] = this.discretizeValue(feature, row[feature]);
    }
    return out;
  }

  /**
   * A value drawn from a bin: truncated normal with the bin's mean and std on [min, max].
   * When min = max the bin holds a single value and that value is returned (the reference
   * returns the z-score (min − mean)/std there, which is 0 rather than the value).
   */
  undiscretizeValue(feature: number, bin: number, rng: Rng): number {
    return this.binSamplers(feature)[bin].fromUniform(rng.next());
  }

  /** A copy of the row with each discretized feature's bin index replaced by a sampled value. */
  undiscretize(row: readonly number[], rng: Rng): number[] {
    const out = row.slice();
    for (const key of Object.keys(this.means)) {
      const feature = Number(key);
      out[feature] = this.undiscretizeValue(feature, Math.trunc(row[feature]), rng);
    }
    return out;
  }

  /** Per bin of a discretized feature, the inverse-CDF sampler {@link undiscretizeValue} uses. */
  binSamplers(feature: number): readonly BinSampler[] {
    let samplers = this.samplers[feature];
    if (samplers) return samplers;
    const means = this.means[feature];
    const stds = this.stds[feature];
    const mins = this.mins[feature];
    const maxs = this.maxs[feature];
    if (!means || !stds || !mins || !maxs) throw new RangeError(`feature ${feature} has no bin statistics`);
    samplers = means.map((mean, b) => {
      // Divided first when the difference itself would overflow (bins spanning ±1e308).
      let minz = (mins[b] - mean) / stds[b];
      let maxz = (maxs[b] - mean) / stds[b];
      if (!Number.isFinite(minz)) minz = mins[b] / stds[b] - mean / stds[b];
      if (!Number.isFinite(maxz)) maxz = maxs[b] / stds[b] - mean / stds[b];
      return minz === maxz ? new ConstantSampler(mins[b]) : new TruncatedNormal(minz, maxz, mean, stds[b]);
    });
    this.samplers[feature] = samplers;
    return samplers;
  }
}

/**
 * Per-bin mean and population std (+ε) of a column with values near ±1.8e308, whose sums
 * and squares overflow: computed on the values divided by a power of two and scaled back.
 */
function scaledBinStats(
  column: Float64Array,
  binOf: Int32Array,
  count: Float64Array,
  largest: number,
): { means: number[]; stds: number[] } {
  const scale = 2 ** Math.min(1023, Math.ceil(Math.log2(largest)));
  const sum = new Float64Array(count.length);
  for (let r = 0; r < column.length; r++) sum[binOf[r]] += column[r] / scale;
  const scaled = Array.from(count, (c, b) => (c === 0 ? 0 : sum[b] / c));
  const sq = new Float64Array(count.length);
  for (let r = 0; r < column.length; r++) {
    const dev = column[r] / scale - scaled[binOf[r]];
    sq[binOf[r]] += dev * dev;
  }
  return {
    means: scaled.map((m) => m * scale),
    stds: Array.from(count, (c, b) =>
      Math.min(Number.MAX_VALUE, (c === 0 ? 0 : Math.sqrt(sq[b] / c)) * scale + STD_EPSILON),
    ),
  };
}
