import { BaseDiscretizer } from './baseDiscretizer';

/** Boundaries and per-bin statistics supplied by the caller (reference `StatsDiscretizer`). */
export class StatsDiscretizer extends BaseDiscretizer {
  protected binsOf(feature: number): number[] {
    const bins = this.dataStats?.bins;
    if (!bins)
      throw new RangeError('trainingDataStats.bins is required to discretize with supplied statistics');
    const qts = bins[feature];
    if (!qts || qts.length === 0)
      throw new RangeError(`trainingDataStats.bins has no boundaries for feature ${feature}`);
    return [...qts];
  }
}
