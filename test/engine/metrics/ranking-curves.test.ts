import { describe, expect, it } from 'vitest';
import { averagePrecision, prCurve, rocAuc, rocCurve } from '../../../src-main/engine/metrics/rankingCurves';

// Hand-worked example: sorted by score 0.8(+) 0.4(−) 0.35(+) 0.1(−).
const y = [0, 0, 1, 1];
const s = [0.1, 0.4, 0.35, 0.8];

describe('ROC', () => {
  it('curve has one point per distinct score, from (0,0) at threshold Infinity', () => {
    const c = rocCurve(y, s);
    expect(c.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(c.tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(c.thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });

  it('AUC of the example is 0.75', () => {
    expect(rocAuc(y, s)).toBeCloseTo(0.75, 15);
    // rows × 2 probabilities use column 1
    expect(
      rocAuc(
        y,
        s.map((p) => [1 - p, p]),
      ),
    ).toBeCloseTo(0.75, 15);
  });

  it('counts a tie between a positive and a negative as one half', () => {
    // pairs (+0.9,−0.5)=1 (+0.9,−0.2)=1 (+0.5,−0.5)=½ (+0.5,−0.2)=1 → 3.5/4
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBeCloseTo(0.875, 15);
    const c = rocCurve([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]);
    expect(c.fpr).toEqual([0, 0, 0.5, 1]);
    expect(c.tpr).toEqual([0, 0.5, 1, 1]);
  });

  it('10-row case with ties matches scikit-learn (AUC 0.68)', () => {
    const yy = [0, 0, 0, 1, 1, 0, 1, 1, 0, 1];
    const ss = [0.1, 0.2, 0.2, 0.2, 0.5, 0.5, 0.7, 0.9, 0.9, 0.3];
    const c = rocCurve(yy, ss);
    expect(c.fpr).toEqual([0, 0.2, 0.2, 0.4, 0.4, 0.8, 1]);
    expect(c.tpr).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1]);
    expect(rocAuc(yy, ss)).toBeCloseTo(0.68, 12);
    expect(averagePrecision(yy, ss)).toBeCloseTo(0.5977777777777777, 12);
  });

  it('dropIntermediate removes collinear points as scikit-learn does', () => {
    const c = rocCurve([1, 1, 0, 0], [0.9, 0.8, 0.3, 0.2], { dropIntermediate: true });
    expect(c.fpr).toEqual([0, 0, 0, 1]);
    expect(c.tpr).toEqual([0, 0.5, 1, 1]);
    expect(c.thresholds).toEqual([Infinity, 0.9, 0.8, 0.2]);
  });

  it('multi-class: macro mean of one-vs-rest AUCs', () => {
    const P = [
      [0.6, 0.3, 0.1],
      [0.2, 0.5, 0.3],
      [0.1, 0.3, 0.6],
      [0.3, 0.4, 0.3],
      [0.5, 0.2, 0.3],
      [0.2, 0.2, 0.6],
    ];
    // class 0: 7/8, class 1: 4.5/8 (one tie), class 2: 8/8 → 0.8125 (scikit-learn agrees)
    expect(rocAuc([0, 1, 2, 0, 1, 2], P)).toBeCloseTo(0.8125, 15);
  });

  it('is NaN when only one class is present', () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNaN();
  });
});

describe('precision–recall', () => {
  it('curve as scikit-learn: thresholds ascending, ending at recall 0, precision 1', () => {
    const c = prCurve(y, s);
    expect(c.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
    expect(c.recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(c.precision[0]).toBe(0.5);
    expect(c.precision[1]).toBeCloseTo(2 / 3, 15);
    expect(c.precision.slice(2)).toEqual([0.5, 1, 1]);
  });

  it('average precision is the step sum Σ ΔR·P = 0.5·1 + 0.5·2/3', () => {
    expect(averagePrecision(y, s)).toBeCloseTo(5 / 6, 15);
    expect(averagePrecision([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBeCloseTo(5 / 6, 15);
  });

  it('positiveLabel picks the class scored', () => {
    // scores of class 0 are 1 − s: ranking reversed
    expect(
      averagePrecision(
        y,
        s.map((v) => 1 - v),
        { positiveLabel: 0 },
      ),
    ).toBeCloseTo(5 / 6, 15);
  });
});
