/**
 * How much a LIME explanation depends on its random neighbourhood: the same case explained with
 * several seeds, and per feature the spread of its weight and how often it makes the top K.
 */
import { throwIfAborted } from '../errors';
import type { ExplanationJSON } from '../lime/explanation';
import type { FlatPredictor, LimeTabularExplainer, PredictFn } from '../lime/limeTabularExplainer';

/** One explanation reduced to what stability needs. */
export interface StabilityRun {
  readonly seed: number;
  /** [feature index, weight], sorted by |weight| descending (LIME's order). */
  readonly weights: readonly (readonly [number, number])[];
  /** The surrogate's weighted R² on its neighbourhood. */
  readonly score: number;
}

export interface FeatureStability {
  readonly feature: number;
  /** Over all runs, a run that did not select the feature counting as weight 0. */
  readonly mean: number;
  /** Population standard deviation (ddof 0). */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Fraction of runs (0–1) in which the feature is among the top K by |weight|. */
  readonly topKFrequency: number;
  /** Fraction of runs that selected the feature at all. */
  readonly selectedFrequency: number;
}

export interface LimeStability {
  readonly seeds: readonly number[];
  readonly topK: number;
  /** Every feature that appears in any run, by |mean weight| descending (ties: feature index). */
  readonly features: readonly FeatureStability[];
  /** Mean Jaccard overlap of the top-K feature sets over all pairs of runs (1 with one run). */
  readonly jaccard: number;
  /** Mean surrogate score (R²) over the runs. */
  readonly meanScore: number;
  /** jaccard ≥ STABLE_JACCARD. */
  readonly stable: boolean;
}

/**
 * A case is called stable when, on average, two runs share this much of their top-K features
 * (Jaccard |A∩B| / |A∪B|); for K = 3 that means most pairs of runs name the very same three.
 */
export const STABLE_JACCARD = 0.8;
/** The default number of leading features compared between runs. */
export const DEFAULT_STABILITY_TOP_K = 3;
/** The neighbourhood sizes of "how many samples are enough", smallest first. */
export const SAMPLE_SIZE_LADDER: readonly number[] = [1000, 2000, 5000, 10000];

/** The runs' figures; the same runs give the same figures on every machine (fixed summation order). */
export function summarizeStability(
  runs: readonly StabilityRun[],
  topK = DEFAULT_STABILITY_TOP_K,
): LimeStability {
  if (runs.length === 0) throw new RangeError('stability needs at least one run');
  if (!Number.isInteger(topK) || topK < 1) throw new RangeError(`topK must be an integer ≥ 1, got ${topK}`);
  const n = runs.length;
  const topSets = runs.map((r) => new Set(r.weights.slice(0, topK).map(([f]) => f)));
  const seen = new Set<number>();
  for (const r of runs) for (const [f] of r.weights) seen.add(f);
  const features = [...seen]
    .sort((a, b) => a - b)
    .map((feature): FeatureStability => {
      const values = runs.map((r) => r.weights.find(([f]) => f === feature)?.[1] ?? 0);
      let sum = 0;
      for (const v of values) sum += v;
      const mean = sum / n;
      let ss = 0;
      for (const v of values) ss += (v - mean) ** 2;
      return {
        feature,
        mean,
        std: Math.sqrt(ss / n),
        min: Math.min(...values),
        max: Math.max(...values),
        topKFrequency: topSets.filter((s) => s.has(feature)).length / n,
        selectedFrequency: runs.filter((r) => r.weights.some(([f]) => f === feature)).length / n,
      };
    })
    .sort((a, b) => Math.abs(b.mean) - Math.abs(a.mean) || a.feature - b.feature);
  let pairs = 0;
  let overlap = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      overlap += jaccard(topSets[i], topSets[j]);
      pairs++;
    }
  }
  const meanJaccard = pairs === 0 ? 1 : overlap / pairs;
  let score = 0;
  for (const r of runs) score += r.score;
  return {
    seeds: runs.map((r) => r.seed),
    topK,
    features,
    jaccard: meanJaccard,
    meanScore: score / n,
    stable: meanJaccard >= STABLE_JACCARD,
  };
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * The explained weights and score of one explanation (classification: `label`; regression: the
 * weights as fitted, which the reference keeps under label 1, and the score under label 0).
 */
export function stabilityRun(seed: number, exp: ExplanationJSON, label: number): StabilityRun {
  const key = exp.mode === 'classification' ? label : 1;
  const weights = exp.localExp[key];
  if (!weights) throw new RangeError(`label ${label} was not explained`);
  return { seed, weights, score: exp.score[exp.mode === 'classification' ? label : 0] };
}

/** A run as the explain pool returns it: weights with their conditions, and the surrogate's score. */
export interface ConditionedRun {
  readonly weights: readonly {
    readonly featureIndex: number;
    readonly weight: number;
    readonly condition: string;
  }[];
  readonly score: number;
}

/** A feature's stability under its name, with the condition LIME showed for it. */
export interface NamedFeatureStability extends Omit<FeatureStability, 'feature'> {
  readonly feature: string;
  readonly condition: string;
}

/**
 * Stability of pool runs made with `seeds` (one run per seed, same order), each feature named from
 * `featureNames` and given its condition: from `known` first (e.g. the shown explanation), else from
 * the runs (a feature's condition does not depend on the seed), else its bare name.
 */
export function namedStability(
  runs: readonly ConditionedRun[],
  seeds: readonly number[],
  topK: number,
  featureNames: readonly string[],
  known: ReadonlyMap<number, string> = new Map(),
): Omit<LimeStability, 'features'> & { readonly features: readonly NamedFeatureStability[] } {
  const conditions = new Map(known);
  for (const run of runs)
    for (const w of run.weights)
      if (!conditions.has(w.featureIndex)) conditions.set(w.featureIndex, w.condition);
  const s = summarizeStability(
    runs.map((run, k) => ({
      seed: seeds[k],
      weights: run.weights.map((w) => [w.featureIndex, w.weight] as const),
      score: run.score,
    })),
    topK,
  );
  return {
    ...s,
    features: s.features.map(({ feature, ...rest }) => ({
      feature: featureNames[feature],
      condition: conditions.get(feature) ?? featureNames[feature],
      ...rest,
    })),
  };
}

export interface LimeStabilityOptions {
  /** One explanation per seed (integers). */
  readonly seeds: readonly number[];
  readonly numFeatures: number;
  readonly numSamples: number;
  /** Default DEFAULT_STABILITY_TOP_K (capped at numFeatures). */
  readonly topK?: number;
  /** Class to explain; default the class the model predicts for the row. Ignored in regression. */
  readonly label?: number;
  readonly signal?: AbortSignal;
  /** Called after each run with runs done and total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Explains `row` once per seed with `explainer` and summarizes the spread (see LimeStability).
 * Seeds only change the neighbourhood; the explainer's other settings stay as they are.
 */
export async function limeStability(
  explainer: LimeTabularExplainer,
  row: readonly number[],
  predictFn: PredictFn | FlatPredictor,
  options: LimeStabilityOptions,
): Promise<LimeStability & { readonly label: number }> {
  const { seeds } = options;
  if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s)))
    throw new RangeError('seeds must be a non-empty array of integers');
  const runs: StabilityRun[] = [];
  let label = options.label;
  for (const seed of seeds) {
    throwIfAborted(options.signal);
    const e = await explainer.explainInstance(row, predictFn, {
      numFeatures: options.numFeatures,
      numSamples: options.numSamples,
      randomState: seed,
      signal: options.signal,
      ...(explainer.mode === 'classification' &&
        (label === undefined ? { topLabels: 1 } : { labels: [label] })),
    });
    const exp = e.toJSON();
    label ??= exp.topLabels?.[0] ?? 0;
    runs.push(stabilityRun(seed, exp, label));
    options.onProgress?.(runs.length, seeds.length);
  }
  const topK = Math.min(options.topK ?? DEFAULT_STABILITY_TOP_K, options.numFeatures);
  return { ...summarizeStability(runs, topK), label: label ?? 0 };
}

/** Seeds 0, 1, …, count − 1 offset by `base`: the default seed list for a stability check. */
export function stabilitySeeds(base: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => base + i);
}
