/** Saved settings back into the editable forms (the inverse of parseModelForm / parseLimeForm). */
import type { LimeSettingsDTO, ModelSettingsDTO } from '../contract';
import { defaultLimeForm, defaultModelForm, type LimeForm, type ModelForm } from './settings';

export function modelFormFrom(s: ModelSettingsDTO): ModelForm {
  const numeric = typeof s.maxFeatures === 'number';
  return {
    ...defaultModelForm(s.task),
    nEstimators: s.nEstimators,
    maxDepth: s.maxDepth === null ? '' : s.maxDepth,
    maxFeaturesMode: numeric ? 'number' : (s.maxFeatures as 'sqrt' | 'log2' | 'all'),
    ...(numeric && { maxFeaturesValue: s.maxFeatures as number }),
    minSamplesLeaf: s.minSamplesLeaf,
    testFraction: s.testFraction,
    seed: s.seed,
    kFolds: s.kFolds === 5 || s.kFolds === 10 ? s.kFolds : 0,
  };
}

export function limeFormFrom(s: LimeSettingsDTO): LimeForm {
  return {
    ...defaultLimeForm(),
    numFeatures: s.numFeatures,
    numSamples: s.numSamples,
    kernelMode: s.kernelWidth === null ? 'auto' : 'custom',
    ...(s.kernelWidth !== null && { kernelWidth: s.kernelWidth }),
    discretizer: s.discretizer ?? 'none',
    seed: s.seed,
  };
}
