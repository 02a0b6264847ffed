import { BaseDiscretizer } from './baseDiscretizer';
import { percentiles } from './percentile';

const DECILES = [10, 20, 30, 40, 50, 60, 70, 80, 90];

/** Bins at the training deciles, `np.percentile(column, [10, 20, …, 90])`. */
export class DecileDiscretizer extends BaseDiscretizer {
  protected binsOf(
    _feature: number,
    column: Float64Array,
    _labels: unknown,
    sortBuffer: Float64Array,
  ): Float64Array {
    return percentiles(column, DECILES, sortBuffer);
  }
}
