import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src-main/engine';
import { averagePrecision, rocAuc, rocCurve } from '../../../src-main/engine/metrics/rankingCurves';
import { evaluate } from '../../../src-main/engine/pipeline/evaluate';

/** 400 rows, 3 classes, probabilities on a 0.05 grid: many ties within and across classes. */
function tiedProblem() {
  const rng = createRng(17);
  const yTrue: number[] = [];
  const outputs: number[][] = [];
  for (let i = 0; i < 400; i++) {
    const y = Math.floor(rng.next() * 3);
    const a = Math.round(rng.next() * 10) / 20;
    const b = Math.round(rng.next() * (20 - a * 20)) / 20;
    const p = [a, b, 1 - a - b];
    p[y] = Math.min(1, p[y] + 0.1);
    yTrue.push(y);
    outputs.push(p);
  }
  const predictions = outputs.map((p) => p.indexOf(Math.max(...p)));
  return { yTrue, outputs, predictions };
}

describe('evaluate: one ranking per class', () => {
  it('gives the standalone AUC and average precision of every class, and the macro AUC', () => {
    const { yTrue, outputs, predictions } = tiedProblem();
    const m = evaluate({ task: 'classification', classes: ['a', 'b', 'c'] }, yTrue, outputs, predictions);
    if (m.task !== 'classification') throw new Error('classification expected');
    for (let c = 0; c < 3; c++) {
      const scores = outputs.map((p) => p[c]);
      const oneVsRest = yTrue.map((y) => (y === c ? 1 : 0));
      expect(m.roc[c].auc).toBe(rocAuc(oneVsRest, scores));
      expect(m.pr[c].averagePrecision).toBe(averagePrecision(yTrue, scores, { positiveLabel: c }));
    }
    expect(m.rocAuc).toBe(rocAuc(yTrue, outputs));
    expect(m.rocAuc).toBeGreaterThan(0.6);
  });

  it('counts at each distinct score the rows scored at or above it (brute force)', () => {
    const { yTrue, outputs } = tiedProblem();
    const scores = outputs.map((p) => p[1]);
    const { fpr, tpr, thresholds } = rocCurve(yTrue, scores, { positiveLabel: 1 });
    const P = yTrue.filter((y) => y === 1).length;
    const N = yTrue.length - P;
    const distinct = [...new Set(scores)].sort((a, b) => b - a);
    expect(thresholds).toEqual([Infinity, ...distinct]);
    distinct.forEach((t, i) => {
      const tp = yTrue.filter((y, r) => y === 1 && scores[r] >= t).length;
      const fp = yTrue.filter((y, r) => y !== 1 && scores[r] >= t).length;
      expect([tpr[i + 1], fpr[i + 1]]).toEqual([tp / P, fp / N]);
    });
  });
});
