import { describe, expect, it } from 'vitest';
import { selectFeatures, type FeatureSelectionMethod } from '../../../src-main/engine/lime/featureSelection';
import { larsLassoPath } from '../../../src-main/engine/lime/larsPath';
import { LimeTabularExplainer } from '../../../src-main/engine/lime/limeTabularExplainer';
import { weightedDesign, weightedTarget } from '../../../src-main/engine/lime/weightedDesign';
import { createRng } from '../../../src-main/engine/random/rng';
import { gaussianData, logistic } from './helpers';

/** A neighbourhood of 8 columns where y depends on columns 5 (strongly) and 2, and weakly on 7. */
function neighbourhood(binary: boolean) {
  const rng = createRng(51);
  const rows = 2000;
  const cols = 8;
  const data = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  const weights = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) data[r * cols + j] = binary ? (rng.next() < 0.3 ? 1 : 0) : rng.normal();
    if (r === 0) data.fill(1, 0, cols);
    y[r] = 3 * data[r * cols + 5] - 2 * data[r * cols + 2] + 0.3 * data[r * cols + 7] + 0.2 * rng.normal();
    weights[r] = 0.2 + rng.next();
  }
  const design = weightedDesign(data, rows, cols, weights);
  return { design, target: weightedTarget(design, y) };
}

describe('feature selection', () => {
  for (const binary of [true, false]) {
    const { design, target } = neighbourhood(binary);
    it(`forward_selection adds the true features first (${binary ? 'binary' : 'continuous'} data)`, () => {
      expect(selectFeatures(design, target, 3, 'forward_selection')).toEqual([5, 2, 7]);
      expect(selectFeatures(design, target, 2, 'auto')).toEqual([5, 2]);
    });
    it(`highest_weights, lasso_path and none (${binary ? 'binary' : 'continuous'} data)`, () => {
      expect(selectFeatures(design, target, 2, 'highest_weights')).toEqual([5, 2]);
      expect(selectFeatures(design, target, 2, 'lasso_path')).toEqual([2, 5]);
      expect(selectFeatures(design, target, 3, 'lasso_path')).toEqual([2, 5, 7]);
      expect(selectFeatures(design, target, 2, 'none')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(selectFeatures(design, target, 7, 'auto')).toEqual(
        selectFeatures(design, target, 7, 'highest_weights'),
      );
      expect(selectFeatures(design, target, 6, 'auto')).toEqual(
        selectFeatures(design, target, 6, 'forward_selection'),
      );
    });
  }

  it('lasso path satisfies the KKT conditions at every breakpoint', () => {
    const { design, target } = neighbourhood(false);
    const p = design.cols;
    const n = design.rows;
    const { alphas, coefs } = larsLassoPath(design.cov, target.xy, p, n);
    expect(coefs[0].every((c) => c === 0)).toBe(true);
    expect(alphas.length).toBe(coefs.length);
    for (let i = 0; i < coefs.length; i++) {
      const lambda = alphas[i] * n;
      for (let j = 0; j < p; j++) {
        let c = target.xy[j];
        for (let k = 0; k < p; k++) c -= design.cov[j * p + k] * coefs[i][k];
        if (coefs[i][j] !== 0) expect(c).toBeCloseTo(Math.sign(coefs[i][j]) * lambda, 6);
        else expect(Math.abs(c)).toBeLessThanOrEqual(lambda + 1e-6);
      }
      if (i > 0) expect(alphas[i]).toBeLessThan(alphas[i - 1]);
    }
    // The least regularized end of the path is the least-squares fit: X'(y − Xβ) = 0.
    const last = coefs[coefs.length - 1];
    expect(last.filter((c) => c !== 0)).toHaveLength(p);
  });

  it('every method returns numFeatures features in an explanation', async () => {
    const X = gaussianData(400, 10, 52);
    const predict = (rows: number[][]) =>
      rows.map((r) => {
        const p = logistic(2 * r[0] - 1.5 * r[4] + r[7]);
        return [1 - p, p];
      });
    const methods: FeatureSelectionMethod[] = ['auto', 'forward_selection', 'highest_weights', 'lasso_path'];
    for (const featureSelection of methods) {
      for (const discretizeContinuous of [true, false]) {
        const explainer = new LimeTabularExplainer(X, {
          featureSelection,
          discretizeContinuous,
          randomState: 1,
        });
        const e = await explainer.explainInstance(X[0], predict, { numFeatures: 4, numSamples: 2000 });
        const features = e.asMap()[1].map(([f]) => f);
        expect(features).toHaveLength(4);
        expect(new Set(features.slice(0, 3))).toEqual(new Set([0, 4, 7]));
      }
    }
    const all = await new LimeTabularExplainer(X, { featureSelection: 'none' }).explainInstance(
      X[0],
      predict,
      { numFeatures: 4 },
    );
    expect(all.asMap()[1]).toHaveLength(10);
    expect(
      () => new LimeTabularExplainer(X, { featureSelection: 'lasso' as FeatureSelectionMethod }),
    ).toThrow(/featureSelection/);
  });
});
