/**
 * Options of the random forests, validated once in the constructor.
 *
 * Names follow ml-random-forest where it has one (`nEstimators`, `maxFeatures`, `replacement`,
 * `useSampleBagging`, `seed`, `treeOptions`, `maxSamples`) and scikit-learn otherwise
 * (`maxDepth`, `minSamplesLeaf`, `minSamplesSplit`).
 */

/**
 * Features examined at each split: 'sqrt' / 'log2' of the feature count (at least 1), 'all',
 * a fraction in (0, 1] of the features (so 1 means all of them, as in ml-random-forest), or an
 * integer count ≥ 2.
 */
export type MaxFeaturesOption = 'sqrt' | 'log2' | 'all' | number;

export interface ForestOptions {
  /** Number of trees. Default 100. */
  nEstimators?: number;
  /** Features drawn (without replacement) at every split. Default 'sqrt' (classifier) or 1.0 (regressor). */
  maxFeatures?: MaxFeaturesOption;
  /**
   * Bagging with replacement (a bootstrap). Default true. Unlike ml-random-forest, where it
   * governs a once-per-tree feature draw, here features are drawn per split, so the flag is about
   * rows: false draws `maxSamples` distinct rows per tree.
   */
  replacement?: boolean;
  /** Each tree sees a bag of rows (true, default) or every training row once (false). */
  useSampleBagging?: boolean;
  /** Rows drawn per tree: an integer count, or a fraction in (0, 1] of the training rows. Default all. */
  maxSamples?: number | null;
  /** Seed of every random draw. Default 42. */
  seed?: number;
  /** null/undefined: unlimited. Otherwise the deepest level (root = 0) a node may sit at. */
  maxDepth?: number | null;
  /** Fewest distinct training rows in a leaf. Default 1. */
  minSamplesLeaf?: number;
  /** Fewest distinct training rows a node needs to be split. Default 2. */
  minSamplesSplit?: number;
  /**
   * ml-random-forest / ml-cart compatibility: `maxDepth` as above; `minNumSamples` n means a node
   * of n rows or fewer stays a leaf, i.e. minSamplesSplit = n + 1. Top-level options win.
   */
  treeOptions?: { maxDepth?: number | null; minNumSamples?: number };
}

/** Options after defaults and validation; this is what a model's JSON stores. */
export interface ResolvedForestOptions {
  readonly nEstimators: number;
  readonly maxFeatures: MaxFeaturesOption;
  readonly replacement: boolean;
  readonly useSampleBagging: boolean;
  readonly maxSamples: number | null;
  readonly seed: number;
  readonly maxDepth: number | null;
  readonly minSamplesLeaf: number;
  readonly minSamplesSplit: number;
}

function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

function checkBoolean(name: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new RangeError(`${name} must be true or false, got ${String(v)}`);
  return v;
}

function checkMaxFeatures(v: unknown): MaxFeaturesOption {
  if (v === 'sqrt' || v === 'log2' || v === 'all') return v;
  if (typeof v === 'number' && Number.isFinite(v) && v > 0 && (v <= 1 || Number.isInteger(v))) return v;
  throw new RangeError(
    `maxFeatures must be 'sqrt', 'log2', 'all', a fraction in (0, 1] or an integer count ≥ 2, got ${String(v)}`,
  );
}

function checkMaxDepth(name: string, v: unknown): number | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || v === Infinity) return null;
  if (!isPositiveInteger(v))
    throw new RangeError(`${name} must be a positive integer or null, got ${String(v)}`);
  return v;
}

/** Applies defaults and throws a RangeError naming the first bad option. */
export function resolveForestOptions(
  options: ForestOptions,
  defaults: { maxFeatures: MaxFeaturesOption },
): ResolvedForestOptions {
  if (typeof options !== 'object' || options === null) throw new RangeError('options must be an object');
  const nEstimators = options.nEstimators ?? 100;
  if (!isPositiveInteger(nEstimators)) {
    throw new RangeError(`nEstimators must be a positive integer, got ${String(nEstimators)}`);
  }
  const maxFeatures = checkMaxFeatures(options.maxFeatures ?? defaults.maxFeatures);
  const replacement = checkBoolean('replacement', options.replacement, true);
  const useSampleBagging = checkBoolean('useSampleBagging', options.useSampleBagging, true);
  const maxSamples = options.maxSamples ?? null;
  if (
    maxSamples !== null &&
    !(typeof maxSamples === 'number' && maxSamples > 0 && (maxSamples <= 1 || Number.isInteger(maxSamples)))
  ) {
    throw new RangeError(
      `maxSamples must be a fraction in (0, 1] or a positive integer, got ${String(maxSamples)}`,
    );
  }
  const seed = options.seed ?? 42;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  }
  const tree = options.treeOptions ?? {};
  if (typeof tree !== 'object' || tree === null) throw new RangeError('treeOptions must be an object');
  const maxDepth =
    checkMaxDepth('maxDepth', options.maxDepth) ?? checkMaxDepth('treeOptions.maxDepth', tree.maxDepth);
  const minSamplesLeaf = options.minSamplesLeaf ?? 1;
  if (!isPositiveInteger(minSamplesLeaf)) {
    throw new RangeError(`minSamplesLeaf must be a positive integer, got ${String(minSamplesLeaf)}`);
  }
  let minSamplesSplit = options.minSamplesSplit;
  if (minSamplesSplit === undefined && tree.minNumSamples !== undefined) {
    if (
      typeof tree.minNumSamples !== 'number' ||
      !Number.isInteger(tree.minNumSamples) ||
      tree.minNumSamples < 0
    ) {
      throw new RangeError(
        `treeOptions.minNumSamples must be a non-negative integer, got ${String(tree.minNumSamples)}`,
      );
    }
    minSamplesSplit = Math.max(2, tree.minNumSamples + 1);
  }
  minSamplesSplit ??= 2;
  if (!(typeof minSamplesSplit === 'number' && Number.isInteger(minSamplesSplit) && minSamplesSplit >= 2)) {
    throw new RangeError(`minSamplesSplit must be an integer ≥ 2, got ${String(minSamplesSplit)}`);
  }
  return {
    nEstimators,
    maxFeatures,
    replacement,
    useSampleBagging,
    maxSamples,
    seed,
    maxDepth: maxDepth ?? null,
    minSamplesLeaf,
    minSamplesSplit,
  };
}

/** Features examined per split for `nFeatures` columns (scikit-learn's rounding: floor, at least 1). */
export function featuresPerSplit(maxFeatures: MaxFeaturesOption, nFeatures: number): number {
  if (maxFeatures === 'all') return nFeatures;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (maxFeatures <= 1) return Math.max(1, Math.floor(maxFeatures * nFeatures));
  if (maxFeatures > nFeatures) {
    throw new RangeError(`maxFeatures is ${maxFeatures} but the data has only ${nFeatures} features`);
  }
  return maxFeatures;
}

/** Rows drawn per tree for `nRows` training rows. */
export function samplesPerTree(maxSamples: number | null, nRows: number): number {
  if (maxSamples === null) return nRows;
  if (maxSamples <= 1) return Math.max(1, Math.floor(maxSamples * nRows));
  if (maxSamples > nRows) {
    throw new RangeError(`maxSamples is ${maxSamples} but there are only ${nRows} training rows`);
  }
  return maxSamples;
}
