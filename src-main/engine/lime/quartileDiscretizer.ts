import { BaseDiscretizer } from './baseDiscretizer';
import { percentiles } from './percentile';

/** Bins at the training quartiles, `np.percentile(column, [25, 50, 75])` (the reference default). */
export class QuartileDiscretizer extends BaseDiscretizer {
  protected binsOf(
    _feature: number,
    column: Float64Array,
    _labels: unknown,
    sortBuffer: Float64Array,
  ): Float64Array {
    return percentiles(column, [25, 50, 75], sortBuffer);
  }
}
