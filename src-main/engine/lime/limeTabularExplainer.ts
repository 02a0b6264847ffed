import { throwIfAborted } from '../errors';
import { createRng } from '../random/rng';
import { BaseDiscretizer, type DiscretizerStats } from './baseDiscretizer';
import { EntropyDiscretizer } from './entropyDiscretizer';
import { Explanation, type ExplanationJSON, type LimeMode } from './explanation';
import { FEATURE_SELECTION_METHODS, type FeatureSelectionMethod } from './featureSelection';
import {
  DISTANCE_METRICS,
  defaultKernelWidth,
  distancesToFirstRow,
  kernelWeightsFromOnesCounts,
  exponentialKernel,
  type DistanceMetric,
  type KernelFn,
} from './kernels';
import { explainWithDesign, type LocalExplanation, type SurrogateRegressor } from './limeBase';
import { formatFixed2 } from './pyFormat';
import { DecileDiscretizer, QuartileDiscretizer } from './percentileDiscretizers';
import { StatsDiscretizer } from './statsDiscretizer';
import type { BinSampler } from './truncatedNormal';
import { weightedDesign } from './weightedDesign';
import { awaitModelCalls, runModelCallsSync, type ModelCalls } from './modelCalls';
import { FrequencySamplingTable, tabulable } from './frequencySampling';
import { trainingColumns, type TrainingData } from './trainingColumns';

export type DiscretizerOption = 'quartile' | 'decile' | 'entropy' | BaseDiscretizer;

/** Training statistics to use instead of the training data's (reference `training_data_stats`). */
export interface TrainingDataStats extends DiscretizerStats {
  /** Per feature sampled by frequency: its values, ascending. */
  readonly featureValues: Readonly<Record<number, readonly number[]>>;
  /** Per feature sampled by frequency: counts or frequencies, aligned with featureValues. */
  readonly featureFrequencies: Readonly<Record<number, readonly number[]>>;
}

export interface LimeTabularOptions {
  /** Default 'classification'. */
  readonly mode?: LimeMode;
  /** One label per training row; required by the 'entropy' discretizer. */
  readonly trainingLabels?: ArrayLike<number>;
  /** Default '0', '1', …. */
  readonly featureNames?: readonly string[];
  /** Indices of categorical features; their training values must be integer codes. */
  readonly categoricalFeatures?: readonly number[];
  /** Feature index → category names, categoricalNames[i][code]. */
  readonly categoricalNames?: Readonly<Record<number, readonly string[]>>;
  /** Default 0.75 · √(number of features). */
  readonly kernelWidth?: number;
  /**
   * Default sqrt(exp(−d² / width²)). A pure function of (distance, width): it may be called once
   * per distinct distance rather than once per sample.
   */
  readonly kernel?: KernelFn;
  /** Default '0', '1', … (one per model output). */
  readonly classNames?: readonly string[];
  /** Default 'auto'. */
  readonly featureSelection?: FeatureSelectionMethod;
  /** Default true: continuous features are binned and explained as bin conditions. */
  readonly discretizeContinuous?: boolean;
  /** Default 'quartile'. */
  readonly discretizer?: DiscretizerOption;
  /** Without discretization: sample around the instance (true) or the training mean (default). */
  readonly sampleAroundInstance?: boolean;
  /**
   * Seed of every random draw. Default 0. Each explainInstance call starts from this
   * seed, so an explanation depends only on (seed, row, options), not on earlier calls.
   */
  readonly randomState?: number;
  readonly trainingDataStats?: TrainingDataStats;
}

/** What predictFn may return: rows × classes probabilities, or one value per row (regression). */
export type PredictOutput = readonly ArrayLike<number>[] | ArrayLike<number>;
/** The model: rows × features → outputs; may be async (e.g. a worker round trip). */
export type PredictFn = (rows: number[][]) => PredictOutput | Promise<PredictOutput>;

/**
 * A model that scores a flat row-major matrix, e.g. `RandomForestClassifier.predictProbaFlat`:
 * it spares building and reading one JS array per sample.
 */
export interface FlatPredictor {
  /**
   * @param x rows × cols, row-major; the explainer reuses this buffer once the call has
   *   settled, so copy it to keep it
   * @returns rows × outputs, row-major (probabilities per class, or one value per row)
   */
  predictFlat(x: Float64Array, rows: number, cols: number): ArrayLike<number> | Promise<ArrayLike<number>>;
  /**
   * Optional: an object standing for the model (e.g. the forest), the same as long as the
   * predictions are — the same rows in, the same numbers out. With it, the explainer keeps the
   * model's outputs on its own seed's neighbourhood and predicts only the instance on later calls
   * (rows 1.. of that neighbourhood do not depend on the instance; see explainInstance).
   */
  readonly modelKey?: object;
  /**
   * Optional: the same result, but the predictor drives the sampling — `fill(upTo)` draws
   * rows up to `upTo` into `x` (row 0 is the instance, already there), so it can start
   * predicting the first rows (e.g. on another thread) while the rest are drawn. It must
   * have called fill(rows) before it returns.
   */
  predictFlatPipelined?(
    x: Float64Array,
    rows: number,
    cols: number,
    fill: (upTo: number) => void,
  ): ArrayLike<number> | Promise<ArrayLike<number>>;
}

export interface ExplainInstanceOptions {
  /** Class indices to explain; default [1]. Ignored in regression. */
  readonly labels?: readonly number[];
  /** Explain the K most probable classes instead of `labels`. */
  readonly topLabels?: number;
  /** Default 10. */
  readonly numFeatures?: number;
  /** Neighbourhood size, default 5000 (the instance is the first sample). */
  readonly numSamples?: number;
  /** Default 'euclidean'. */
  readonly distanceMetric?: DistanceMetric;
  /** Surrogate to use instead of Ridge(alpha = 1). */
  readonly modelRegressor?: SurrogateRegressor;
  readonly signal?: AbortSignal;
  /** Seed of this call's neighbourhood instead of the explainer's `randomState` (stability checks). */
  readonly randomState?: number;
}

const DEFAULT_RANDOM_STATE = 0;
/** np.allclose(sum, 1) tolerance: atol 1e-8 + rtol 1e-5. */
const PROBABILITY_SUM_TOLERANCE = 1e-8 + 1e-5;

/**
 * LIME for tabular data, a port of the reference `lime.lime_tabular.LimeTabularExplainer`
 * (Ribeiro et al.): perturbs an instance using training statistics, weights the
 * samples by an exponential kernel on their standardized distance, and fits a weighted
 * ridge surrogate whose coefficients are the explanation.
 *
 * Same algorithm and numbers as the reference (bins, bin statistics, frequencies, scaler,
 * kernel, feature selection, Ridge, R², condition strings), with these deliberate differences:
 * - randomness comes from the engine's seeded xoshiro stream, not numpy's, and each
 *   explainInstance call restarts from `randomState` (the reference shares one RandomState
 *   across calls, so its n-th explanation depends on the earlier ones);
 * - one uniform draw per sampled cell chooses the bin and, rescaled within the bin's share of
 *   the CDF, the truncated-normal value inside it (the reference draws them separately);
 * - a bin whose min equals its max is sampled as that value (the reference returns the
 *   z-score (min − mean)/std there, i.e. 0, a known slip);
 * - the lasso path is our own LARS-lasso on the weighted Gram matrix (see larsPath.ts);
 * - predictFn output that is not a probability per class summing to 1 is an error, not a warning;
 * - distance metrics: euclidean (default), manhattan and cosine only.
 */
export class LimeTabularExplainer {
  readonly mode: LimeMode;
  readonly featureNames: readonly string[];
  /** Features sampled by frequency: the categorical ones, or all of them when discretizing. */
  readonly categoricalFeatures: readonly number[];
  readonly categoricalNames: Readonly<Record<number, readonly string[]>>;
  readonly discretizer: BaseDiscretizer | null;
  readonly kernelWidth: number;
  readonly featureSelection: FeatureSelectionMethod;
  readonly sampleAroundInstance: boolean;
  readonly randomState: number;
  readonly classNames: readonly string[] | null;
  /** Per frequency-sampled feature: its training values (bins when discretized), ascending. */
  readonly featureValues: Readonly<Record<number, Float64Array>>;
  /** Per frequency-sampled feature: the training frequency of each value (sums to 1). */
  readonly featureFrequencies: Readonly<Record<number, Float64Array>>;
  /** StandardScaler(with_mean=False) fitted on the training data; 0 / 1 for frequency-sampled features. */
  readonly scalerMean: Float64Array;
  readonly scalerScale: Float64Array;
  private readonly kernel: KernelFn;
  private readonly numFeaturesTotal: number;
  private readonly isCategorical: Uint8Array;
  private readonly featureCdf: Record<number, Float64Array> = {};
  /** Per frequency-sampled feature and value: 1 / (its slice of the CDF), to rescale a draw within it. */
  private readonly featureInvWidth: Record<number, Float64Array> = {};
  /**
   * Per frequency-sampled feature: a guide table (Chen & Asau) over GUIDE_CELLS equal slices of
   * [0, 1): the value index when the slice lies inside one value's share of the CDF, else
   * −1 − (the first candidate index) to finish with a short search. Same draws, fewer branches.
   */
  private readonly featureGuide: Record<number, Int32Array> = {};
  /**
   * Per frequency-sampled feature: the undiscretizing sampler of each value (indexed like its
   * values, so the hot loop never indexes an array with a float), or null when not binned.
   */
  private readonly valueSamplers: Record<number, readonly BinSampler[] | null> = {};
  /**
   * The flat sampler when every feature is sampled by frequency (null: it is not, or a sampler
   * is not tabulable). Built with the training statistics, not on the first explanation: it is
   * per-explainer preparation (~1 ms, more while V8 still interprets it).
   */
  private frequencyTable: FrequencySamplingTable | null = null;

  /** Buffers reused across explanations (fresh pages cost more than filling them); null while in use. */
  private scratch: Scratch | null = null;

  /**
   * The explainer's own seed's neighbourhoods, by sample count (a few at most), and a model's
   * outputs on each: see explainInstance. Other seeds (stability checks) are not kept.
   */
  private readonly shared = new Map<number, SharedNeighbourhood>();

  /**
   * @param trainingData rows × features of finite numbers (impute first), or a reader of its
   *   columns; categorical features as integer codes
   */
  constructor(trainingData: TrainingData, options: LimeTabularOptions = {}) {
    const data = trainingColumns(trainingData);
    const rows = data.rows;
    if (rows === 0) throw new RangeError('trainingData has no rows');
    const d = data.features;
    if (d === 0) throw new RangeError('trainingData has no columns');
    // One training column at a time (every statistic below is per feature).
    const column = new Float64Array(rows);
    this.numFeaturesTotal = d;
    const mode = options.mode ?? 'classification';
    if (mode !== 'classification' && mode !== 'regression') {
      throw new RangeError(`mode must be 'classification' or 'regression', got ${String(mode)}`);
    }
    this.mode = mode;
    const featureNames = options.featureNames
      ? [...options.featureNames]
      : Array.from({ length: d }, (_, j) => String(j));
    if (featureNames.length !== d)
      throw new RangeError(`featureNames has ${featureNames.length} names for ${d} features`);
    this.featureNames = featureNames;
    const categorical = [...(options.categoricalFeatures ?? [])];
    for (const f of categorical) {
      if (!Number.isInteger(f) || f < 0 || f >= d)
        throw new RangeError(`categoricalFeatures: ${f} is not a feature index in [0, ${d})`);
      data.column(f, column);
      for (let r = 0; r < rows; r++) {
        if (!Number.isInteger(column[r])) {
          throw new RangeError(
            `categoricalFeatures: feature ${f} has the non-integer value ${column[r]} in row ${r}`,
          );
        }
      }
    }
    this.categoricalNames = options.categoricalNames ?? {};
    const kernelWidth = options.kernelWidth ?? defaultKernelWidth(d);
    if (!(kernelWidth > 0) || !Number.isFinite(kernelWidth))
      throw new RangeError(`kernelWidth must be a positive number, got ${kernelWidth}`);
    this.kernelWidth = kernelWidth;
    this.kernel = options.kernel ?? exponentialKernel;
    const featureSelection = options.featureSelection ?? 'auto';
    if (!FEATURE_SELECTION_METHODS.includes(featureSelection)) {
      throw new RangeError(
        `featureSelection must be one of ${FEATURE_SELECTION_METHODS.join(', ')}; got ${String(featureSelection)}`,
      );
    }
    this.featureSelection = featureSelection;
    this.sampleAroundInstance = options.sampleAroundInstance ?? false;
    const randomState = options.randomState ?? DEFAULT_RANDOM_STATE;
    if (!Number.isFinite(randomState))
      throw new RangeError(`randomState must be a finite number, got ${randomState}`);
    this.randomState = randomState;
    this.classNames = options.classNames ? [...options.classNames] : null;
    const stats = options.trainingDataStats;
    if (stats) {
      for (const key of ['means', 'mins', 'maxs', 'stds', 'featureValues', 'featureFrequencies'] as const) {
        if (!stats[key]) throw new RangeError(`trainingDataStats is missing ${key}`);
      }
    }
    if (options.trainingLabels && options.trainingLabels.length !== rows) {
      throw new RangeError(
        `trainingLabels has ${options.trainingLabels.length} values for ${rows} training rows`,
      );
    }

    let discretizer: BaseDiscretizer | null = null;
    if (options.discretizeContinuous ?? true) {
      const choice = options.discretizer ?? 'quartile';
      const labels = options.trainingLabels;
      if (stats) discretizer = new StatsDiscretizer(data, categorical, featureNames, labels, stats);
      else if (choice === 'quartile')
        discretizer = new QuartileDiscretizer(data, categorical, featureNames, labels);
      else if (choice === 'decile')
        discretizer = new DecileDiscretizer(data, categorical, featureNames, labels);
      else if (choice === 'entropy')
        discretizer = new EntropyDiscretizer(data, categorical, featureNames, labels);
      else if (choice instanceof BaseDiscretizer) discretizer = choice;
      else
        throw new RangeError(
          `discretizer must be 'quartile', 'decile', 'entropy' or a BaseDiscretizer; got ${String(choice)}`,
        );
      this.categoricalFeatures = Array.from({ length: d }, (_, j) => j);
    } else {
      this.categoricalFeatures = categorical;
    }
    this.discretizer = discretizer;

    // StandardScaler(with_mean=False).fit(trainingData): mean_ and population std, std 1 for constant columns.
    // Each feature adds its rows in order.
    this.scalerMean = new Float64Array(d);
    this.scalerScale = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      data.column(j, column);
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += column[r];
      const mean = sum / rows;
      let squares = 0;
      for (let r = 0; r < rows; r++) squares += (column[r] - mean) ** 2;
      const variance = squares / rows;
      const constant = variance <= rows * Number.EPSILON * variance + (rows * mean * Number.EPSILON) ** 2;
      this.scalerMean[j] = mean;
      this.scalerScale[j] = constant ? 1 : Math.sqrt(variance);
      if (!Number.isFinite(mean) || !Number.isFinite(variance)) {
        [this.scalerMean[j], this.scalerScale[j]] = scaledMeanStd(column);
      }
    }

    const featureValues: Record<number, Float64Array> = {};
    const featureFrequencies: Record<number, Float64Array> = {};
    this.isCategorical = new Uint8Array(d);
    for (const f of this.categoricalFeatures) {
      let values: number[];
      let counts: number[];
      if (stats) {
        const v = stats.featureValues[f];
        const c = stats.featureFrequencies[f];
        if (!v || !c || v.length !== c.length || v.length === 0) {
          throw new RangeError(
            `trainingDataStats.featureValues/featureFrequencies are missing or misaligned for feature ${f}`,
          );
        }
        values = [...v];
        counts = [...c];
      } else {
        // The training rows as discretize() would give them, counted per value: a discretized
        // copy of every row would hold a second training set (~20 MB at 80 000 rows).
        const binned = discretizer !== null && discretizer.boundaries[f] !== undefined;
        const binCounts = binned ? discretizer!.binCounts[f] : undefined;
        if (binCounts) {
          // The discretizer counted its training rows per bin already; empty bins are left out.
          values = [];
          counts = [];
          binCounts.forEach((c, bin) => {
            if (c > 0) {
              values.push(bin);
              counts.push(c);
            }
          });
        } else {
          const tally = new Map<number, number>();
          data.column(f, column);
          for (const x of column) {
            const v = binned ? discretizer!.discretizeValue(f, x) : x;
            tally.set(v, (tally.get(v) ?? 0) + 1);
          }
          values = [...tally.keys()].sort((a, b) => a - b);
          counts = values.map((v) => tally.get(v)!);
        }
      }
      const total = counts.reduce((a, b) => a + b, 0);
      featureValues[f] = Float64Array.from(values);
      featureFrequencies[f] = Float64Array.from(counts, (c) => c / total);
      // np.random.choice: cumulative sum normalized by its last entry, searched with side='right'.
      const cdf = new Float64Array(counts.length);
      let acc = 0;
      for (let i = 0; i < counts.length; i++) cdf[i] = acc += featureFrequencies[f][i];
      for (let i = 0; i < cdf.length; i++) cdf[i] /= acc;
      this.featureCdf[f] = cdf;
      this.featureInvWidth[f] = Float64Array.from(cdf, (c, k) => 1 / (c - (k === 0 ? 0 : cdf[k - 1])));
      this.featureGuide[f] = guideTable(cdf);
      this.scalerMean[f] = 0;
      this.scalerScale[f] = 1;
      this.isCategorical[f] = 1;
    }
    this.featureValues = featureValues;
    this.featureFrequencies = featureFrequencies;

    for (const f of this.categoricalFeatures) {
      const bins =
        discretizer !== null && discretizer.means[f] !== undefined ? discretizer.binSamplers(f) : null;
      this.valueSamplers[f] = bins ? Array.from(featureValues[f], (bin) => bins[bin]) : null;
    }
    if (this.isCategorical.every((c) => c === 1)) {
      const features = Array.from({ length: d }, (_, j) => ({
        cdf: this.featureCdf[j],
        invWidth: this.featureInvWidth[j],
        guide: this.featureGuide[j],
        samplers: this.valueSamplers[j] ?? Array.from(featureValues[j], () => null),
        values: featureValues[j],
      }));
      if (features.every((f) => tabulable(f.samplers)))
        this.frequencyTable = new FrequencySamplingTable(features, GUIDE_CELLS);
    }
  }

  /**
   * Explains the model's prediction for one row (reference `explain_instance`).
   *
   * With the explainer's own seed (no `randomState` option, or the same one) the neighbourhood's
   * draws are the same for every row: given a predictor with a `modelKey`, the explainer keeps
   * them and the model's outputs on them (a few sample counts), so later calls predict only
   * their instance. The result is the same number for number; sampling around the instance
   * (Gaussian features, `sampleAroundInstance`) is never shared.
   * @param row one value per feature, as in the training data
   * @param predictFn rows × features → rows × classes probabilities (classification,
   *   class index order) or one value per row (regression); sync or async
   */
  async explainInstance(
    row: readonly number[],
    predictFn: PredictFn | FlatPredictor,
    options: ExplainInstanceOptions = {},
  ): Promise<Explanation> {
    const { numSamples, numFeatures, metric } = this.checkedCall(row, options);
    const scratch = this.takeScratch(numSamples);
    try {
      return await awaitModelCalls(
        this.explainSteps(row, predictFn, options, scratch, numSamples, numFeatures, metric),
      );
    } finally {
      this.giveBack(scratch, numSamples);
    }
  }

  /**
   * explainInstance in this turn, for a model that predicts synchronously (a forest in this
   * thread): the same result. Throws a TypeError if the model returns a promise.
   */
  explainInstanceSync(
    row: readonly number[],
    predictFn: PredictFn | FlatPredictor,
    options: ExplainInstanceOptions = {},
  ): Explanation {
    const { numSamples, numFeatures, metric } = this.checkedCall(row, options);
    const scratch = this.takeScratch(numSamples);
    try {
      return runModelCallsSync(
        this.explainSteps(row, predictFn, options, scratch, numSamples, numFeatures, metric),
        'explainInstanceSync',
      );
    } finally {
      this.giveBack(scratch, numSamples);
    }
  }

  /** Validates an explainInstance call; returns its settings with the defaults filled in. */
  private checkedCall(
    row: readonly number[],
    options: ExplainInstanceOptions,
  ): { numSamples: number; numFeatures: number; metric: DistanceMetric } {
    const d = this.numFeaturesTotal;
    if (row.length !== d) throw new RangeError(`row has ${row.length} values, expected ${d}`);
    for (let j = 0; j < d; j++)
      if (!Number.isFinite(row[j])) throw new RangeError(`row value ${j} is ${row[j]}: impute it first`);
    const numSamples = options.numSamples ?? 5000;
    if (!Number.isInteger(numSamples) || numSamples < 2)
      throw new RangeError(`numSamples must be an integer ≥ 2, got ${numSamples}`);
    const numFeatures = options.numFeatures ?? 10;
    if (!Number.isInteger(numFeatures) || numFeatures < 1)
      throw new RangeError(`numFeatures must be an integer ≥ 1, got ${numFeatures}`);
    const metric = options.distanceMetric ?? 'euclidean';
    if (!DISTANCE_METRICS.includes(metric))
      throw new RangeError(
        `distanceMetric must be one of ${DISTANCE_METRICS.join(', ')}; got ${String(metric)}`,
      );
    const { topLabels } = options;
    if (topLabels !== undefined && (!Number.isInteger(topLabels) || topLabels < 1)) {
      throw new RangeError(`topLabels must be an integer ≥ 1, got ${topLabels}`);
    }
    if (options.randomState !== undefined && !Number.isFinite(options.randomState))
      throw new RangeError(`randomState must be a finite number, got ${options.randomState}`);
    throwIfAborted(options.signal);
    return { numSamples, numFeatures, metric };
  }

  /**
   * Draws the explainer's own seed's neighbourhood of `numSamples` rows and keeps the model's
   * outputs on it, as the first explainInstance with this predictor would: later explanations
   * then predict only their instance. For a model that predicts synchronously (e.g. right after
   * training, so the first explanation costs what later ones do).
   */
  prepareNeighbourhood(predictor: FlatPredictor & { readonly modelKey: object }, numSamples = 5000): void {
    const shared = this.sharedNeighbourhood(this.randomState, numSamples);
    if (!shared || shared.outputs.has(predictor.modelKey)) return;
    const d = this.numFeaturesTotal;
    const scratch = this.takeScratch(numSamples);
    try {
      const size = numSamples * d;
      const data = scratch.data.subarray(0, size);
      const inverse = scratch.inverse.subarray(0, size);
      const codes = scratch.codes.subarray(0, size);
      const ones = { offsets: scratch.offsets, cols: scratch.ones };
      // Row 0 stands in for an instance: every explanation replaces it (and its output) with its own.
      const { fill } = this.neighbourhoodSampler(
        Array.from(this.scalerMean),
        numSamples,
        data,
        inverse,
        this.randomState,
        ones,
        codes,
      );
      fill(numSamples);
      const raw = predictor.predictFlat(inverse, numSamples, d);
      if (raw instanceof Promise) throw new TypeError('prepareNeighbourhood needs a synchronous predictor');
      this.keep(shared, predictor.modelKey, this.readFlatPredictions(raw, numSamples), codes, data);
    } finally {
      this.giveBack(scratch, numSamples);
    }
  }

  /** The reusable buffers, sized for n samples (taken: null while in use). */
  private takeScratch(n: number): Scratch {
    const size = n * this.numFeaturesTotal;
    const scratch = this.scratch;
    this.scratch = null;
    // A predictor may transfer the buffer to a worker, which detaches it: then start afresh.
    if (
      scratch &&
      scratch.data.length >= size &&
      scratch.inverse.length >= size &&
      scratch.offsets.length > n
    )
      return scratch;
    return {
      data: new Float64Array(size),
      inverse: new Float64Array(size),
      ones: new Int32Array(size),
      offsets: new Int32Array(n + 1),
      codes: new Int32Array(size),
    };
  }

  private giveBack(scratch: Scratch, n: number): void {
    if (scratch.inverse.length >= n * this.numFeaturesTotal) this.scratch = scratch;
  }

  /** Keeps a neighbourhood's draws (once) and a model's outputs on it. */
  private keep(
    shared: SharedNeighbourhood,
    modelKey: object,
    predictions: { readonly yss: Float64Array; readonly outputs: number },
    codes: Int32Array,
    data: Float64Array,
  ): void {
    shared.codes ??= codes.slice();
    if (this.frequencyTable === null) shared.data ??= data.slice();
    shared.outputs.set(modelKey, { yss: predictions.yss.slice(), outputs: predictions.outputs });
  }

  /** The explanation as steps around its model calls (see modelCalls). */
  private *explainSteps(
    row: readonly number[],
    predictFn: PredictFn | FlatPredictor,
    options: ExplainInstanceOptions,
    scratch: Scratch,
    numSamples: number,
    numFeatures: number,
    metric: DistanceMetric,
  ): ModelCalls<Explanation> {
    const d = this.numFeaturesTotal;
    const { topLabels } = options;
    const size = numSamples * d;
    const data = scratch.data.subarray(0, size);
    const inverse = scratch.inverse.subarray(0, size);
    const ones = { offsets: scratch.offsets, cols: scratch.ones };
    const codes = scratch.codes.subarray(0, size);
    const seed = options.randomState ?? this.randomState;
    const { fill, recode } = this.neighbourhoodSampler(row, numSamples, data, inverse, seed, ones, codes);
    // The flat sampler lists each row's ones as it draws them (0/1 data whose row 0 is all ones):
    // the distances and the design then need not scan the rows for them.
    const listed = this.frequencyTable !== null && this.discretizer !== null;
    const modelKey = typeof predictFn === 'function' ? undefined : predictFn.modelKey;
    const shared = modelKey !== undefined ? this.sharedNeighbourhood(seed, numSamples) : undefined;
    const known = shared && shared.outputs.get(modelKey!);
    let predictions: { yss: Float64Array; outputs: number };
    if (shared && known) {
      // The same draws as before, so the same rows: only the instance (row 0) is new to the model.
      recode(shared);
      const first = yield* this.predictAll(predictFn, inverse.subarray(0, d), 1, d, options.signal);
      if (first.outputs !== known.outputs)
        throw new TypeError(`predictFlat returned ${first.outputs} outputs per row, before ${known.outputs}`);
      const yss = known.yss.slice();
      yss.set(first.yss.subarray(0, known.outputs));
      predictions = { yss, outputs: known.outputs };
    } else {
      if (typeof predictFn !== 'function' && predictFn.predictFlatPipelined) {
        const raw = (yield predictFn.predictFlatPipelined(inverse, numSamples, d, fill)) as ArrayLike<number>;
        fill(numSamples);
        throwIfAborted(options.signal);
        predictions = this.readFlatPredictions(raw, numSamples);
      } else {
        fill(numSamples);
        predictions = yield* this.predictAll(predictFn, inverse, numSamples, d, options.signal);
      }
      if (shared) this.keep(shared, modelKey!, predictions, codes, data);
    }
    const kernel = (distance: number) => this.kernel(distance, this.kernelWidth);
    let weights: Float64Array;
    if (listed && metric === 'euclidean') {
      weights = kernelWeightsFromOnesCounts(ones.offsets, numSamples, d, kernel);
    } else {
      const distances = distancesToFirstRow(data, numSamples, d, metric);
      weights = new Float64Array(numSamples);
      for (let r = 0; r < numSamples; r++) weights[r] = kernel(distances[r]);
    }
    const { yss, outputs } = predictions;

    let labels: number[];
    let top: number[] | null = null;
    if (this.mode === 'classification') {
      if (this.classNames && this.classNames.length !== outputs) {
        throw new RangeError(
          `classNames has ${this.classNames.length} names but predictFn returned ${outputs} probabilities per row`,
        );
      }
      if (topLabels !== undefined) {
        const first = Array.from({ length: outputs }, (_, c) => c);
        first.sort((a, b) => yss[a] - yss[b]);
        top = first.slice(Math.max(0, outputs - topLabels)).reverse();
        labels = top;
      } else {
        labels = [...(options.labels ?? [1])];
        for (const label of labels) {
          if (!Number.isInteger(label) || label < 0 || label >= outputs) {
            throw new RangeError(
              `labels: ${label} is not a class index in [0, ${outputs}) (predictFn returned ${outputs} classes)`,
            );
          }
        }
      }
    } else {
      labels = [0];
    }

    const design = weightedDesign(
      data,
      numSamples,
      d,
      weights,
      this.discretizer !== null,
      listed ? ones : scratch.ones,
    );
    const localExp: Record<number, [number, number][]> = {};
    const intercept: Record<number, number> = {};
    const score: Record<number, number> = {};
    const localPred: Record<number, number> = {};
    const y = new Float64Array(numSamples);
    for (const label of labels) {
      for (let r = 0; r < numSamples; r++) y[r] = yss[r * outputs + label];
      const local: LocalExplanation = explainWithDesign(
        design,
        y,
        numFeatures,
        this.featureSelection,
        options.modelRegressor,
      );
      localExp[label] = local.exp;
      intercept[label] = local.intercept;
      score[label] = local.score;
      localPred[label] = local.localPred;
    }

    let predictedValue: number | null = null;
    let minValue: number | null = null;
    let maxValue: number | null = null;
    if (this.mode === 'regression') {
      predictedValue = yss[0];
      minValue = Infinity;
      maxValue = -Infinity;
      for (let r = 0; r < numSamples; r++) {
        minValue = Math.min(minValue, yss[r]);
        maxValue = Math.max(maxValue, yss[r]);
      }
      intercept[1] = intercept[0];
      localExp[1] = localExp[0].map(([f, w]): [number, number] => [f, w]);
      localExp[0] = localExp[1].map(([f, w]): [number, number] => [f, -1 * w]);
    }

    const json: ExplanationJSON = {
      mode: this.mode,
      classNames:
        this.mode === 'regression'
          ? ['negative', 'positive']
          : (this.classNames ?? Array.from({ length: outputs }, (_, c) => String(c))),
      ...this.domainNames(row),
      localExp,
      intercept,
      score,
      localPred,
      predictProba: this.mode === 'classification' ? Array.from(yss.subarray(0, outputs)) : null,
      topLabels: top,
      predictedValue,
      minValue,
      maxValue,
    };
    return new Explanation(json);
  }

  /**
   * The neighbourhood (reference `__data_inverse`), in steps: `data` is what the surrogate sees,
   * already scaled (0/1 "same as the instance" for frequency-sampled features, standardized
   * values for the others); `inverse` (rows × features, row-major) is what the model sees.
   * Row 0 is the instance. Prepares row 0 and returns `fill(upTo)`, which samples rows up to
   * `upTo` (exclusive), row by row so that both are written sequentially, continuing where the
   * previous call stopped with the same random stream — so sampling in parts gives exactly the
   * rows of sampling at once, and a pipelined predictor can start on the first rows while the
   * rest are drawn. The flat sampler (frequencyTable) also lists each row's ones in `ones` (see
   * FrequencySamplingTable.sample).
   */
  private neighbourhoodSampler(
    row: readonly number[],
    n: number,
    data: Float64Array,
    inverse: Float64Array,
    seed: number,
    ones: { readonly offsets: Int32Array; readonly cols: Int32Array },
    codes: Int32Array,
  ): { fill: (upTo: number) => void; recode: (shared: SharedNeighbourhood) => void } {
    const d = this.numFeaturesTotal;
    const rng = createRng(seed);
    const discretizer = this.discretizer;
    const firstRow = discretizer ? discretizer.discretize(row) : row;
    const mean = this.scalerMean;
    const scale = this.scalerScale;

    // Per feature: null cdf → Gaussian; otherwise sampled by training frequency, with an
    // undiscretizing sampler per value for binned features (indexed like values, so the hot
    // loop never indexes an array with a float).
    const cdfs: (Float64Array | null)[] = new Array(d).fill(null);
    const invWidths: (Float64Array | null)[] = new Array(d).fill(null);
    const guides: (Int32Array | null)[] = new Array(d).fill(null);
    const values: (Float64Array | null)[] = new Array(d).fill(null);
    const samplers: (readonly BinSampler[] | null)[] = new Array(d).fill(null);
    const instanceIndex = new Int32Array(d).fill(-1);
    const center = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      if (this.isCategorical[j]) {
        const v = this.featureValues[j];
        cdfs[j] = this.featureCdf[j];
        invWidths[j] = this.featureInvWidth[j];
        guides[j] = this.featureGuide[j];
        values[j] = v;
        instanceIndex[j] = v.indexOf(firstRow[j]);
        samplers[j] = this.valueSamplers[j];
        data[j] = 1;
      } else {
        center[j] = this.sampleAroundInstance ? row[j] : mean[j];
        data[j] = standardize(row[j], mean[j], scale[j]);
      }
    }
    inverse.set(row);

    let done = 1;
    const table = this.frequencyTable;
    if (table) {
      // Row 0, the instance, is all ones.
      ones.offsets[0] = 0;
      for (let j = 0; j < d; j++) ones.cols[j] = j;
      ones.offsets[1] = d;
      return {
        fill: (upTo) => {
          const to = Math.min(upTo, n);
          if (to > done) table.sample(rng, done, to, instanceIndex, data, inverse, ones, codes);
          done = Math.max(done, to);
        },
        recode: (shared) => table.recode(shared.codes!, 1, n, instanceIndex, data, ones),
      };
    }

    const fill = (upTo: number): void => {
      const to = Math.min(upTo, n);
      for (let r = done; r < to; r++) {
        const base = r * d;
        for (let j = 0; j < d; j++) {
          const cdf = cdfs[j];
          if (cdf === null) {
            let x = rng.normal() * scale[j] + center[j];
            // Only with a std near 1e308: keep the draw a finite number the forest can take.
            if (x - x !== 0) x = x > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
            inverse[base + j] = x;
            data[base + j] = standardize(x, mean[j], scale[j]);
            codes[base + j] = -1;
            continue;
          }
          const u = rng.next();
          let k = guides[j]![(u * GUIDE_CELLS) | 0];
          if (k < 0) {
            k = -1 - k;
            const last = cdf.length - 1;
            while (k < last && cdf[k] <= u) k++;
          }
          codes[base + j] = k;
          data[base + j] = k === instanceIndex[j] ? 1 : 0;
          const binSamplers = samplers[j];
          if (binSamplers === null) {
            inverse[base + j] = values[j]![k];
          } else {
            // The position of u inside the chosen bin's slice of the CDF is itself uniform and
            // independent of the bin, so one draw picks both the bin and the value within it.
            const below = k === 0 ? 0 : cdf[k - 1];
            inverse[base + j] = binSamplers[k].fromUniform(Math.min((u - below) * invWidths[j]![k], 1));
          }
        }
      }
      done = Math.max(done, to);
    };
    // Gaussian cells (code −1) keep their standardized draw; the others compare with the instance.
    const recode = (shared: SharedNeighbourhood): void => {
      const kept = shared.data!;
      const drawn = shared.codes!;
      for (let r = 1; r < n; r++) {
        for (let j = 0, at = r * d; j < d; j++, at++) {
          const k = drawn[at];
          data[at] = k < 0 ? kept[at] : k === instanceIndex[j] ? 1 : 0;
        }
      }
    };
    return { fill, recode };
  }

  /**
   * The shared neighbourhood of (seed, n), when it can be shared: only for the explainer's own
   * seed, and not when Gaussian features are sampled around the instance (then rows 1.. depend
   * on it). Keeps at most MAX_SHARED sample counts, dropping the oldest.
   */
  private sharedNeighbourhood(seed: number, n: number): SharedNeighbourhood | undefined {
    if (seed !== this.randomState || (this.sampleAroundInstance && this.discretizer === null)) return;
    let shared = this.shared.get(n);
    if (!shared) {
      if (this.shared.size >= MAX_SHARED) this.shared.delete(this.shared.keys().next().value!);
      this.shared.set(n, (shared = { codes: null, data: null, outputs: new WeakMap() }));
    }
    return shared;
  }

  /** Calls the model on the whole neighbourhood (`inverse`, rows × d) and checks its output. */
  private *predictAll(
    predictFn: PredictFn | FlatPredictor,
    inverse: Float64Array,
    numSamples: number,
    d: number,
    signal: AbortSignal | undefined,
  ): ModelCalls<{ yss: Float64Array; outputs: number }> {
    if (typeof predictFn === 'function') {
      const rows: number[][] = new Array(numSamples);
      for (let r = 0; r < numSamples; r++) {
        const out = new Array<number>(d);
        for (let j = 0, idx = r * d; j < d; j++, idx++) out[j] = inverse[idx];
        rows[r] = out;
      }
      const raw = (yield predictFn(rows)) as PredictOutput;
      throwIfAborted(signal);
      return this.readPredictions(raw, numSamples);
    }
    const raw = (yield predictFn.predictFlat(inverse, numSamples, d)) as ArrayLike<number>;
    throwIfAborted(signal);
    return this.readFlatPredictions(raw, numSamples);
  }

  /** Checks predictFn's output and flattens it to rows × outputs. */
  private readPredictions(raw: PredictOutput, n: number): { yss: Float64Array; outputs: number } {
    if (raw === null || typeof raw !== 'object' || typeof (raw as ArrayLike<unknown>).length !== 'number') {
      throw new TypeError(`predictFn must return an array with one entry per row; got ${describe(raw)}`);
    }
    const list = raw as ArrayLike<unknown>;
    if (list.length !== n) throw new TypeError(`predictFn returned ${list.length} rows for ${n} samples`);
    const firstEntry = list[0];
    const oneDimensional = typeof firstEntry === 'number';

    if (this.mode === 'regression') {
      const yss = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const entry = list[r];
        const v = oneDimensional ? entry : isArrayLike(entry) && entry.length === 1 ? entry[0] : undefined;
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new TypeError(
            `in regression mode predictFn must return one finite number per row; row ${r} is ${describe(entry)}`,
          );
        }
        yss[r] = v;
      }
      return { yss, outputs: 1 };
    }

    if (oneDimensional) {
      throw new TypeError(
        'in classification mode predictFn must return class probabilities (one array per row, e.g. predictProba), not one number per row',
      );
    }
    if (!isArrayLike(firstEntry) || firstEntry.length === 0) {
      throw new TypeError(
        `predictFn must return one array of class probabilities per row; row 0 is ${describe(firstEntry)}`,
      );
    }
    const k = firstEntry.length;
    const yss = new Float64Array(n * k);
    for (let r = 0; r < n; r++) {
      const entry = list[r];
      if (!isArrayLike(entry) || entry.length !== k) {
        throw new TypeError(
          `predictFn returned ${k} probabilities for row 0 but ${describe(entry)} for row ${r}`,
        );
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const p = entry[c];
        if (typeof p !== 'number' || !Number.isFinite(p))
          throw new TypeError(`predictFn returned ${describe(p)} at row ${r}, class ${c}`);
        yss[r * k + c] = p;
        sum += p;
      }
      if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
        throw new RangeError(
          `predictFn's probabilities for row ${r} sum to ${sum}, not 1: return class probabilities (not scores, log-probabilities or labels)`,
        );
      }
    }
    return { yss, outputs: k };
  }

  /** Checks a flat predictor's output: rows × outputs, row-major. */
  private readFlatPredictions(raw: ArrayLike<number>, n: number): { yss: Float64Array; outputs: number } {
    if (!isArrayLike(raw) || raw.length === 0 || raw.length % n !== 0) {
      throw new TypeError(
        `predictFlat must return rows × outputs numbers for ${n} rows; got ${describe(raw)}`,
      );
    }
    const outputs = raw.length / n;
    if (this.mode === 'regression' && outputs !== 1) {
      throw new TypeError(
        `in regression mode predictFlat must return one number per row; got ${outputs} per row`,
      );
    }
    const yss = raw instanceof Float64Array ? raw : Float64Array.from(raw);
    for (let r = 0; r < n; r++) {
      let sum = 0;
      for (let c = 0, idx = r * outputs; c < outputs; c++, idx++) {
        if (!Number.isFinite(yss[idx]))
          throw new TypeError(`predictFlat returned ${yss[idx]} at row ${r}, output ${c}`);
        sum += yss[idx];
      }
      if (this.mode === 'classification' && Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
        throw new RangeError(
          `predictFlat's probabilities for row ${r} sum to ${sum}, not 1: return class probabilities (not scores, log-probabilities or labels)`,
        );
      }
    }
    return { yss, outputs };
  }

  /** Names and values shown for each feature (reference TableDomainMapper inputs). */
  private domainNames(
    row: readonly number[],
  ): Pick<ExplanationJSON, 'featureNames' | 'featureValues' | 'discretizedFeatureNames'> {
    const featureNames = [...this.featureNames];
    const featureValues = row.map((v) => formatFixed2(v));
    const discretizer = this.discretizer;
    for (const i of this.categoricalFeatures) {
      if (discretizer && discretizer.boundaries[i] !== undefined) continue;
      const code = Math.trunc(row[i]);
      const names = this.categoricalNames[i];
      const label = names && names[code] !== undefined ? names[code] : String(code);
      featureNames[i] = `${featureNames[i]}=${label}`;
      featureValues[i] = 'True';
    }
    let discretizedFeatureNames: string[] | null = null;
    if (discretizer) {
      const bins = discretizer.discretize(row);
      discretizedFeatureNames = [...featureNames];
      for (const key of Object.keys(discretizer.names)) {
        const f = Number(key);
        discretizedFeatureNames[f] = discretizer.names[f][bins[f]];
      }
    }
    return { featureNames, featureValues, discretizedFeatureNames };
  }
}

const GUIDE_CELLS = 128;

/** Buffers an explanation fills: the neighbourhood, and its rows' ones (CSR) for 0/1 data. */
interface Scratch {
  data: Float64Array;
  inverse: Float64Array;
  ones: Int32Array;
  offsets: Int32Array;
  /** Per cell, the drawn value's index (−1 for a Gaussian draw): see SharedNeighbourhood. */
  codes: Int32Array;
}

/**
 * What the explainer keeps of a neighbourhood (its seed's, n rows) to explain the next instance
 * without drawing or predicting it again: the drawn rows do not depend on the instance, only
 * `data` (which draws equal the instance's value) and row 0 (the instance itself) do.
 */
interface SharedNeighbourhood {
  /** rows × features: each cell's drawn value index, −1 for a Gaussian draw; null until drawn. */
  codes: Int32Array | null;
  /** rows × features: `data` as drawn, for the Gaussian cells (general sampler only), else null. */
  data: Float64Array | null;
  /** Per model (FlatPredictor.modelKey): its outputs on the rows, rows × outputs. */
  readonly outputs: WeakMap<object, { readonly yss: Float64Array; readonly outputs: number }>;
}

/** Sample counts whose neighbourhood an explainer keeps (each ~0.6 MB at 5000 × 30, plus outputs). */
const MAX_SHARED = 4;

/** (x − mean) / scale, dividing first when the difference alone would overflow (values near ±1.8e308). */
function standardize(x: number, mean: number, scale: number): number {
  const z = (x - mean) / scale;
  return z - z === 0 ? z : x / scale - mean / scale;
}

/**
 * Mean and population std of a training column of values near ±1.8e308, whose sums and squares
 * overflow: computed on the values divided by a power of two (exact) and scaled back.
 */
function scaledMeanStd(column: Float64Array): [number, number] {
  let largest = 0;
  for (const x of column) largest = Math.max(largest, Math.abs(x));
  const scale = 2 ** Math.min(1023, Math.ceil(Math.log2(largest)));
  let sum = 0;
  for (const x of column) sum += x / scale;
  const mean = sum / column.length;
  let ss = 0;
  for (const x of column) ss += (x / scale - mean) ** 2;
  const std = Math.sqrt(ss / column.length);
  return [mean * scale, std > 0 ? Math.min(Number.MAX_VALUE, std * scale) : 1];
}

/** See {@link LimeTabularExplainer.featureGuide}; cdf ascending with last entry 1. */
function guideTable(cdf: Float64Array): Int32Array {
  const last = cdf.length - 1;
  const count = (u: number, strict: boolean): number => {
    let k = 0;
    while (k < last && (strict ? cdf[k] < u : cdf[k] <= u)) k++;
    return k;
  };
  return Int32Array.from({ length: GUIDE_CELLS }, (_, c) => {
    const lo = count(c / GUIDE_CELLS, false);
    // Every u in the slice satisfies u < (c + 1) / GUIDE_CELLS.
    const hi = count((c + 1) / GUIDE_CELLS, true);
    return lo === hi ? lo : -1 - lo;
  });
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return x !== null && typeof x === 'object' && typeof (x as ArrayLike<unknown>).length === 'number';
}

function describe(x: unknown): string {
  if (isArrayLike(x)) return `an array of length ${x.length}`;
  return typeof x === 'number' ? String(x) : typeof x;
}
