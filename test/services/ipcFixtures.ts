import type { LimeSettingsDTO, ModelSettingsDTO } from '../../src-main/contract/ipc';

/** Valid settings as the renderer sends them (breast-cancer style, seed 42). */
export const MODEL_SETTINGS: ModelSettingsDTO = {
  target: 'diagnosis',
  task: 'classification',
  features: ['mean radius', 'mean texture'],
  nEstimators: 100,
  maxDepth: null,
  maxFeatures: 'sqrt',
  minSamplesLeaf: 1,
  testFraction: 0.2,
  seed: 42,
  kFolds: 0,
};

export const LIME_SETTINGS: LimeSettingsDTO = {
  numFeatures: 8,
  numSamples: 5000,
  kernelWidth: null,
  discretizer: 'quartile',
  seed: 42,
};
