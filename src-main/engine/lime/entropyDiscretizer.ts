import { BaseDiscretizer, type DiscretizerStats } from './baseDiscretizer';
import { entropyTreeThresholds } from './entropyTree';
import { median } from './percentile';
import type { TrainingData } from './trainingColumns';

/**
 * Bins at the thresholds of a depth-3 entropy decision tree of each feature
 * against the training labels (at most 8 bins); a feature the tree cannot split
 * gets one boundary at its median, as in the reference.
 */
export class EntropyDiscretizer extends BaseDiscretizer {
  constructor(
    data: TrainingData,
    categoricalFeatures: readonly number[],
    featureNames: readonly string[],
    labels?: ArrayLike<number>,
    dataStats?: DiscretizerStats,
  ) {
    if (!labels) throw new RangeError('trainingLabels is required when discretizer is "entropy"');
    super(data, categoricalFeatures, featureNames, labels, dataStats);
  }

  protected binsOf(_feature: number, column: Float64Array, labels: ArrayLike<number> | undefined): number[] {
    if (!labels) throw new RangeError('trainingLabels is required when discretizer is "entropy"');
    const qts = entropyTreeThresholds(column, labels, 3);
    return qts.length > 0 ? qts : [median(column)];
  }
}
