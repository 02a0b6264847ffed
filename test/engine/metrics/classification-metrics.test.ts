import { describe, expect, it } from 'vitest';
import {
  accuracy,
  balancedAccuracy,
  confusionMatrix,
  perClassMetrics,
} from '../../../src-main/engine/metrics/classificationMetrics';

// Hand-worked: actual [0,0,1,1,1,2], predicted [0,1,1,1,2,2].
const yTrue = [0, 0, 1, 1, 1, 2];
const yPred = [0, 1, 1, 1, 2, 2];

describe('classification metrics', () => {
  it('confusion matrix is actual × predicted', () => {
    expect(confusionMatrix(yTrue, yPred)).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [0, 0, 1],
    ]);
    // An absent class still gets its row and column when nClasses says so.
    expect(confusionMatrix([0, 1], [1, 1], 3)).toEqual([
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
  });

  it('accuracy and balanced accuracy', () => {
    expect(accuracy(yTrue, yPred)).toBeCloseTo(4 / 6, 15);
    // recalls 1/2, 2/3, 1 → mean 0.7222… (scikit-learn: 0.7222222222222222)
    expect(balancedAccuracy(yTrue, yPred)).toBeCloseTo((0.5 + 2 / 3 + 1) / 3, 15);
  });

  it('per-class precision, recall, F1 and support', () => {
    const m = perClassMetrics(yTrue, yPred);
    expect(m.map((s) => s.support)).toEqual([2, 3, 1]);
    expect(m[0].precision).toBe(1);
    expect(m[0].recall).toBe(0.5);
    expect(m[0].f1).toBeCloseTo(2 / 3, 15);
    expect(m[1].precision).toBeCloseTo(2 / 3, 15);
    expect(m[1].recall).toBeCloseTo(2 / 3, 15);
    expect(m[2].precision).toBe(0.5);
    expect(m[2].recall).toBe(1);
    expect(m[2].f1).toBeCloseTo(2 / 3, 15);
  });

  it('a class never predicted has precision 0 (zero_division=0), not NaN', () => {
    const m = perClassMetrics([0, 1, 1], [0, 0, 0]);
    expect(m[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 2 });
    expect(m[0].precision).toBeCloseTo(1 / 3, 15);
  });

  it('rejects mismatched lengths', () => {
    expect(() => accuracy([0, 1], [0])).toThrow(RangeError);
  });
});
