import { describe, expect, it } from 'vitest';
import { featuresPerSplit, resolveForestOptions } from '../../../src-main/engine/forest/options';
import type { ForestOptions } from '../../../src-main/engine/forest/options';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { RandomForestRegressor } from '../../../src-main/engine/forest/RandomForestRegressor';

describe('forest options', () => {
  it('defaults follow scikit-learn: 100 trees, sqrt (classifier) / all (regressor), bootstrap, seed 42', () => {
    const c = new RandomForestClassifier().options;
    expect(c).toEqual({
      nEstimators: 100,
      maxFeatures: 'sqrt',
      replacement: true,
      useSampleBagging: true,
      maxSamples: null,
      seed: 42,
      maxDepth: null,
      minSamplesLeaf: 1,
      minSamplesSplit: 2,
    });
    expect(new RandomForestRegressor().options.maxFeatures).toBe(1);
  });

  it('features per split: sqrt(30)=5, log2(30)=4, 0.5→15, 1→all, 7→7', () => {
    expect(featuresPerSplit('sqrt', 30)).toBe(5);
    expect(featuresPerSplit('log2', 30)).toBe(4);
    expect(featuresPerSplit(0.5, 30)).toBe(15);
    expect(featuresPerSplit(1, 30)).toBe(30);
    expect(featuresPerSplit('all', 30)).toBe(30);
    expect(featuresPerSplit(7, 30)).toBe(7);
    expect(featuresPerSplit(0.01, 30)).toBe(1);
    expect(featuresPerSplit('sqrt', 4)).toBe(2);
  });

  it('maps ml-cart treeOptions: minNumSamples n → minSamplesSplit n + 1; top-level wins', () => {
    const r = resolveForestOptions(
      { treeOptions: { minNumSamples: 3, maxDepth: 6 } },
      { maxFeatures: 'sqrt' },
    );
    expect(r.minSamplesSplit).toBe(4);
    expect(r.maxDepth).toBe(6);
    const top = resolveForestOptions(
      { maxDepth: 2, minSamplesSplit: 9, treeOptions: { minNumSamples: 3, maxDepth: 6 } },
      { maxFeatures: 'sqrt' },
    );
    expect([top.maxDepth, top.minSamplesSplit]).toEqual([2, 9]);
    expect(resolveForestOptions({ maxDepth: Infinity }, { maxFeatures: 'sqrt' }).maxDepth).toBeNull();
  });

  const bad: [ForestOptions, RegExp][] = [
    [{ nEstimators: 0 }, /nEstimators/],
    [{ nEstimators: 2.5 }, /nEstimators/],
    [{ maxFeatures: 'half' as unknown as number }, /maxFeatures/],
    [{ maxFeatures: 0 }, /maxFeatures/],
    [{ maxFeatures: 1.5 }, /maxFeatures/],
    [{ maxFeatures: -3 }, /maxFeatures/],
    [{ maxDepth: 0 }, /maxDepth/],
    [{ maxDepth: 2.5 }, /maxDepth/],
    [{ minSamplesLeaf: 0 }, /minSamplesLeaf/],
    [{ minSamplesSplit: 1 }, /minSamplesSplit/],
    [{ replacement: 'yes' as unknown as boolean }, /replacement/],
    [{ useSampleBagging: 1 as unknown as boolean }, /useSampleBagging/],
    [{ seed: NaN }, /seed/],
    [{ maxSamples: 1.5 }, /maxSamples/],
    [{ treeOptions: { minNumSamples: -1 } }, /treeOptions.minNumSamples/],
    [{ treeOptions: { maxDepth: -2 } }, /treeOptions.maxDepth/],
  ];
  it.each(bad)('rejects %j with a RangeError naming the option', (options, name) => {
    expect(() => new RandomForestClassifier(options)).toThrow(RangeError);
    expect(() => new RandomForestClassifier(options)).toThrow(name);
  });

  it('rejects at train time what depends on the data', () => {
    const X = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    expect(() => new RandomForestClassifier({ maxFeatures: 3 }).train(X, [0, 1, 0])).toThrow(
      /maxFeatures is 3/,
    );
    expect(() => new RandomForestClassifier({ maxSamples: 5 }).train(X, [0, 1, 0])).toThrow(
      /maxSamples is 5/,
    );
    expect(() => new RandomForestClassifier().train(X, [0, 1])).toThrow(/y has 2 values/);
    expect(() => new RandomForestClassifier().train(X, [0, 0.5, 1])).toThrow(/class indices/);
    expect(() => new RandomForestClassifier().train([[1], [NaN]], [0, 1])).toThrow(/X\[1\]\[0\]/);
    expect(() => new RandomForestRegressor().train(X, [1, 2, Infinity])).toThrow(/finite/);
    expect(() => new RandomForestClassifier().predict(X)).toThrow(/not trained/);
    const model = new RandomForestClassifier({ nEstimators: 2 }).train(X, [0, 1, 0]);
    expect(() => model.predict([[1, 2, 3]])).toThrow(/trained on 2/);
  });
});
