import { selectFeatures, type FeatureSelectionMethod } from './featureSelection';
import { weightedDesign, weightedTarget, type WeightedDesign } from './weightedDesign';
import { predictRow, ridgeFit, weightedR2, type LinearFit } from './weightedRidge';

/**
 * A weighted linear regressor to use as the surrogate instead of Ridge(alpha=1)
 * (the reference's `model_regressor`). Its score and local prediction are then
 * computed by LIME from the returned coefficients, as a linear model's would be.
 */
export interface SurrogateRegressor {
  /**
   * @param x rows × cols, row-major: the selected columns of the neighbourhood
   * @param y one target per row; sampleWeight one kernel weight per row
   */
  fit(
    x: Float64Array,
    rows: number,
    cols: number,
    y: Float64Array,
    sampleWeight: Float64Array,
  ): { coef: ArrayLike<number>; intercept: number };
}

/** One label's local surrogate (reference `explain_instance_with_data` result). */
export interface LocalExplanation {
  readonly intercept: number;
  /** [feature index, weight], sorted by |weight| descending (stable). */
  readonly exp: [number, number][];
  /** Weighted R² of the surrogate on the neighbourhood. */
  readonly score: number;
  /** The surrogate's prediction at the explained instance (row 0). */
  readonly localPred: number;
}

/**
 * Feature selection then the weighted surrogate fit for one target column
 * (reference `LimeBase.explain_instance_with_data` after the kernel).
 * @param design the neighbourhood with kernel weights; row 0 is the instance
 * @param y the model's output for this label, one per row
 */
export function explainWithDesign(
  design: WeightedDesign,
  y: Float64Array,
  numFeatures: number,
  featureSelection: FeatureSelectionMethod,
  modelRegressor?: SurrogateRegressor,
): LocalExplanation {
  const target = weightedTarget(design, y);
  const used = selectFeatures(design, target, numFeatures, featureSelection);
  let fit: LinearFit;
  if (modelRegressor) {
    const k = used.length;
    const x = new Float64Array(design.rows * k);
    for (let r = 0; r < design.rows; r++) {
      for (let i = 0; i < k; i++) x[r * k + i] = design.data[r * design.cols + used[i]];
    }
    const out = modelRegressor.fit(x, design.rows, k, y, design.weights);
    if (out.coef.length !== k)
      throw new TypeError(`modelRegressor returned ${out.coef.length} coefficients for ${k} columns`);
    fit = { features: used, coef: Float64Array.from(out.coef), intercept: out.intercept };
  } else {
    fit = ridgeFit(design, target, used, 1);
  }
  const exp = used
    .map((f, i): [number, number] => [f, fit.coef[i]])
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return {
    intercept: fit.intercept,
    exp,
    score: weightedR2(design, target, fit),
    localPred: predictRow(design, fit, 0),
  };
}

/**
 * The reference `LimeBase`: learns a locally weighted linear model from already
 * perturbed data. {@link LimeTabularExplainer} uses the same steps on typed arrays.
 */
export class LimeBase {
  /** @param kernelFn distance → proximity weight */
  constructor(readonly kernelFn: (distance: number) => number) {}

  /**
   * @param neighborhoodData samples × features; row 0 is the explained instance
   * @param neighborhoodLabels samples × outputs (probabilities per class, or one value)
   * @param distances one distance to row 0 per sample
   * @param label the output column to explain
   */
  explainInstanceWithData(
    neighborhoodData: readonly (readonly number[])[],
    neighborhoodLabels: readonly (readonly number[])[],
    distances: ArrayLike<number>,
    label: number,
    numFeatures: number,
    featureSelection: FeatureSelectionMethod = 'auto',
    modelRegressor?: SurrogateRegressor,
  ): LocalExplanation {
    const rows = neighborhoodData.length;
    const cols = rows > 0 ? neighborhoodData[0].length : 0;
    const data = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) data.set(neighborhoodData[r], r * cols);
    const weights = Float64Array.from(distances, (d) => this.kernelFn(d));
    const y = Float64Array.from(neighborhoodLabels, (row) => row[label]);
    return explainWithDesign(
      weightedDesign(data, rows, cols, weights),
      y,
      numFeatures,
      featureSelection,
      modelRegressor,
    );
  }
}
