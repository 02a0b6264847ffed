import { describe, expect, it } from 'vitest';
import { fitWeightedRidge } from '../../../src-main/engine/lime/weightedRidge';

/** Solves a 3×3 system by Cramer's rule. */
function solve3(m: number[][], b: number[]): number[] {
  const det = (a: number[][]) =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
    a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
    a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  return [0, 1, 2].map((c) => det(m.map((row, i) => row.map((v, j) => (j === c ? b[i] : v)))) / d);
}

describe('weighted ridge with intercept (sklearn Ridge(alpha).fit(X, y, sample_weight))', () => {
  const X = [
    [1, 0],
    [0, 1],
    [1, 1],
    [2, 0.5],
    [0.5, -1],
  ];
  const y = [1.5, -0.5, 1.2, 3.1, 1.0];
  const w = [1, 0.5, 2, 0.25, 1.5];

  /** Closed form: minimize Σ w (y − b − xβ)² + alpha|β|², the intercept unpenalized: normal equations in (b, β). */
  function closedForm(alpha: number): { b: number; beta: number[] } {
    const Z = X.map((r) => [1, ...r]);
    const A = [0, 1, 2].map((i) =>
      [0, 1, 2].map((j) => Z.reduce((s, z, r) => s + w[r] * z[i] * z[j], 0) + (i === j && i > 0 ? alpha : 0)),
    );
    const rhs = [0, 1, 2].map((i) => Z.reduce((s, z, r) => s + w[r] * z[i] * y[r], 0));
    const [b, ...beta] = solve3(A, rhs);
    return { b, beta };
  }

  it('equals the closed-form solution for alpha = 1 and alpha = 0', () => {
    for (const alpha of [1, 0, 0.01]) {
      const expected = closedForm(alpha);
      const fit = fitWeightedRidge(X, y, w, alpha);
      expect(fit.intercept).toBeCloseTo(expected.b, 12);
      expect(fit.coef[0]).toBeCloseTo(expected.beta[0], 12);
      expect(fit.coef[1]).toBeCloseTo(expected.beta[1], 12);
    }
  });

  it('scores with the weighted R² (sklearn r2_score with sample_weight)', () => {
    const fit = fitWeightedRidge(X, y, w, 1);
    const W = w.reduce((a, b) => a + b, 0);
    const yBar = y.reduce((s, v, i) => s + w[i] * v, 0) / W;
    const pred = X.map((r) => fit.intercept + r[0] * fit.coef[0] + r[1] * fit.coef[1]);
    const ssRes = y.reduce((s, v, i) => s + w[i] * (v - pred[i]) ** 2, 0);
    const ssTot = y.reduce((s, v, i) => s + w[i] * (v - yBar) ** 2, 0);
    expect(fit.score).toBeCloseTo(1 - ssRes / ssTot, 12);
    expect(fit.score).toBeLessThan(1);
  });

  it('gives a constant column a zero coefficient when alpha = 0 (minimum-norm solution)', () => {
    const Xc = X.map((r) => [r[0], 1]);
    const fit = fitWeightedRidge(Xc, y, w, 0);
    const W = w.reduce((a, b) => a + b, 0);
    const xBar = X.reduce((s, r, i) => s + w[i] * r[0], 0) / W;
    const yBar = y.reduce((s, v, i) => s + w[i] * v, 0) / W;
    const slope =
      X.reduce((s, r, i) => s + w[i] * (r[0] - xBar) * (y[i] - yBar), 0) /
      X.reduce((s, r, i) => s + w[i] * (r[0] - xBar) ** 2, 0);
    expect(fit.coef[0]).toBeCloseTo(slope, 12);
    expect(fit.coef[1]).toBe(0);
    expect(fit.intercept).toBeCloseTo(yBar - slope * xBar, 12);
  });

  it('treats unit weights as plain ridge', () => {
    const a = fitWeightedRidge(X, y, undefined, 1);
    const b = fitWeightedRidge(X, y, [1, 1, 1, 1, 1], 1);
    expect(a).toEqual(b);
  });
});
