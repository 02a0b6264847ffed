import { BaseDiscretizer } from './baseDiscretizer';
import { percentiles } from './percentile';

/** Bins at the training quartiles, `np.percentile(column, [25, 50, 75])` (the reference default). */
export class QuartileDiscretizer extends BaseDiscretizer {
  protected bins(columns: readonly Float64Array[]): Float64Array[] {
    return this.toDiscretize.map((feature) => percentiles(columns[feature], [25, 50, 75]));
  }
}
