import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src-main/engine/errors';
import { Explanation } from '../../../src-main/engine/lime/explanation';
import { LimeBase } from '../../../src-main/engine/lime/limeBase';
import {
  LimeTabularExplainer,
  type TrainingDataStats,
} from '../../../src-main/engine/lime/limeTabularExplainer';
import { exponentialKernel } from '../../../src-main/engine/lime/kernels';
import { gaussianData, logistic } from './helpers';

const X = gaussianData(600, 4, 61);
/** Three classes by softmax of linear scores. */
const softmax3 = (rows: number[][]) =>
  rows.map((r) => {
    const s = [2 * r[0], -2 * r[0] + r[1], 0.5 * r[2]].map(Math.exp);
    const t = s[0] + s[1] + s[2];
    return s.map((v) => v / t);
  });
const binary = (rows: number[][]) =>
  rows.map((r) => {
    const p = logistic(2 * r[0] - r[1]);
    return [1 - p, p];
  });

describe('Explanation', () => {
  it('lists conditions sorted by |weight| and maps labels to [feature, weight]', async () => {
    const row = [1.5, 0.1, 0, 0]; // f0 in its top quartile, where the model is most sensitive
    const e = await new LimeTabularExplainer(X, { featureNames: ['f0', 'f1', 'f2', 'f3'] }).explainInstance(
      row,
      binary,
      {
        numFeatures: 4,
      },
    );
    const list = e.asList(1);
    const abs = list.map(([, w]) => Math.abs(w));
    expect([...abs].sort((a, b) => b - a)).toEqual(abs);
    expect(list.map(([c]) => c)).toEqual(e.asMap()[1].map(([f]) => e.conditionName(f)));
    expect(list[0][0]).toMatch(/^f0 > /);
    expect(e.availableLabels()).toEqual([1]);
    expect(() => e.asList(0)).toThrow(/label 0 was not explained/);
    expect(e.predictProba).toEqual(binary([row])[0]);
  });

  it('survives structuredClone and JSON as plain data', async () => {
    const e = await new LimeTabularExplainer(X).explainInstance(X[5], softmax3, { labels: [0, 2] });
    const json = e.toJSON();
    const viaClone = Explanation.fromJSON(structuredClone(json));
    const viaText = Explanation.fromJSON(JSON.parse(JSON.stringify(json)));
    for (const copy of [viaClone, viaText]) {
      expect(copy.asList(0)).toEqual(e.asList(0));
      expect(copy.asList(2)).toEqual(e.asList(2));
      expect(copy.intercept).toEqual(e.intercept);
      expect(copy.score).toEqual(e.score);
      expect(copy.localPred).toEqual(e.localPred);
      expect(copy.predictProba).toEqual(e.predictProba);
    }
    expect(json.classNames).toEqual(['0', '1', '2']);
  });

  it('explains the most probable classes first with topLabels', async () => {
    const row = [1.5, 0, 0, 0];
    const proba = softmax3([row])[0];
    const order = [0, 1, 2].sort((a, b) => proba[b] - proba[a]);
    const e = await new LimeTabularExplainer(X, { classNames: ['x', 'y', 'z'] }).explainInstance(
      row,
      softmax3,
      { topLabels: 2 },
    );
    expect(e.topLabels).toEqual(order.slice(0, 2));
    expect(e.availableLabels()).toEqual(order.slice(0, 2));
    expect(Object.keys(e.asMap()).map(Number).sort()).toEqual(order.slice(0, 2).sort());
    expect(e.classNames).toEqual(['x', 'y', 'z']);
  });

  it('accepts an async predictFn and stops on an aborted signal', async () => {
    const explainer = new LimeTabularExplainer(X);
    const sync = await explainer.explainInstance(X[1], binary);
    const async = await explainer.explainInstance(X[1], async (rows) => binary(rows));
    expect(async.asList(1)).toEqual(sync.asList(1));
    const controller = new AbortController();
    controller.abort();
    await expect(
      explainer.explainInstance(X[1], binary, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(CancelledError);
  });

  it('gives the same explanation through a flat predictor (rows × features → rows × outputs)', async () => {
    const explainer = new LimeTabularExplainer(X, { randomState: 3 });
    const viaRows = await explainer.explainInstance(X[2], softmax3, { labels: [0, 1, 2] });
    const viaFlat = await explainer.explainInstance(
      X[2],
      {
        predictFlat: (x, rows, cols) => {
          const asRows = Array.from({ length: rows }, (_, r) =>
            Array.from(x.subarray(r * cols, (r + 1) * cols)),
          );
          return Float64Array.from(softmax3(asRows).flat());
        },
      },
      { labels: [0, 1, 2] },
    );
    expect(viaFlat.toJSON()).toEqual(viaRows.toJSON());
    await expect(explainer.explainInstance(X[2], { predictFlat: () => new Float64Array(7) })).rejects.toThrow(
      /rows × outputs/,
    );
  });

  it('uses a custom surrogate regressor', async () => {
    const explainer = new LimeTabularExplainer(X);
    const e = await explainer.explainInstance(X[1], binary, {
      numFeatures: 2,
      modelRegressor: { fit: (_x, _rows, cols) => ({ coef: new Array(cols).fill(0.25), intercept: 0.1 }) },
    });
    expect(e.asMap()[1].map(([, w]) => w)).toEqual([0.25, 0.25]);
    expect(e.intercept[1]).toBe(0.1);
    expect(e.localPred[1]).toBeCloseTo(0.6, 12); // all-ones binary row 0
  });
});

describe('validation', () => {
  const explainer = new LimeTabularExplainer(X);
  it('explains what is wrong with predictFn’s output', async () => {
    await expect(explainer.explainInstance(X[0], (rows) => rows.map(() => 1))).rejects.toThrow(
      /class probabilities/,
    );
    await expect(explainer.explainInstance(X[0], (rows) => rows.map(() => [0.2, 0.2]))).rejects.toThrow(
      /sum to 0.4/,
    );
    await expect(
      explainer.explainInstance(X[0], (rows) => rows.slice(1).map(() => [0.5, 0.5])),
    ).rejects.toThrow(/4999 rows for 5000 samples/);
    await expect(explainer.explainInstance(X[0], (rows) => rows.map(() => [NaN, 1]))).rejects.toThrow(/NaN/);
    await expect(explainer.explainInstance(X[0], binary, { labels: [2] })).rejects.toThrow(/labels: 2/);
    await expect(explainer.explainInstance(X[0], binary, { numSamples: 1 })).rejects.toThrow(/numSamples/);
    await expect(explainer.explainInstance([1, 2], binary)).rejects.toThrow(/2 values, expected 4/);
    await expect(
      new LimeTabularExplainer(X, { classNames: ['a', 'b', 'c'] }).explainInstance(X[0], binary),
    ).rejects.toThrow(/classNames has 3 names/);
  });

  it('names the option or the cell that is wrong in the training data', () => {
    expect(() => new LimeTabularExplainer([])).toThrow(/no rows/);
    expect(() => new LimeTabularExplainer([[1, NaN]])).toThrow(/row 0, column 1 is NaN/);
    expect(() => new LimeTabularExplainer(X, { featureNames: ['a'] })).toThrow(
      /featureNames has 1 names for 4 features/,
    );
    expect(() => new LimeTabularExplainer(X, { categoricalFeatures: [4] })).toThrow(/categoricalFeatures/);
    expect(() => new LimeTabularExplainer(X, { discretizer: 'median' as 'decile' })).toThrow(/discretizer/);
    expect(() => new LimeTabularExplainer(X, { mode: 'ranking' as 'regression' })).toThrow(/mode/);
  });
});

describe('supplied training statistics and LimeBase', () => {
  it('discretizes with trainingDataStats instead of the data (StatsDiscretizer)', async () => {
    const stats: TrainingDataStats = {
      bins: { 0: [0], 1: [0], 2: [0], 3: [0] },
      means: { 0: [-1, 1], 1: [-1, 1], 2: [-1, 1], 3: [-1, 1] },
      stds: { 0: [0.5, 0.5], 1: [0.5, 0.5], 2: [0.5, 0.5], 3: [0.5, 0.5] },
      mins: { 0: [-3, 0], 1: [-3, 0], 2: [-3, 0], 3: [-3, 0] },
      maxs: { 0: [0, 3], 1: [0, 3], 2: [0, 3], 3: [0, 3] },
      featureValues: { 0: [0, 1], 1: [0, 1], 2: [0, 1], 3: [0, 1] },
      featureFrequencies: { 0: [1, 3], 1: [1, 1], 2: [1, 1], 3: [1, 1] },
    };
    const explainer = new LimeTabularExplainer(X, {
      trainingDataStats: stats,
      featureNames: ['a', 'b', 'c', 'd'],
    });
    expect(Array.from(explainer.featureFrequencies[0])).toEqual([0.25, 0.75]);
    let sampled: number[][] = [];
    const e = await explainer.explainInstance([0.5, -0.5, 1, 1], (rows) => {
      sampled = rows;
      return binary(rows);
    });
    expect(e.asList(1)[0][0]).toBe('a > 0.00');
    expect(e.discretizedFeatureNames).toEqual(['a > 0.00', 'b <= 0.00', 'c > 0.00', 'd > 0.00']);
    const positive = sampled.slice(1).filter((r) => r[0] > 0).length / (sampled.length - 1);
    expect(Math.abs(positive - 0.75)).toBeLessThan(0.025);
    expect(sampled.slice(1).every((r) => r.every((v) => v >= -3 && v <= 3))).toBe(true);
  });

  it('LimeBase.explainInstanceWithData fits the weighted ridge on given data', () => {
    const data = [
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
      [1, 1],
    ];
    const labels = [[0.9], [0.7], [0.4], [0.2], [0.85]];
    const base = new LimeBase((d) => exponentialKernel(d, 1));
    const out = base.explainInstanceWithData(data, labels, [0, 1, 1, Math.SQRT2, 0], 0, 2, 'none');
    expect(out.exp.map(([f]) => f)).toEqual([0, 1]);
    expect(out.exp[0][1]).toBeGreaterThan(out.exp[1][1]);
    expect(out.localPred).toBeCloseTo(out.intercept + out.exp[0][1] + out.exp[1][1], 12);
  });
});
