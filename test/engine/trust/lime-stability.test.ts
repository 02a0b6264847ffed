import { beforeAll, describe, expect, it } from 'vitest';
import type { RandomForestClassifier } from '../../../src-main/engine';
import {
  DEFAULT_LIME_SETTINGS,
  STABLE_JACCARD,
  explainerFor,
  jaccard,
  limeStability,
  stabilitySeeds,
  summarizeStability,
  type TrainedModel,
} from '../../../src-main/engine';
import { trainSample } from './breastCancerModel';

describe('summarizeStability on hand-made runs', () => {
  const runs = [
    {
      seed: 1,
      weights: [
        [0, 0.5],
        [1, -0.3],
        [2, 0.2],
        [3, 0.1],
      ] as [number, number][],
      score: 0.6,
    },
    {
      seed: 2,
      weights: [
        [0, 0.3],
        [2, 0.25],
        [1, -0.2],
        [4, 0.05],
      ] as [number, number][],
      score: 0.4,
    },
    {
      seed: 3,
      weights: [
        [0, 0.4],
        [3, 0.35],
        [1, -0.1],
        [2, 0.01],
      ] as [number, number][],
      score: 0.5,
    },
  ];

  it('gives mean, population SD, min, max (absent = 0) and top-K frequency per feature', () => {
    const s = summarizeStability(runs, 2);
    expect(s.features.map((f) => f.feature)).toEqual([0, 1, 2, 3, 4]);
    const [f0, f1, f2, f3, f4] = s.features;
    expect(f0.mean).toBeCloseTo(0.4, 12);
    expect(f0.std).toBeCloseTo(Math.sqrt(0.02 / 3), 12);
    expect([f0.min, f0.max]).toEqual([0.3, 0.5]);
    expect(f0.topKFrequency).toBe(1);
    expect(f1.mean).toBeCloseTo(-0.2, 12);
    expect(f1.topKFrequency).toBeCloseTo(1 / 3, 12);
    expect(f2.topKFrequency).toBeCloseTo(1 / 3, 12);
    expect(f3.mean).toBeCloseTo(0.15, 12);
    expect([f3.min, f3.max]).toEqual([0, 0.35]);
    expect(f3.selectedFrequency).toBeCloseTo(2 / 3, 12);
    expect(f4.mean).toBeCloseTo(0.05 / 3, 12);
    // Top-2 sets {0,1}, {0,2}, {0,3}: every pair shares 1 of 3 → Jaccard 1/3.
    expect(s.jaccard).toBeCloseTo(1 / 3, 12);
    expect(s.meanScore).toBeCloseTo(0.5, 12);
    expect(s.stable).toBe(false);
  });

  it('Jaccard: {1,2,3} vs {1,2,4} is 2/4; identical sets 1; the threshold is 0.8', () => {
    expect(jaccard(new Set([1, 2, 3]), new Set([1, 2, 4]))).toBe(0.5);
    expect(jaccard(new Set([1, 2]), new Set([2, 1]))).toBe(1);
    expect(STABLE_JACCARD).toBe(0.8);
  });
});

describe('limeStability on breast cancer (100 trees, quartile LIME, 8 features, seeds 0–9)', () => {
  let model: TrainedModel;
  let forest: RandomForestClassifier;
  // Test row 16: the forest gives it probability 1 of malignant.
  const CASE = 16;
  const predictor = () => ({
    predictFlat: (x: Float64Array, n: number, d: number) => forest.predictProbaFlat(x, n, d),
  });
  beforeAll(() => {
    model = trainSample('breast_cancer.csv', 'diagnosis').model;
    forest = model.forest as RandomForestClassifier;
  });
  const memo = new Map<number, ReturnType<typeof limeStability>>();
  const run = (numSamples: number) => {
    if (!memo.has(numSamples)) memo.set(numSamples, fresh(numSamples));
    return memo.get(numSamples)!;
  };
  const fresh = (numSamples: number) =>
    limeStability(explainerFor(model, DEFAULT_LIME_SETTINGS), model.xTest[CASE], predictor(), {
      seeds: stabilitySeeds(0, 10),
      numFeatures: 8,
      numSamples,
    });

  it('the case is a confident malignant prediction', () => {
    expect(forest.predictProba([model.xTest[CASE]])[0][model.frame.classes.indexOf('malignant')]).toBe(1);
  });

  it('5000 samples: the same top 3 in all 10 runs (worst area, worst concave points, worst radius), stable', async () => {
    const s = await run(5000);
    expect(s.label).toBe(model.frame.classes.indexOf('malignant'));
    expect(s.topK).toBe(3);
    expect(s.jaccard).toBe(1);
    expect(s.stable).toBe(true);
    const top = s.features.slice(0, 3);
    expect(top.map((f) => model.frame.featureNames[f.feature])).toEqual([
      'worst area',
      'worst concave points',
      'worst radius',
    ]);
    for (const f of top) {
      expect(f.topKFrequency).toBe(1);
      expect(f.std).toBeLessThan(0.005);
      expect(f.min).toBeGreaterThan(0.1);
    }
    expect(s.meanScore).toBeCloseTo(0.562, 2);
  });

  it('200 samples: the top 3 changes between runs (Jaccard ≈ 0.73 < 0.8), flagged unstable, wider spread', async () => {
    const [small, large] = [await run(200), await run(5000)];
    expect(small.stable).toBe(false);
    expect(small.jaccard).toBeCloseTo(0.733, 3);
    expect(small.jaccard).toBeLessThan(large.jaccard);
    const sd = (s: typeof small, name: string) =>
      s.features.find((f) => model.frame.featureNames[f.feature] === name)!.std;
    expect(sd(small, 'worst area')).toBeGreaterThan(3 * sd(large, 'worst area'));
  });

  it('is reproducible: the same seed list gives identical figures; another list gives other figures', async () => {
    const a = await run(1000);
    const b = await fresh(1000);
    expect(b).toEqual(a);
    const c = await limeStability(
      explainerFor(model, DEFAULT_LIME_SETTINGS),
      model.xTest[CASE],
      predictor(),
      {
        seeds: stabilitySeeds(100, 10),
        numFeatures: 8,
        numSamples: 1000,
      },
    );
    expect(c.features[0].mean).not.toBe(a.features[0].mean);
  });

  it('a run with a seed equals the ordinary explanation made with that seed', async () => {
    const s = await limeStability(
      explainerFor(model, DEFAULT_LIME_SETTINGS),
      model.xTest[CASE],
      predictor(),
      {
        seeds: [DEFAULT_LIME_SETTINGS.seed],
        numFeatures: 8,
        numSamples: 5000,
      },
    );
    const e = await explainerFor(model, DEFAULT_LIME_SETTINGS).explainInstance(
      model.xTest[CASE],
      predictor(),
      {
        labels: [s.label],
        numFeatures: 8,
        numSamples: 5000,
      },
    );
    const weights = new Map(e.localExp[s.label]);
    for (const f of s.features) expect(f.mean).toBe(weights.get(f.feature));
    expect(s.meanScore).toBe(e.score[s.label]);
  });

  it('rejects an empty or non-integer seed list', async () => {
    const ex = explainerFor(model, DEFAULT_LIME_SETTINGS);
    await expect(
      limeStability(ex, model.xTest[0], predictor(), { seeds: [], numFeatures: 8, numSamples: 100 }),
    ).rejects.toThrow(/seeds/);
    await expect(
      limeStability(ex, model.xTest[0], predictor(), { seeds: [1.5], numFeatures: 8, numSamples: 100 }),
    ).rejects.toThrow(/seeds/);
  });
});
