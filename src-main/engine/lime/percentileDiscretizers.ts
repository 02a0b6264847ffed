import { BaseDiscretizer } from './baseDiscretizer';
import { percentiles } from './percentile';

/** A discretizer binning every feature at the same training percentiles (`np.percentile`). */
function atPercentiles(qs: readonly number[]) {
  return class extends BaseDiscretizer {
    protected binsOf(
      _feature: number,
      column: Float64Array,
      _labels: unknown,
      sortBuffer: Float64Array,
    ): Float64Array {
      return percentiles(column, qs, sortBuffer);
    }
  };
}

/** Bins at the training quartiles, `np.percentile(column, [25, 50, 75])` (the reference default). */
export class QuartileDiscretizer extends atPercentiles([25, 50, 75]) {}

/** Bins at the training deciles, `np.percentile(column, [10, 20, …, 90])`. */
export class DecileDiscretizer extends atPercentiles([10, 20, 30, 40, 50, 60, 70, 80, 90]) {}
