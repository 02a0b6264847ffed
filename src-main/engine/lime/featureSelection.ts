import { larsLassoPath } from './larsPath';
import { r2FromMoments, ridgeFit } from './weightedRidge';
import type { WeightedDesign, WeightedTarget } from './weightedDesign';

export type FeatureSelectionMethod = 'auto' | 'forward_selection' | 'highest_weights' | 'lasso_path' | 'none';

export const FEATURE_SELECTION_METHODS: readonly FeatureSelectionMethod[] = [
  'auto',
  'forward_selection',
  'highest_weights',
  'lasso_path',
  'none',
];

/**
 * The columns the surrogate will use, as the reference `LimeBase.feature_selection`:
 * - 'none': all columns;
 * - 'forward_selection': greedily add the column whose unregularized weighted
 *   least-squares fit (with intercept) has the highest weighted R²; first best wins ties;
 * - 'highest_weights': Ridge(alpha=0.01) on all columns, the numFeatures largest |coef · x₀|
 *   (x₀ = the explained instance's row), stable on ties;
 * - 'lasso_path': along the lasso path of the weighted, centered data, the least
 *   regularized breakpoint with at most numFeatures non-zero coefficients (ascending indices);
 * - 'auto': forward_selection when numFeatures ≤ 6, else highest_weights.
 */
export function selectFeatures(
  design: WeightedDesign,
  target: WeightedTarget,
  numFeatures: number,
  method: FeatureSelectionMethod,
): number[] {
  const d = design.cols;
  const all = Array.from({ length: d }, (_, j) => j);
  switch (method) {
    case 'none':
      return all;
    case 'forward_selection': {
      const used: number[] = [];
      const limit = Math.min(numFeatures, d);
      for (let step = 0; step < limit; step++) {
        let best = 0;
        let bestScore = -100000000;
        for (let f = 0; f < d; f++) {
          if (used.includes(f)) continue;
          const candidate = [...used, f];
          const score = r2FromMoments(design, target, ridgeFit(design, target, candidate, 0));
          if (score > bestScore) {
            best = f;
            bestScore = score;
          }
        }
        used.push(best);
      }
      return used;
    }
    case 'highest_weights': {
      const fit = ridgeFit(design, target, all, 0.01);
      const first = design.data.subarray(0, d);
      return all
        .map((j) => ({ j, w: Math.abs(fit.coef[j] * first[j]) }))
        .sort((a, b) => b.w - a.w)
        .slice(0, numFeatures)
        .map((x) => x.j);
    }
    case 'lasso_path': {
      const { coefs } = larsLassoPath(design.cov, target.xy, d, design.rows);
      let nonzero = all;
      for (let i = coefs.length - 1; i > 0; i--) {
        nonzero = all.filter((j) => coefs[i][j] !== 0);
        if (nonzero.length <= numFeatures) break;
      }
      return nonzero;
    }
    case 'auto':
      return selectFeatures(
        design,
        target,
        numFeatures,
        numFeatures <= 6 ? 'forward_selection' : 'highest_weights',
      );
    default:
      throw new RangeError(
        `featureSelection must be one of ${FEATURE_SELECTION_METHODS.join(', ')}; got ${String(method)}`,
      );
  }
}
