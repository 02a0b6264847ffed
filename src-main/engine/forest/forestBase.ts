/** What the classifier and the regressor share: training loop, packed prediction, importances, JSON. */
import { throwIfAborted } from '../errors';
import { createRng } from '../random/rng';
import { flatTreeFromJSON, flatTreeToJSON } from './flatTree';
import type { FlatTree, FlatTreeJSON } from './flatTree';
import { HISTOGRAM_MIN_ROWS, presortFeatures } from './growTree';
import { growPlannedTree, type ForestPlan, type GrownTree, type TreeGrower } from './forestPlan';
import { TreeScratch } from './treeScratch';
import { binColumns } from './histogramSplit';
import type { TrainingData } from './growTree';
import { importMlRandomForest, isMlRandomForestJSON } from './importMlRandomForest';
import type { ImportedForest } from './importMlRandomForest';
import { columnReader, finiteColumns, toColumnMajor, toRowMajor } from './matrixInput';
import type { FeatureRows } from './matrixInput';
import { featuresPerSplit, resolveForestOptions, samplesPerTree } from './options';
import type { ForestOptions, MaxFeaturesOption, ResolvedForestOptions } from './options';
import { ForestPacker, leafIndices, meanLeafValues, packAll } from './packedForest';
import type { PackedForest } from './packedForest';
import { compileMeanLeafValues, type MeanLeafValuesFn } from './compiledForest';
import { leafCoveringRows } from './leafCoveringRows';
import { ColumnRounds } from './columnRounds';
import { newTierState, tieredMeanLeafValues, type TierState } from './tieredPredict';

/**
 * Rows × trees below which permutation importance predicts its rounds with predict(): on breast
 * cancer (114 test rows × 100 trees) column rounds saved nothing in a fresh process — their code
 * runs unoptimized the first time — and training no longer warmed the walk the first explanation
 * uses (its first explanation took ~15 ms longer). From ~100 000 pairs on they take a third of
 * the time.
 */
const COLUMN_ROUNDS_MIN_PAIRS = 20_000;

/** Per packed forest: its compiled and warmed predictor, or null when it is not worth compiling. */
const compiled = new WeakMap<PackedForest, MeanLeafValuesFn | null>();
/** Per packed forest not prepared that way: how far it has compiled itself (tieredPredict.ts). */
const tiers = new WeakMap<PackedForest, TierState>();

export type ForestKind = 'classifier' | 'regressor';
/** How trees are combined: mean of leaf values (ours), or an imported ml-random-forest's vote / median. */
export type ForestAggregation = 'mean' | 'vote' | 'median';

/**
 * Our versioned model JSON (plain data: survives JSON.stringify and structuredClone). Version 2
 * (written now) keeps values for leaves only and numbers the leaves in `feature`; version 1 (older
 * saves) held a value row per node and marked leaves −1. Both load (see FlatTreeJSON).
 */
export interface ForestJSON {
  format: 'lime-lens-forest';
  version: 1 | 2;
  kind: ForestKind;
  /** Training options; null for a model imported from ml-random-forest. */
  options: ResolvedForestOptions | null;
  nFeatures: number;
  /** Classifier: number of classes; regressor: 0. */
  nClasses: number;
  aggregation: ForestAggregation;
  /** Where the trees came from when not trained here. */
  source?: 'ml-random-forest';
  /** Normalized impurity importances, one per feature. */
  importances: number[];
  trees: FlatTreeJSON[];
}

export interface TrainOptions {
  /** Called after each tree with the fraction of trees done, in (0, 1]. */
  onProgress?: (fraction: number) => void;
  /** Checked before each tree; aborting throws CancelledError and leaves the model untouched. */
  signal?: AbortSignal;
  /** Classifier only: number of classes (default: largest label + 1), so absent classes keep a column. */
  nClasses?: number;
  /** Grows the planned trees, e.g. on threads (the worker's); default: one after another here. */
  growTrees?: TreeGrower;
  /**
   * Writes feature f of X (nRows values, the same as X's rows hold) into `out`: a faster source
   * for the histogram binning than one value from every row array (trainModel reads the frame's
   * columns). Checked finite like X.
   */
  columns?: (f: number, out: Float64Array) => void;
}

export interface AsyncTrainOptions extends TrainOptions {
  /** Yield to the event loop when this many ms have passed since the last yield. Default 50. */
  yieldEveryMs?: number;
}

interface ModelState {
  readonly trees: readonly FlatTree[];
  readonly packed: PackedForest;
  readonly nFeatures: number;
  readonly nClasses: number;
  readonly importances: Float64Array;
  readonly aggregation: ForestAggregation;
  readonly source?: 'ml-random-forest';
}

export abstract class ForestBase {
  readonly options: ResolvedForestOptions;
  protected state: ModelState | null = null;
  protected abstract readonly kind: ForestKind;

  protected constructor(options: ForestOptions, defaultMaxFeatures: MaxFeaturesOption) {
    this.options = resolveForestOptions(options, { maxFeatures: defaultMaxFeatures });
  }

  /** Number of features the model was trained on (imported models: largest feature index used + 1). */
  get nFeatures(): number {
    return this.trained().nFeatures;
  }

  /** The trees, in training order (read-only views; do not mutate). */
  get trees(): readonly FlatTree[] {
    return this.trained().trees;
  }

  get isTrained(): boolean {
    return this.state !== null;
  }

  /**
   * Normalized mean decrease in impurity per feature (sums to 1 unless no tree ever split):
   * scikit-learn's definition — per tree Σ over its splits of w·imp − w_L·imp_L − w_R·imp_R
   * (w = bootstrap-weighted rows), normalized per tree, averaged over the trees that split,
   * normalized again. Imported ml-random-forest models use that library's own definition.
   */
  featureImportances(): number[] {
    return Array.from(this.trained().importances);
  }

  toJSON(): ForestJSON {
    const s = this.trained();
    const json: ForestJSON = {
      format: 'lime-lens-forest',
      version: 2,
      kind: this.kind,
      options: s.source ? null : { ...this.options },
      nFeatures: s.nFeatures,
      nClasses: s.nClasses,
      aggregation: s.aggregation,
      importances: Array.from(s.importances),
      trees: s.trees.map((tree) => flatTreeToJSON(tree, s.packed.nOutputs)),
    };
    if (s.source) json.source = s.source;
    return json;
  }

  protected trained(): ModelState {
    if (!this.state) throw new Error('The forest is not trained yet: call train(X, y) first');
    return this.state;
  }

  /** Row-major copy of `rows` for the prediction loops. */
  protected rowMajor(rows: FeatureRows): { data: Float64Array; nRows: number; nFeatures: number } {
    const s = this.trained();
    return { ...toRowMajor(rows, s.nFeatures, s.source !== undefined), nFeatures: s.nFeatures };
  }

  /** rows × nOutputs mean leaf values. */
  protected meanOutputs(X: Float64Array, nRows: number, nFeatures: number): Float64Array {
    const s = this.trained();
    if (s.source ? nFeatures < s.nFeatures : nFeatures !== s.nFeatures) {
      throw new RangeError(`rows have ${nFeatures} features; the model was trained on ${s.nFeatures}`);
    }
    if (X.length < nRows * nFeatures)
      throw new RangeError(`X holds fewer than ${nRows} × ${nFeatures} values`);
    const fast = compiled.get(s.packed);
    if (fast) return fast(X, nRows, nFeatures);
    if (fast === null) return meanLeafValues(s.packed, X, nRows, nFeatures);
    let tier = tiers.get(s.packed);
    if (!tier) tiers.set(s.packed, (tier = newTierState()));
    return tieredMeanLeafValues(tier, s.packed, X, nRows, nFeatures, (x) =>
      leafCoveringRows(s.trees, nFeatures, (row) => row.set(x.subarray(0, nFeatures))),
    );
  }

  /**
   * Compiles the trees to JavaScript (see compiledForest.ts) and runs the result until V8 has
   * optimized it; from then on every prediction uses it. Idempotent; predictions are
   * bit-identical either way. Until it is called the forest walks its packed arrays, which
   * training's own evaluation has already warmed: a freshly compiled forest runs unoptimized
   * and costs ~5× more than the walker for its first few 5000-row batches (measured: the first
   * explanation after training spent ~300 ms CPU in it). Call it when idle, after training.
   * Returns whether a compiled predictor is in use. `pause` runs between warm-up batches (a
   * caller's chance to wait while more urgent work runs).
   */
  prepareFastPredict(pause?: () => void): boolean {
    const s = this.trained();
    if (!compiled.has(s.packed)) {
      const fn = compileMeanLeafValues(s.packed);
      if (fn) warmCompiled(fn, s.trees, s.nFeatures, pause);
      compiled.set(s.packed, fn);
    }
    return compiled.get(s.packed) !== null;
  }

  /**
   * For permutation importance, whose rounds change one column of the same rows at a time: a
   * function giving predict(now) for rows `now` that differ from `rows` only in column `feature`
   * (−1: in none), the same numbers, re-walking each tree only below that feature's first test
   * (columnRounds.ts). Undefined for imported models, which vote or take medians, and below
   * `minPairs` rows × trees, where predict() is as fast (see COLUMN_ROUNDS_MIN_PAIRS).
   */
  columnRounds(
    rows: FeatureRows,
    { minPairs = COLUMN_ROUNDS_MIN_PAIRS }: { minPairs?: number } = {},
  ): ((now: readonly (readonly number[])[], feature: number) => ArrayLike<number>) | undefined {
    const s = this.trained();
    if (s.aggregation !== 'mean') return undefined;
    const { data, nRows, nFeatures } = this.rowMajor(rows);
    if (nRows * s.packed.nTrees < minPairs) return undefined;
    const rounds = new ColumnRounds(s.packed, data, nRows, nFeatures);
    const column = new Float64Array(nRows);
    return (now, feature) => {
      if (now.length !== nRows) throw new RangeError(`a round has ${now.length} rows, not ${nRows}`);
      // A column past the ones an imported model reads cannot change its predictions.
      const f = feature < nFeatures ? feature : -1;
      if (f >= 0) for (let r = 0; r < nRows; r++) column[r] = now[r][f];
      return this.fromMeans(rounds.meanLeafValues(f, column), nRows);
    };
  }

  /** predictFlat's answer from the rows' mean leaf values (rows × nOutputs). */
  protected abstract fromMeans(means: Float64Array, nRows: number): ArrayLike<number>;

  /** Each row's leaf per tree as its row of the packed values (out[t * nRows + r]), checked like meanOutputs. */
  protected leaves(X: Float64Array, nRows: number, nFeatures: number): Int32Array {
    const s = this.trained();
    if (s.source ? nFeatures < s.nFeatures : nFeatures !== s.nFeatures) {
      throw new RangeError(`rows have ${nFeatures} features; the model was trained on ${s.nFeatures}`);
    }
    return leafIndices(s.packed, X, nRows, nFeatures);
  }

  /** Checks y and returns the training set; called before any tree is grown. */
  protected abstract prepareTargets(
    y: ArrayLike<number>,
    nRows: number,
    opts: TrainOptions,
  ): TrainingDataTargets;

  /** One step per tree, so the same loop serves train() and trainAsync(). */
  protected *trainSteps(
    X: FeatureRows,
    y: ArrayLike<number>,
    opts: TrainOptions,
  ): Generator<void, void, void> {
    throwIfAborted(opts.signal);
    const { nRows, nFeatures, column } = columnReader(X);
    if (nRows === 0 || nFeatures === 0) throw new RangeError('X must have at least one row and one feature');
    if (!y || y.length !== nRows)
      throw new RangeError(`y has ${y?.length ?? 0} values but X has ${nRows} rows`);
    const targets = this.prepareTargets(y, nRows, opts);
    const o = this.options;
    const mtry = featuresPerSplit(o.maxFeatures, nFeatures);
    const nDraw = samplesPerTree(o.maxSamples, nRows);
    const training: TrainingData = {
      nRows,
      nFeatures,
      ...targets,
      ...trainingLayout(nRows, nFeatures, X, opts.columns ? finiteColumns(opts.columns, nRows) : column),
    };
    const settings = {
      mtry,
      maxDepth: o.maxDepth ?? Infinity,
      minSamplesLeaf: o.minSamplesLeaf,
      minSamplesSplit: o.minSamplesSplit,
    };
    const rng = createRng(o.seed);
    const plan: ForestPlan = {
      training,
      settings,
      bagging: { useSampleBagging: o.useSampleBagging, replacement: o.replacement, nDraw },
      seeds: Array.from({ length: o.nEstimators }, () => rng.forkSeed()),
    };
    const nOut = targets.nClasses > 0 ? targets.nClasses : 1;
    // A histogram forest's thresholds are its bins' cuts: float32 values when cutBetween could
    // round them all, and covers (at most the rows drawn) are exact in float32 below 2^24.
    const float32 = training.bins?.float32 === true && Math.max(nRows, nDraw) < 2 ** 24;
    const packer = new ForestPacker(o.nEstimators, nOut, undefined, float32);
    const perTree: Float64Array[] = new Array<Float64Array>(o.nEstimators);
    const split: boolean[] = new Array<boolean>(o.nEstimators);
    const onTree = (index: number, g: GrownTree): void => {
      packer.add(index, g.tree);
      perTree[index] = g.importance;
      split[index] = g.tree.nodeCount > 1;
    };
    if (opts.growTrees) {
      opts.growTrees(plan, { onTree, onProgress: opts.onProgress, signal: opts.signal });
    } else {
      const scratch = new TreeScratch();
      for (let t = 0; t < o.nEstimators; t++) {
        throwIfAborted(opts.signal);
        onTree(t, growPlannedTree(plan, plan.seeds[t], scratch));
        opts.onProgress?.((t + 1) / o.nEstimators);
        yield;
      }
    }
    throwIfAborted(opts.signal);
    this.state = {
      ...packer.finish(),
      nFeatures,
      nClasses: targets.nClasses,
      importances: averageImportances(
        perTree.filter((_, t) => split[t]),
        nFeatures,
      ),
      aggregation: 'mean',
    };
  }

  /**
   * Trains on X (rows × features, finite numbers) and y (classifier: class index 0..k-1 per row;
   * regressor: one finite value per row). Same options and seed → identical trees.
   */
  train(X: FeatureRows, y: ArrayLike<number>, options: TrainOptions = {}): this {
    for (const _ of this.trainSteps(X, y, options));
    return this;
  }

  /** As train(), but yields to the event loop now and then so progress and cancel messages get through. */
  async trainAsync(X: FeatureRows, y: ArrayLike<number>, options: AsyncTrainOptions = {}): Promise<this> {
    const every = options.yieldEveryMs ?? 50;
    let last = performance.now();
    for (const _ of this.trainSteps(X, y, options)) {
      if (performance.now() - last >= every) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        last = performance.now();
      }
    }
    return this;
  }

  /** Restores a model from our JSON or from ml-random-forest's; `kind` must match. */
  protected restore(json: unknown): void {
    if (isMlRandomForestJSON(json)) {
      this.adopt(importMlRandomForest(json));
      return;
    }
    const j = json as Partial<ForestJSON> | null;
    if (typeof j !== 'object' || j === null || j.format !== 'lime-lens-forest') {
      throw new RangeError('Invalid model: neither a Lime Lens forest nor an ml-random-forest model');
    }
    const version = j.version;
    if (version !== 1 && version !== 2)
      throw new RangeError(`Unsupported model version ${String(version)} (this build reads 1 and 2)`);
    if (j.kind !== this.kind)
      throw new RangeError(`Invalid model: a ${String(j.kind)} cannot load as a ${this.kind}`);
    const nFeatures = j.nFeatures;
    const nClasses = j.nClasses;
    if (!Number.isInteger(nFeatures) || (nFeatures as number) < 1 || !Number.isInteger(nClasses)) {
      throw new RangeError('Invalid model: nFeatures and nClasses must be integers');
    }
    if (this.kind === 'classifier' ? (nClasses as number) < 1 : nClasses !== 0) {
      throw new RangeError(`Invalid model: nClasses ${String(nClasses)} does not fit a ${this.kind}`);
    }
    if (!Array.isArray(j.trees) || j.trees.length === 0) throw new RangeError('Invalid model: no trees');
    if (!Array.isArray(j.importances) || j.importances.length !== nFeatures) {
      throw new RangeError('Invalid model: importances must hold one number per feature');
    }
    const aggregation = j.aggregation ?? 'mean';
    const allowed = this.kind === 'classifier' ? ['mean', 'vote'] : ['mean', 'median'];
    if (!allowed.includes(aggregation)) {
      throw new RangeError(`Invalid model: aggregation ${String(aggregation)} does not fit a ${this.kind}`);
    }
    const nOut = this.kind === 'classifier' ? (nClasses as number) : 1;
    const trees = j.trees.map((t) => flatTreeFromJSON(t, nFeatures as number, nOut, version));
    this.state = {
      ...packAll(trees, nOut),
      nFeatures: nFeatures as number,
      nClasses: nClasses as number,
      importances: Float64Array.from(j.importances),
      aggregation,
      source: j.source === 'ml-random-forest' ? 'ml-random-forest' : undefined,
    };
  }

  private adopt(imported: ImportedForest): void {
    if (imported.kind !== this.kind) {
      throw new RangeError(
        `Invalid model: an ml-random-forest ${imported.kind} cannot load as a ${this.kind}`,
      );
    }
    const nOut = imported.kind === 'classifier' ? imported.nClasses : 1;
    this.state = {
      ...packAll(imported.trees, nOut),
      nFeatures: imported.nFeatures,
      nClasses: imported.nClasses,
      importances: imported.importances,
      aggregation: imported.aggregation,
      source: 'ml-random-forest',
    };
  }
}

/**
 * Runs a compiled forest on one row per leaf, then on rows drawn around the trees' own
 * thresholds until V8 has optimized it. 12 batches of 2000 rows measured enough on breast cancer.
 */
function warmCompiled(
  fn: MeanLeafValuesFn,
  trees: readonly FlatTree[],
  d: number,
  pause: () => void = () => undefined,
): void {
  const thresholds: number[][] = Array.from({ length: d }, () => []);
  for (const tree of trees) {
    for (let i = 0; i < tree.nodeCount; i++)
      if (tree.feature[i] >= 0) thresholds[tree.feature[i]].push(tree.threshold[i]);
  }
  const rng = createRng(1);
  const n = 2000;
  const x = new Float64Array(n * d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const t = thresholds[j];
      x[r * d + j] = t.length ? t[rng.int(t.length)] * (1 + 0.05 * rng.normal()) : 0;
    }
  }
  // Every leaf first, before V8 optimizes: a branch without type feedback deoptimizes the
  // optimized function when a real batch reaches it (see leafCoveringRows).
  let k = 0;
  const leaves = leafCoveringRows(trees, d, (row) => row.set(x.subarray((k = (k + 1) % n) * d, k * d + d)));
  pause();
  fn(leaves.x, leaves.n, d);
  for (let i = 0; i < 12; i++) {
    pause();
    fn(x, n, d);
  }
}

/**
 * What the trees read: bin codes alone for histogram forests (binned one column at a time, so
 * no full copy of X and no presort is ever held: 12 bytes per cell less), else the column-major
 * values and their once-per-forest presort.
 */
function trainingLayout(
  nRows: number,
  nFeatures: number,
  X: FeatureRows,
  column: (f: number, out: Float64Array) => void,
): Pick<TrainingData, 'X' | 'sorted' | 'bins'> {
  if (nRows > HISTOGRAM_MIN_ROWS) {
    const bins = binColumns(nRows, nFeatures, column);
    return { X: new Float64Array(0), sorted: new Int32Array(0), bins };
  }
  const { data } = toColumnMajor(X);
  return { X: data, sorted: presortFeatures(data, nRows, nFeatures) };
}

export type TrainingDataTargets = Pick<TrainingData, 'yClass' | 'yValue' | 'nClasses'>;

/** scikit-learn's forest importances: per-tree normalized, averaged, renormalized. */
function averageImportances(perTree: readonly Float64Array[], nFeatures: number): Float64Array {
  const mean = new Float64Array(nFeatures);
  let used = 0;
  for (const imp of perTree) {
    let sum = 0;
    for (let f = 0; f < nFeatures; f++) sum += imp[f];
    if (!(sum > 0)) continue;
    for (let f = 0; f < nFeatures; f++) mean[f] += imp[f] / sum;
    used++;
  }
  if (used === 0) return mean;
  let total = 0;
  for (let f = 0; f < nFeatures; f++) total += mean[f] / used;
  for (let f = 0; f < nFeatures; f++) mean[f] = mean[f] / used / total;
  return mean;
}
