/** Permutation importance (scikit-learn's permutation_importance) of a fitted model on held-out rows. */
import { throwIfAborted } from '../errors';
import { accuracy, balancedAccuracy } from '../metrics/classificationMetrics';
import { r2 } from '../metrics/regressionMetrics';
import { createRng, shuffleInPlace } from '../random/rng';

/** Anything that predicts one label (class index) or value per row. */
export interface RowPredictor {
  predict(rows: number[][]): ArrayLike<number>;
  /** Present on classifiers; only used to pick the default metric. */
  predictProba?: unknown;
  /**
   * Optional, for models that predict such rounds faster (a forest re-walks only below the
   * changed feature): predictions equal to predict(rows) for rows that differ from `rows` in at
   * most one column, named in each call (−1: none). Undefined when the model has no faster way.
   */
  columnRounds?(rows: readonly (readonly number[])[]): ColumnRoundPredictor | undefined;
}

/** See RowPredictor.columnRounds. */
export type ColumnRoundPredictor = (
  rows: readonly (readonly number[])[],
  feature: number,
) => ArrayLike<number>;

/** Higher is better. */
export type ScoreFunction = (yTrue: ArrayLike<number>, yPred: ArrayLike<number>) => number;

export type PermutationMetric = 'accuracy' | 'balancedAccuracy' | 'r2' | ScoreFunction;

export interface PermutationImportanceOptions {
  /** Shuffles per feature. Default 5. */
  nRepeats?: number;
  /** Default 42. */
  seed?: number;
  /** Default: 'accuracy' for models with predictProba, 'r2' otherwise. */
  metric?: PermutationMetric;
  /** Called after each feature with the fraction done. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface PermutationImportance {
  /** Score on the unshuffled rows. */
  readonly baseline: number;
  /** Per feature: mean over repeats of baseline − score with that feature shuffled. */
  readonly mean: number[];
  /** Per feature: population standard deviation (numpy's default) of those drops. */
  readonly std: number[];
  /** features × repeats: every drop. */
  readonly drops: number[][];
}

const METRICS: Record<'accuracy' | 'balancedAccuracy' | 'r2', ScoreFunction> = {
  accuracy,
  balancedAccuracy,
  r2,
};

/**
 * The rows one permutation round asks a model to predict (rows × features, shuffled in place
 * between rounds: copy them if a prediction outlives the round), and its answers.
 */
type PermutationRounds = Generator<PermutationRound, PermutationImportance, ArrayLike<number>>;

/** The rows to predict and the one feature shuffled in them (−1 for the baseline). */
interface PermutationRound {
  readonly rows: number[][];
  readonly feature: number;
}

/**
 * For each feature, shuffles its column among the rows of X (rows × features, e.g. the test
 * split) nRepeats times and records how much the score drops. Each feature draws from its own
 * child stream of the seed, so a feature's result does not depend on the others.
 */
export function permutationImportance(
  model: RowPredictor,
  X: readonly (readonly number[])[],
  y: ArrayLike<number>,
  options: PermutationImportanceOptions = {},
): PermutationImportance {
  const rounds = permutationRounds(X, y, metricFor(model, options), options);
  const fast = model.columnRounds?.(X);
  for (let step = rounds.next(); ;) {
    if (step.done) return step.value;
    const { rows, feature } = step.value;
    step = rounds.next(fast ? fast(rows, feature) : model.predict(rows));
  }
}

/**
 * permutationImportance with an asynchronous predictor (e.g. one that splits rows over threads):
 * the same rounds in the same order, so the same result. Between rounds the caller's event loop
 * runs, so other work is not held up for the whole computation; `between` may delay the next
 * round (e.g. until more urgent work is done).
 */
export async function permutationImportanceAsync(
  /** `feature`: the one column shuffled in `rows` since the first round (−1 for none). */
  predict: (rows: number[][], feature: number) => Promise<ArrayLike<number>>,
  X: readonly (readonly number[])[],
  y: ArrayLike<number>,
  /** `metric` is required: there is no model to pick the default from. */
  options: PermutationImportanceOptions & { metric: PermutationMetric; between?: () => Promise<void> },
): Promise<PermutationImportance> {
  const rounds = permutationRounds(X, y, options.metric, options);
  for (let step = rounds.next(); ;) {
    if (step.done) return step.value;
    const predictions = await predict(step.value.rows, step.value.feature);
    await options.between?.();
    step = rounds.next(predictions);
  }
}

function metricFor(model: RowPredictor, options: PermutationImportanceOptions): PermutationMetric {
  return options.metric ?? (model.predictProba !== undefined ? 'accuracy' : 'r2');
}

/** The computation itself, one prediction per yield: the baseline, then nFeatures × nRepeats shuffles. */
function* permutationRounds(
  X: readonly (readonly number[])[],
  y: ArrayLike<number>,
  metric: PermutationMetric,
  options: PermutationImportanceOptions,
): PermutationRounds {
  const { nRepeats = 5, seed = 42, onProgress, signal } = options;
  if (!(Number.isInteger(nRepeats) && nRepeats >= 1)) {
    throw new RangeError(`nRepeats must be a positive integer, got ${String(nRepeats)}`);
  }
  if (X.length !== y.length) throw new RangeError(`X has ${X.length} rows but y has ${y.length} values`);
  if (X.length === 0) throw new RangeError('permutation importance needs at least one row');
  const score: ScoreFunction = typeof metric === 'function' ? metric : METRICS[metric];
  if (!score) throw new RangeError(`metric must be 'accuracy', 'balancedAccuracy', 'r2' or a function`);

  const rows = X.map((r) => r.slice());
  const nFeatures = rows[0].length;
  const baseline = score(y, yield { rows, feature: -1 });
  const rng = createRng(seed);
  const order = Array.from({ length: rows.length }, (_, i) => i);
  const original = new Float64Array(rows.length);
  const drops: number[][] = [];
  for (let f = 0; f < nFeatures; f++) {
    throwIfAborted(signal);
    const featureRng = rng.fork();
    for (let r = 0; r < rows.length; r++) original[r] = rows[r][f];
    const d: number[] = [];
    for (let k = 0; k < nRepeats; k++) {
      shuffleInPlace(order, featureRng);
      for (let r = 0; r < rows.length; r++) rows[r][f] = original[order[r]];
      d.push(baseline - score(y, yield { rows, feature: f }));
    }
    for (let r = 0; r < rows.length; r++) rows[r][f] = original[r];
    drops.push(d);
    onProgress?.((f + 1) / nFeatures);
  }
  const mean = drops.map((d) => d.reduce((a, b) => a + b, 0) / d.length);
  const std = drops.map((d, f) => Math.sqrt(d.reduce((a, b) => a + (b - mean[f]) ** 2, 0) / d.length));
  return { baseline, mean, std, drops };
}
