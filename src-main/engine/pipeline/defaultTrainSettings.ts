import type { Dataset } from '../data/types';
import { inferTask, suggestExcluded, suggestTarget } from '../data/suggestTarget';
import type { TrainSettings } from './types';

/**
 * The reference workflow's settings for `dataset`: the suggested (or given) target, every
 * usable feature (identifiers, constants and the target left out), 100 trees, √features per
 * split for classification and all for regression (scikit-learn's defaults), stratified
 * 80/20 split, seed 42, no cross-validation. `overrides` replace single fields.
 */
export function defaultTrainSettings(
  dataset: Dataset,
  target?: string,
  overrides: Partial<TrainSettings> = {},
): TrainSettings {
  const chosen = target ?? suggestTarget(dataset).target;
  const task = overrides.task ?? inferTask(dataset, chosen);
  const excluded = new Set(suggestExcluded(dataset, chosen));
  return {
    target: chosen,
    task,
    features: dataset.columns.map((c) => c.name).filter((n) => !excluded.has(n)),
    nEstimators: 100,
    maxDepth: null,
    maxFeatures: task === 'classification' ? 'sqrt' : 1,
    minSamplesLeaf: 1,
    testFraction: 0.2,
    seed: 42,
    kFolds: 0,
    ...overrides,
  };
}
