import { solveSymmetricPsd } from './symmetricSolve';
import { weightedDesign, weightedTarget, type WeightedDesign, type WeightedTarget } from './weightedDesign';

/** A linear surrogate on a subset of the columns. */
export interface LinearFit {
  /** Column indices, in the order of coef. */
  readonly features: readonly number[];
  readonly coef: Float64Array;
  readonly intercept: number;
}

/**
 * scikit-learn's `Ridge(alpha, fit_intercept=True).fit(X[:, features], y, sample_weight=w)`:
 * minimizes Σ w (y − b − xβ)² + alpha·|β|² (weights are not normalized), by centering
 * on the weighted means and solving (XᵀWX + alpha·I) β = XᵀWy with Cholesky.
 */
export function ridgeFit(
  design: WeightedDesign,
  target: WeightedTarget,
  features: readonly number[],
  alpha: number,
): LinearFit {
  const k = features.length;
  const d = design.cols;
  const a = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const fi = features[i];
    b[i] = target.xy[fi];
    for (let j = 0; j < k; j++) a[i * k + j] = design.cov[fi * d + features[j]];
    a[i * k + i] += alpha;
  }
  const coef = k > 0 ? solveSymmetricPsd(a, k, b) : new Float64Array(0);
  let intercept = target.mean;
  for (let i = 0; i < k; i++) intercept -= design.mean[features[i]] * coef[i];
  return { features: features.slice(), coef, intercept };
}

/**
 * Weighted R² of a fit from the sufficient statistics alone (no pass over the
 * rows): 1 − (Syy − 2βᵀc + βᵀCβ) / Syy. Used to rank candidate fits.
 */
export function r2FromMoments(design: WeightedDesign, target: WeightedTarget, fit: LinearFit): number {
  const { features, coef } = fit;
  const d = design.cols;
  let ssRes = target.yy;
  for (let i = 0; i < features.length; i++) {
    const fi = features[i];
    ssRes -= 2 * coef[i] * target.xy[fi];
    let quad = 0;
    for (let j = 0; j < features.length; j++) quad += design.cov[fi * d + features[j]] * coef[j];
    ssRes += coef[i] * quad;
  }
  return r2(ssRes, target.yy);
}

/** scikit-learn's `r2_score(y, predictions, sample_weight=w)` of the fit, over the rows. */
export function weightedR2(design: WeightedDesign, target: WeightedTarget, fit: LinearFit): number {
  const { rows, cols, data, weights } = design;
  const y = target.y;
  // predictRow inlined with the fit in locals: a first explanation runs this loop before V8 has
  // optimized it, and 5000 interpreted calls cost more than the loop itself.
  const k = fit.features.length;
  const features = Int32Array.from(fit.features);
  const { coef, intercept } = fit;
  let ssRes = 0;
  let ssTot = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let p = intercept;
    for (let i = 0; i < k; i++) p += data[base + features[i]] * coef[i];
    const e = y[r] - p;
    ssRes += weights[r] * e * e;
    const dev = y[r] - target.mean;
    ssTot += weights[r] * dev * dev;
  }
  return r2(ssRes, ssTot);
}

/** The fit's prediction for row r of the design. */
export function predictRow(design: WeightedDesign, fit: LinearFit, r: number): number {
  const base = r * design.cols;
  let p = fit.intercept;
  for (let i = 0; i < fit.features.length; i++) p += design.data[base + fit.features[i]] * fit.coef[i];
  return p;
}

/** sklearn's convention: a constant target scores 1 when fitted exactly, else 0. */
function r2(ssRes: number, ssTot: number): number {
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/**
 * Convenience: weighted ridge regression with intercept on plain rows.
 * @param x rows × features
 * @param y one target per row
 * @param sampleWeight one non-negative weight per row (default all 1)
 */
export function fitWeightedRidge(
  x: readonly (readonly number[])[],
  y: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
  alpha = 1,
): { coef: number[]; intercept: number; score: number } {
  const rows = x.length;
  const cols = rows > 0 ? x[0].length : 0;
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) data.set(x[r], r * cols);
  const w = sampleWeight ? Float64Array.from(sampleWeight) : new Float64Array(rows).fill(1);
  const design = weightedDesign(data, rows, cols, w);
  const target = weightedTarget(design, Float64Array.from(y));
  const fit = ridgeFit(
    design,
    target,
    Array.from({ length: cols }, (_, j) => j),
    alpha,
  );
  return { coef: Array.from(fit.coef), intercept: fit.intercept, score: weightedR2(design, target, fit) };
}
