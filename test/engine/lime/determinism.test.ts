import { describe, expect, it } from 'vitest';
import { LimeTabularExplainer } from '../../../src-main/engine/lime/limeTabularExplainer';
import { gaussianData, logistic } from './helpers';

const X = gaussianData(500, 6, 21);
const predict = (rows: number[][]) =>
  rows.map((r) => {
    const p = logistic(2 * r[0] - r[1] + 0.5 * r[2] * r[3]);
    return [1 - p, p];
  });

describe('seeded explanations', () => {
  for (const options of [{}, { discretizeContinuous: false }, { discretizer: 'decile' as const }]) {
    it(`same randomState → identical explanation, another → a different one (${JSON.stringify(options)})`, async () => {
      const a = await new LimeTabularExplainer(X, { randomState: 7, ...options }).explainInstance(
        X[3],
        predict,
      );
      const b = await new LimeTabularExplainer(X, { randomState: 7, ...options }).explainInstance(
        X[3],
        predict,
      );
      const c = await new LimeTabularExplainer(X, { randomState: 8, ...options }).explainInstance(
        X[3],
        predict,
      );
      expect(b.asList(1)).toEqual(a.asList(1));
      expect(b.intercept).toEqual(a.intercept);
      expect(b.score).toEqual(a.score);
      expect(b.localPred).toEqual(a.localPred);
      expect(c.asList(1)).not.toEqual(a.asList(1));
      expect(c.intercept[1]).not.toBe(a.intercept[1]);
    });
  }

  it('does not depend on earlier calls on the same explainer', async () => {
    const explainer = new LimeTabularExplainer(X, { randomState: 7 });
    const first = await explainer.explainInstance(X[3], predict);
    await explainer.explainInstance(X[10], predict);
    const again = await explainer.explainInstance(X[3], predict);
    expect(again.toJSON()).toEqual(first.toJSON());
  });

  it('gives the same results when calls on one explainer overlap (no shared buffers in use)', async () => {
    const explainer = new LimeTabularExplainer(X, { randomState: 7 });
    const slow = async (rows: number[][]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return predict(rows);
    };
    const [a, b] = await Promise.all([
      explainer.explainInstance(X[3], slow),
      explainer.explainInstance(X[10], slow),
    ]);
    expect(a.toJSON()).toEqual((await explainer.explainInstance(X[3], predict)).toJSON());
    expect(b.toJSON()).toEqual((await explainer.explainInstance(X[10], predict)).toJSON());
  });

  it('feeds the model the same neighbourhood for the same seed, with the instance first', async () => {
    const seen: number[][][] = [];
    const record = (rows: number[][]) => {
      seen.push(rows);
      return predict(rows);
    };
    await new LimeTabularExplainer(X, { randomState: 1 }).explainInstance(X[3], record, { numSamples: 300 });
    await new LimeTabularExplainer(X, { randomState: 1 }).explainInstance(X[3], record, { numSamples: 300 });
    expect(seen[0]).toHaveLength(300);
    expect(seen[0][0]).toEqual(X[3]);
    expect(seen[1]).toEqual(seen[0]);
  });
});
