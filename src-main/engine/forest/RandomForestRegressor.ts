/** Random forest regressor (squared error), trained and predicted on typed arrays. */
import { ForestBase } from './forestBase';
import type { ForestJSON, TrainingDataTargets } from './forestBase';
import type { FeatureRows } from './matrixInput';
import type { ForestOptions } from './options';

export class RandomForestRegressor extends ForestBase {
  protected readonly kind = 'regressor';

  /** Options: see ForestOptions; maxFeatures defaults to 1.0 (all features) as in scikit-learn. */
  constructor(options: ForestOptions = {}) {
    super(options, 1.0);
  }

  /** Predicted value per row: the mean of the trees' leaf means (imported median models: the trees' lower median). */
  predict(rows: FeatureRows): number[] {
    const { data, nRows, nFeatures } = this.rowMajor(rows);
    return Array.from(this.predictFlat(data, nRows, nFeatures));
  }

  /** predict() for row-major X (nRows × nFeatures). */
  predictFlat(X: Float64Array, nRows: number, nFeatures: number): Float64Array {
    const s = this.trained();
    if (s.aggregation !== 'median') return this.meanOutputs(X, nRows, nFeatures);
    // ml-array-median (median-quickselect) returns the element of rank ⌊(n − 1) / 2⌋.
    const nTrees = s.packed.nTrees;
    const leaves = this.leaves(X, nRows, nFeatures);
    const vals = new Float64Array(nTrees);
    const out = new Float64Array(nRows);
    for (let r = 0; r < nRows; r++) {
      for (let t = 0; t < nTrees; t++) vals[t] = s.packed.value[leaves[t * nRows + r]];
      vals.sort();
      out[r] = vals[(nTrees - 1) >> 1];
    }
    return out;
  }

  protected fromMeans(means: Float64Array): Float64Array {
    return means;
  }

  /** Restores a model from toJSON() output or from ml-random-forest's RandomForestRegression.toJSON(). */
  static load(json: ForestJSON | unknown): RandomForestRegressor {
    const options = (json as Partial<ForestJSON> | null)?.options;
    const model = new RandomForestRegressor(options && typeof options === 'object' ? options : {});
    model.restore(json);
    return model;
  }

  protected prepareTargets(y: ArrayLike<number>, nRows: number): TrainingDataTargets {
    const yValue = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) {
      const v = y[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new RangeError(`y[${i}] is ${String(v)}; a regressor needs finite numbers`);
      }
      yValue[i] = v;
    }
    return { yClass: null, yValue, nClasses: 0 };
  }
}
