import { describe, expect, it } from 'vitest';
import { LimeTabularExplainer } from '../../../src-main/engine/lime/limeTabularExplainer';
import { columnStats, gaussianData } from './helpers';

const X = gaussianData(1000, 4, 31).map((r) => [3 * r[0] + 1, 0.5 * r[1], r[2], r[3]]);
const { sd } = columnStats(X);
const model = (r: readonly number[]) => 2 * r[0] - r[1];
const predict = (rows: number[][]) => rows.map(model);
const names = ['x0', 'x1', 'x2', 'x3'];

describe('regression mode, y = 2·x0 − x1', () => {
  it('continuous: recovers 2·sd0 and −sd1 per standard deviation with R² ≈ 1', async () => {
    const explainer = new LimeTabularExplainer(X, {
      mode: 'regression',
      featureNames: names,
      discretizeContinuous: false,
    });
    const row = [1.5, -0.2, 0.3, 0.1];
    const e = await explainer.explainInstance(row, predict, { numFeatures: 4 });
    const w = new Map(e.asList());
    // Ridge(alpha = 1) shrinks by ~alpha / Σw·s² ≈ 1e-3 at this sample size.
    expect(w.get('x0')! / (2 * sd[0])).toBeCloseTo(1, 2);
    expect(w.get('x1')! / -sd[1]).toBeCloseTo(1, 2);
    expect(Math.abs(w.get('x2')!)).toBeLessThan(1e-2);
    expect(e.asList()[0][0]).toBe('x0');
    expect(e.score[0]).toBeGreaterThan(0.999);
    expect(e.localPred[0]).toBeCloseTo(model(row), 1);
    expect(e.predictedValue).toBe(model(row));
    expect(e.minValue!).toBeLessThan(e.predictedValue!);
    expect(e.maxValue!).toBeGreaterThan(e.predictedValue!);
    expect(e.predictProba).toBeNull();
    expect(e.classNames).toEqual(['negative', 'positive']);
  });

  it('stores the fit under label 1 and its negation under label 0, as the reference', async () => {
    const explainer = new LimeTabularExplainer(X, { mode: 'regression', featureNames: names });
    const e = await explainer.explainInstance([6, 1, 0, 0], predict, { numFeatures: 3, labels: [5] });
    const map = e.asMap();
    expect(map[1].map(([f, w]) => [f, -w])).toEqual(map[0]);
    expect(e.intercept[1]).toBe(e.intercept[0]);
    expect(e.asList(0)).toEqual(e.asList(1));
    // x0 = 6 is in x0's top quartile (raises y), x1 = 1 in x1's top quartile (lowers y).
    const [first, second] = e.asList();
    expect(first[0]).toMatch(/^x0 > /);
    expect(first[1]).toBeGreaterThan(0);
    expect(second[0]).toMatch(/^x1 > /);
    expect(second[1]).toBeLessThan(0);
  });

  it('accepts rows × 1 output and rejects several values per row', async () => {
    const explainer = new LimeTabularExplainer(X, { mode: 'regression' });
    const e = await explainer.explainInstance(X[0], (rows) => rows.map((r) => [model(r)]), {
      numSamples: 200,
    });
    expect(e.predictedValue).toBe(model(X[0]));
    await expect(
      explainer.explainInstance(X[0], (rows) => rows.map(() => [1, 2]), { numSamples: 200 }),
    ).rejects.toThrow(/one finite number per row/);
  });
});
