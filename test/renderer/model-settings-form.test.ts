import { describe, expect, it } from 'vitest';
import {
  autoKernelWidth,
  defaultLimeForm,
  defaultModelForm,
  parseLimeForm,
  parseModelForm,
  parseNumber,
} from '../../src-renderer/src/lib/settings';

const selection = { target: 'diagnosis', task: 'classification' as const, features: ['a', 'b'] };

describe('model settings form', () => {
  it('defaults to 100 trees, no depth limit, sqrt, leaf 1, 20 % test, seed 42, no CV', () => {
    const parsed = parseModelForm(defaultModelForm(), selection);
    expect(parsed).toEqual({
      ok: true,
      value: {
        target: 'diagnosis',
        task: 'classification',
        features: ['a', 'b'],
        nEstimators: 100,
        maxDepth: null,
        maxFeatures: 'sqrt',
        minSamplesLeaf: 1,
        testFraction: 0.2,
        seed: 42,
        kFolds: 0,
      },
    });
  });

  it('uses all features per split by default for regression', () => {
    expect(defaultModelForm('regression').maxFeaturesMode).toBe('all');
  });

  it('accepts strings from inputs, a decimal comma, a fraction or a count of features', () => {
    const form = {
      ...defaultModelForm(),
      nEstimators: '250',
      maxDepth: ' 8 ',
      testFraction: '0,25',
      kFolds: 5 as const,
    };
    const fraction = parseModelForm(
      { ...form, maxFeaturesMode: 'number', maxFeaturesValue: '0.5' },
      selection,
    );
    expect(fraction.ok && fraction.value).toMatchObject({
      nEstimators: 250,
      maxDepth: 8,
      testFraction: 0.25,
      maxFeatures: 0.5,
      kFolds: 5,
    });
    const count = parseModelForm({ ...form, maxFeaturesMode: 'number', maxFeaturesValue: 7 }, selection);
    expect(count.ok && count.value.maxFeatures).toBe(7);
  });

  it('names each invalid field with its message', () => {
    const parsed = parseModelForm(
      {
        ...defaultModelForm(),
        nEstimators: 0,
        maxDepth: '2.5',
        maxFeaturesMode: 'number',
        maxFeaturesValue: 1.5,
        minSamplesLeaf: '',
        testFraction: 0.6,
        seed: -1,
      },
      { ...selection, features: [] },
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        nEstimators: 'model.invalid.trees',
        maxDepth: 'model.invalid.maxDepth',
        maxFeatures: 'model.invalid.maxFeatures',
        minSamplesLeaf: 'model.invalid.minSamplesLeaf',
        testFraction: 'model.invalid.testFraction',
        seed: 'model.invalid.seed',
        features: 'model.invalid.features',
      },
    });
  });

  it('keeps the exact boundaries', () => {
    const ok = (over: Partial<ReturnType<typeof defaultModelForm>>): boolean =>
      parseModelForm({ ...defaultModelForm(), ...over }, selection).ok;
    expect(ok({ nEstimators: 1 })).toBe(true);
    expect(ok({ nEstimators: 2000 })).toBe(true);
    expect(ok({ nEstimators: 2001 })).toBe(false);
    expect(ok({ testFraction: 0.05 })).toBe(true);
    expect(ok({ testFraction: 0.5 })).toBe(true);
    expect(ok({ testFraction: 0.049 })).toBe(false);
    expect(ok({ maxFeaturesMode: 'number', maxFeaturesValue: 1 })).toBe(true);
    expect(ok({ maxFeaturesMode: 'number', maxFeaturesValue: 0 })).toBe(false);
    expect(ok({ seed: 0 })).toBe(true);
  });
});

describe('parseNumber', () => {
  it('rejects text a plain Number() would accept', () => {
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('0x10')).toBeNaN();
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber(null)).toBeNaN();
    expect(parseNumber('12abc')).toBeNaN();
  });
});

describe('LIME settings form', () => {
  it('defaults to 8 features, 5000 samples, automatic kernel width, quartiles, seed 42', () => {
    expect(parseLimeForm(defaultLimeForm(), 30)).toEqual({
      ok: true,
      value: { numFeatures: 8, numSamples: 5000, kernelWidth: null, discretizer: 'quartile', seed: 42 },
    });
  });

  it('maps "none" to no discretizer and a custom width to a number', () => {
    const parsed = parseLimeForm(
      { ...defaultLimeForm(), discretizer: 'none', kernelMode: 'custom', kernelWidth: '2,5' },
      30,
    );
    expect(parsed.ok && parsed.value).toMatchObject({ discretizer: null, kernelWidth: 2.5 });
  });

  it('caps the number of features at the model feature count', () => {
    expect(parseLimeForm({ ...defaultLimeForm(), numFeatures: 4 }, 4).ok).toBe(true);
    expect(parseLimeForm({ ...defaultLimeForm(), numFeatures: 5 }, 4)).toEqual({
      ok: false,
      errors: { numFeatures: 'lime.invalid.numFeatures' },
    });
    expect(
      parseLimeForm(
        { ...defaultLimeForm(), numSamples: 99, kernelMode: 'custom', kernelWidth: 0, seed: 'x' },
        30,
      ),
    ).toEqual({
      ok: false,
      errors: {
        numSamples: 'lime.invalid.numSamples',
        kernelWidth: 'lime.invalid.kernelWidth',
        seed: 'lime.invalid.seed',
      },
    });
  });

  it('computes the reference default kernel width 0.75·√d', () => {
    expect(autoKernelWidth(30)).toBeCloseTo(4.107919181288746, 12);
    expect(autoKernelWidth(4)).toBe(1.5);
  });
});
