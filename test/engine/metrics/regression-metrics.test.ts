import { describe, expect, it } from 'vitest';
import { mae, r2, residuals, rmse } from '../../../src-main/engine/metrics/regressionMetrics';

// scikit-learn's documentation example.
const yTrue = [3, -0.5, 2, 7];
const yPred = [2.5, 0, 2, 8];

describe('regression metrics', () => {
  it('R² = 1 − 1.5 / 29.1875', () => {
    expect(r2(yTrue, yPred)).toBeCloseTo(0.9486081370449679, 14);
  });

  it('MAE, RMSE and residuals', () => {
    expect(mae(yTrue, yPred)).toBe(0.5);
    expect(rmse(yTrue, yPred)).toBeCloseTo(Math.sqrt(0.375), 15);
    expect(residuals(yTrue, yPred)).toEqual([0.5, -0.5, 0, -1]);
  });

  it('predicting the mean scores R² 0; a constant target scores 1 only when hit exactly', () => {
    expect(r2([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(r2([4, 4], [4, 4])).toBe(1);
    expect(r2([4, 4], [4, 5])).toBe(0);
  });
});
