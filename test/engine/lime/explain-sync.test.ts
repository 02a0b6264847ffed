import { describe, expect, it } from 'vitest';
import { LimeTabularExplainer, type FlatPredictor } from '../../../src-main/engine/lime/limeTabularExplainer';
import { gaussianData, logistic } from './helpers';

const X = gaussianData(400, 5, 33);
const probabilities = (x: ArrayLike<number>, n: number, d: number) => {
  const out = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    out[2 * r + 1] = logistic(1.5 * x[r * d] - x[r * d + 2] + 0.4 * x[r * d + 3]);
    out[2 * r] = 1 - out[2 * r + 1];
  }
  return out;
};

describe('explainInstanceSync', () => {
  it('gives explainInstance’s explanation number for number, shared neighbourhood or not', async () => {
    const keyed: FlatPredictor = { predictFlat: probabilities, modelKey: {} };
    const plain: FlatPredictor = { predictFlat: probabilities };
    const options = { labels: [1], numFeatures: 3, numSamples: 2000 };
    const awaited = await new LimeTabularExplainer(X, { randomState: 4 }).explainInstance(
      X[7],
      plain,
      options,
    );
    const sync = new LimeTabularExplainer(X, { randomState: 4 });
    const first = sync.explainInstanceSync(X[12], keyed, options);
    // The second call reads the first one's neighbourhood (only row 0 predicted anew).
    const second = sync.explainInstanceSync(X[7], keyed, options);
    expect(second.toJSON()).toEqual(awaited.toJSON());
    expect(first.toJSON().localExp[1]).not.toEqual(second.toJSON().localExp[1]);
    // A plain function predictor (rows as arrays) goes the same way.
    const rows = (r: number[][]) => r.map((x) => Array.from(probabilities(x, 1, x.length)));
    const viaRows = new LimeTabularExplainer(X, { randomState: 4 }).explainInstanceSync(X[7], rows, options);
    expect(viaRows.toJSON().localExp).toEqual(awaited.toJSON().localExp);
    expect(viaRows.toJSON().intercept[1]).toBe(awaited.toJSON().intercept[1]);
  });

  it('refuses a model that answers with a promise, and leaves the explainer usable', async () => {
    const explainer = new LimeTabularExplainer(X, { randomState: 4 });
    const later: FlatPredictor = { predictFlat: (x, n, d) => Promise.resolve(probabilities(x, n, d)) };
    expect(() => explainer.explainInstanceSync(X[1], later, { labels: [1] })).toThrow(
      'explainInstanceSync needs a model that answers synchronously',
    );
    const again = await explainer.explainInstance(X[1], later, { labels: [1], numFeatures: 2 });
    expect(again.toJSON().localExp[1]).toHaveLength(2);
  });

  it('checks its arguments as explainInstance does', () => {
    const explainer = new LimeTabularExplainer(X);
    expect(() => explainer.explainInstanceSync([1, 2], { predictFlat: probabilities })).toThrow(
      'row has 2 values, expected 5',
    );
    expect(() =>
      explainer.explainInstanceSync(X[0], { predictFlat: probabilities }, { numSamples: 1 }),
    ).toThrow('numSamples must be an integer ≥ 2, got 1');
  });
});
