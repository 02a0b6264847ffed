import { describe, expect, it } from 'vitest';
import {
  LimeTabularExplainer,
  type FlatPredictor,
  type LimeTabularOptions,
} from '../../../src-main/engine/lime/limeTabularExplainer';
import { gaussianData, logistic } from './helpers';

// Six features; the last one an integer code 0..3 where the options call it categorical.
const X = gaussianData(500, 6, 21).map((r) => [...r.slice(0, 5), Math.floor(Math.abs(r[5]) * 2) % 4]);
const score = (x: ArrayLike<number>, at: number) =>
  2 * x[at] - x[at + 1] + 0.5 * x[at + 2] * x[at + 3] + 0.3 * x[at + 5];

/** A deterministic model that counts the rows it is asked for; `key` stands for the model. */
function countingModel(mode: 'classification' | 'regression', key: object | undefined) {
  const calls: number[] = [];
  const predictor: FlatPredictor = {
    predictFlat(x, n, d) {
      calls.push(n);
      const out = new Float64Array(mode === 'classification' ? 2 * n : n);
      for (let r = 0; r < n; r++) {
        const z = score(x, r * d);
        if (mode === 'regression') out[r] = z;
        else {
          out[2 * r + 1] = logistic(z);
          out[2 * r] = 1 - out[2 * r + 1];
        }
      }
      return out;
    },
    ...(key && { modelKey: key }),
  };
  return { predictor, calls };
}

const CASES: [string, LimeTabularOptions][] = [
  ['quartile bins', {}],
  ['decile bins, a categorical feature', { discretizer: 'decile', categoricalFeatures: [5] }],
  [
    'Gaussian, a categorical feature (general sampler)',
    { discretizeContinuous: false, categoricalFeatures: [5] },
  ],
  ['regression, quartile bins', { mode: 'regression' }],
];

describe('a neighbourhood shared between instances', () => {
  for (const [name, options] of CASES) {
    it(`predicts only the instance after the first call, with the same explanation (${name})`, async () => {
      const mode = options.mode ?? 'classification';
      const model = countingModel(mode, {});
      const explainer = new LimeTabularExplainer(X, { randomState: 7, ...options });
      const labels = mode === 'classification' ? [1] : undefined;
      await explainer.explainInstance(X[3], model.predictor, { labels, numFeatures: 4 });
      const reused = await explainer.explainInstance(X[10], model.predictor, { labels, numFeatures: 4 });
      expect(model.calls).toEqual([5000, 1]);

      // A fresh explainer with a model it cannot key draws and predicts everything.
      const plain = countingModel(mode, undefined);
      const fresh = await new LimeTabularExplainer(X, { randomState: 7, ...options }).explainInstance(
        X[10],
        plain.predictor,
        { labels, numFeatures: 4 },
      );
      expect(plain.calls).toEqual([5000]);
      expect(reused.toJSON()).toEqual(fresh.toJSON());
      expect(reused.asList(mode === 'classification' ? 1 : 1)).toEqual(fresh.asList(1));
    });
  }

  it('prepareNeighbourhood predicts it up front, for that sample count only', async () => {
    const model = countingModel('classification', {});
    const explainer = new LimeTabularExplainer(X, { randomState: 7 });
    explainer.prepareNeighbourhood(model.predictor as FlatPredictor & { modelKey: object }, 2000);
    const prepared = await explainer.explainInstance(X[4], model.predictor, { numSamples: 2000 });
    await explainer.explainInstance(X[4], model.predictor, { numSamples: 3000 });
    expect(model.calls).toEqual([2000, 1, 3000]);
    const fresh = await new LimeTabularExplainer(X, { randomState: 7 }).explainInstance(
      X[4],
      countingModel('classification', undefined).predictor,
      { numSamples: 2000 },
    );
    expect(prepared.toJSON()).toEqual(fresh.toJSON());
  });

  it('keeps outputs per model, and not for other seeds or samples around the instance', async () => {
    const first = countingModel('classification', {});
    const second = countingModel('classification', {});
    const explainer = new LimeTabularExplainer(X, { randomState: 7 });
    await explainer.explainInstance(X[1], first.predictor);
    await explainer.explainInstance(X[2], second.predictor);
    await explainer.explainInstance(X[3], first.predictor);
    await explainer.explainInstance(X[3], first.predictor, { randomState: 8 });
    await explainer.explainInstance(X[3], first.predictor, { randomState: 8 });
    expect(first.calls).toEqual([5000, 1, 5000, 5000]);
    expect(second.calls).toEqual([5000]);

    const around = countingModel('classification', {});
    const gaussian = new LimeTabularExplainer(X, {
      randomState: 7,
      discretizeContinuous: false,
      sampleAroundInstance: true,
    });
    await gaussian.explainInstance(X[1], around.predictor);
    const second2 = await gaussian.explainInstance(X[2], around.predictor);
    expect(around.calls).toEqual([5000, 5000]);
    const fresh = await new LimeTabularExplainer(X, {
      randomState: 7,
      discretizeContinuous: false,
      sampleAroundInstance: true,
    }).explainInstance(X[2], around.predictor);
    expect(second2.toJSON()).toEqual(fresh.toJSON());
  });
});
