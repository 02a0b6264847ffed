import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LimeTabularExplainer } from '../../../src-main/engine';

// The flat sampling table is an optimization of the explainer's general sampling loop: both
// must produce the same neighbourhood, hence bit-identical explanations.
const lines = readFileSync(new URL('../../../assets/samples/breast_cancer.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1);
const X = lines.map((l) => l.split(',').slice(0, 30).map(Number));
const y = lines.map((l) => (l.endsWith('malignant') ? 1 : 0));
const model = (rows: number[][]) =>
  rows.map((r) => {
    const p = 1 / (1 + Math.exp(-(r[22] - 105) / 15 - (r[27] - 0.11) * 30));
    return [1 - p, p];
  });

function generalLoopOnly(explainer: LimeTabularExplainer): LimeTabularExplainer {
  // The table is built with the explainer; null makes the neighbourhood sampler take its general loop.
  (explainer as unknown as { frequencyTable: null }).frequencyTable = null;
  return explainer;
}

describe('frequency sampling table', () => {
  it.each(['quartile', 'decile', 'entropy'] as const)(
    'gives the same explanations as the general loop (%s)',
    async (discretizer) => {
      const options = { discretizer, trainingLabels: y, randomState: 11 };
      const fast = new LimeTabularExplainer(X, options);
      const slow = generalLoopOnly(new LimeTabularExplainer(X, options));
      for (const row of [X[0], X[100], X[400]]) {
        const a = await fast.explainInstance(row, model, { numFeatures: 6, numSamples: 1500 });
        const b = await slow.explainInstance(row, model, { numFeatures: 6, numSamples: 1500 });
        expect(a.toJSON()).toEqual(b.toJSON());
      }
      expect((fast as unknown as { frequencyTable: unknown }).frequencyTable).toBeTruthy();
    },
  );
});
