/** Random forest classifier (Gini), trained and predicted on typed arrays. */
import { ForestBase } from './forestBase';
import type { ForestJSON, TrainOptions, TrainingDataTargets } from './forestBase';
import type { FeatureRows } from './matrixInput';
import type { ForestOptions } from './options';
import { argmaxAt, argmaxPerRow } from './packedForest';

export class RandomForestClassifier extends ForestBase {
  protected readonly kind = 'classifier';

  /** Options: see ForestOptions; maxFeatures defaults to 'sqrt' as in scikit-learn. */
  constructor(options: ForestOptions = {}) {
    super(options, 'sqrt');
  }

  /** Number of classes (columns of predictProba). */
  get nClasses(): number {
    return this.trained().nClasses;
  }

  /**
   * Class probabilities for row-major X (nRows × nFeatures): nRows × nClasses, row-major — the
   * mean over trees of the leaf class fractions (scikit-learn's predict_proba). For a model
   * imported from ml-random-forest: the fraction of trees voting for each class.
   */
  predictProbaFlat(X: Float64Array, nRows: number, nFeatures: number): Float64Array {
    return this.meanOutputs(X, nRows, nFeatures);
  }

  /** One probability per class (class index order) per row: rows × nClasses. */
  predictProba(rows: FeatureRows): number[][] {
    const { data, nRows, nFeatures } = this.rowMajor(rows);
    return this.probaRows(this.meanOutputs(data, nRows, nFeatures), nRows);
  }

  /** Predicted class index per row: argmax of predictProba (first on ties); imported models vote as ml-random-forest. */
  predict(rows: FeatureRows): number[] {
    const { data, nRows, nFeatures } = this.rowMajor(rows);
    return Array.from(this.predictFlat(data, nRows, nFeatures));
  }

  /**
   * predictProba(rows) and predict(rows) from one pass over the trees: the same numbers as the
   * two calls, for half the walking (a 100 000-row test split walks 100 trees in seconds).
   */
  predictProbaAndLabels(rows: FeatureRows): { proba: number[][]; labels: number[] } {
    const { data, nRows, nFeatures } = this.rowMajor(rows);
    const means = this.meanOutputs(data, nRows, nFeatures);
    return {
      proba: this.probaRows(means, nRows),
      labels: Array.from(this.labels(data, nRows, nFeatures, means)),
    };
  }

  /** predict() for row-major X (nRows × nFeatures). */
  predictFlat(X: Float64Array, nRows: number, nFeatures: number): Int32Array {
    return this.labels(X, nRows, nFeatures);
  }

  /** predictFlat, from the rows' mean outputs when the caller has them already. */
  private labels(X: Float64Array, nRows: number, nFeatures: number, means?: Float64Array): Int32Array {
    if (this.trained().aggregation === 'vote') return this.voteFlat(X, nRows, nFeatures);
    return this.fromMeans(means ?? this.meanOutputs(X, nRows, nFeatures), nRows);
  }

  /** Rows × nClasses mean outputs (row-major) as one array of probabilities per row. */
  private probaRows(means: Float64Array, nRows: number): number[][] {
    const k = this.nClasses;
    const out: number[][] = new Array(nRows);
    for (let r = 0; r < nRows; r++) out[r] = Array.from(means.subarray(r * k, r * k + k));
    return out;
  }

  protected fromMeans(means: Float64Array, nRows: number): Int32Array {
    return argmaxPerRow(means, nRows, this.nClasses);
  }

  /** ml-array-mode over the trees' classes in tree order: a tie goes to the class that got there first. */
  private voteFlat(X: Float64Array, nRows: number, nFeatures: number): Int32Array {
    const s = this.trained();
    const k = s.nClasses;
    const nTrees = s.packed.nTrees;
    const leaves = this.leaves(X, nRows, nFeatures);
    const counts = new Int32Array(k);
    const out = new Int32Array(nRows);
    for (let r = 0; r < nRows; r++) {
      counts.fill(0);
      let best = 0;
      let bestCount = 0;
      for (let t = 0; t < nTrees; t++) {
        const c = argmaxAt(s.packed.value, leaves[t * nRows + r] * k, k);
        const n = ++counts[c];
        if (n > bestCount) {
          bestCount = n;
          best = c;
        }
      }
      out[r] = best;
    }
    return out;
  }

  /** Restores a model from toJSON() output or from ml-random-forest's RandomForestClassifier.toJSON(). */
  static load(json: ForestJSON | unknown): RandomForestClassifier {
    const options = (json as Partial<ForestJSON> | null)?.options;
    const model = new RandomForestClassifier(options && typeof options === 'object' ? options : {});
    model.restore(json);
    return model;
  }

  protected prepareTargets(y: ArrayLike<number>, nRows: number, opts: TrainOptions): TrainingDataTargets {
    const yClass = new Int32Array(nRows);
    let max = -1;
    for (let i = 0; i < nRows; i++) {
      const v = y[i];
      if (!Number.isInteger(v) || v < 0) {
        throw new RangeError(`y[${i}] is ${String(v)}; a classifier needs class indices 0, 1, 2, …`);
      }
      yClass[i] = v;
      if (v > max) max = v;
    }
    const nClasses = opts.nClasses ?? max + 1;
    if (!Number.isInteger(nClasses) || nClasses < max + 1) {
      throw new RangeError(`nClasses is ${String(opts.nClasses)} but y holds class index ${max}`);
    }
    return { yClass, yValue: null, nClasses };
  }
}
