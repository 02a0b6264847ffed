import { formatNumber } from './compareLabels';
import { medianInPlace } from './median';

/** Fill values learned from the training rows, applied to any rows of the same frame. */
export interface Imputer {
  /** Per feature: the value that replaces NaN (median, most frequent code, or 0 without training values). */
  readonly fillValues: readonly number[];
  /** Per feature: the training median for numeric features, else null. */
  readonly medians: readonly (number | null)[];
  /** Per feature: the most frequent training code for categorical features, else null. */
  readonly modes: readonly (number | null)[];
  /**
   * `X` (rows × features) with every NaN replaced by its feature's fill value: a row with a
   * missing value is a new array, a row without one is `X`'s own (not copied: on a large table a
   * copy of every row would double the frame's memory). Treat the result as read-only.
   */
  apply(X: readonly (readonly number[])[]): number[][];
  /** One line per feature that had missing values, e.g. "mean radius: 3 missing values imputed with the training median 13.37". */
  describe(): string[];
}

/** A frame's features as columns over the dataset's rows: X[i][f] === columns[f][rowIndex[i]]. */
export interface FrameColumns {
  readonly columns: readonly Float64Array[];
  readonly rowIndex: ArrayLike<number>;
}

/**
 * Learns fill values from the training rows only (so the test split leaks nothing):
 * the median for numeric features, the most frequent code for categorical ones (the
 * smallest code on a tie). A feature without any training value is filled with 0 and
 * says so in describe(). `X` is rows × features, or a frame's columns (a ModelFrame has them),
 * which are read without building its rows; `trainIdx` indexes its rows. `featureNames` and
 * `categoryNames` only make describe() readable.
 */
export function fitImputer(
  X: readonly (readonly number[])[] | FrameColumns,
  trainIdx: ArrayLike<number>,
  featureKinds: readonly ('numeric' | 'categorical')[],
  frame: {
    readonly featureNames?: readonly string[];
    readonly categoryNames?: readonly (readonly string[] | null)[];
  } = {},
): Imputer {
  const columns = 'columns' in X ? X : null;
  const features = featureKinds.length;
  const fillValues: number[] = [];
  const medians: (number | null)[] = [];
  const modes: (number | null)[] = [];
  const lines: string[] = [];

  const buffer = new Float64Array(trainIdx.length);
  for (let f = 0; f < features; f++) {
    let present = 0;
    let missing = 0;
    if (columns) {
      // The frame's own column: a gather, ~15× faster than reading one value from every row array.
      const column = columns.columns[f];
      const at = columns.rowIndex;
      for (let i = 0; i < trainIdx.length; i++) {
        const v = column[at[trainIdx[i]]];
        if (v === v) buffer[present++] = v;
      }
      for (let r = 0; r < at.length; r++) if (column[at[r]] !== column[at[r]]) missing++;
    } else {
      const rows = X as readonly (readonly number[])[];
      for (let i = 0; i < trainIdx.length; i++) {
        const v = rows[trainIdx[i]][f];
        if (v === v) buffer[present++] = v;
      }
      for (let r = 0; r < rows.length; r++) if (rows[r][f] !== rows[r][f]) missing++;
    }
    const training = buffer.subarray(0, present);
    const name = frame.featureNames?.[f] ?? `feature ${f}`;
    const count = `${missing} missing value${missing === 1 ? '' : 's'}`;

    if (training.length === 0) {
      fillValues.push(0);
      medians.push(null);
      modes.push(null);
      if (missing > 0) lines.push(`${name}: ${count} filled with 0 (the training rows have no value)`);
      continue;
    }
    if (featureKinds[f] === 'numeric') {
      const m = medianInPlace(training); // reorders the scratch buffer, which is refilled per feature
      fillValues.push(m);
      medians.push(m);
      modes.push(null);
      if (missing > 0) lines.push(`${name}: ${count} imputed with the training median ${formatNumber(m)}`);
    } else {
      const counts = new Map<number, number>();
      for (const v of training) counts.set(v, (counts.get(v) ?? 0) + 1);
      let mode = NaN;
      let best = 0;
      for (const [code, n] of counts) {
        if (n > best || (n === best && code < mode)) {
          mode = code;
          best = n;
        }
      }
      fillValues.push(mode);
      medians.push(null);
      modes.push(mode);
      const label = frame.categoryNames?.[f]?.[mode];
      const shown = label !== undefined ? `'${label}'` : `code ${mode}`;
      if (missing > 0)
        lines.push(`${name}: ${count} imputed with the most frequent training category ${shown}`);
    }
  }

  return {
    fillValues,
    medians,
    modes,
    apply: (rows) =>
      rows.map((row) =>
        row.some((v) => v !== v) ? row.map((v, f) => (v === v ? v : fillValues[f])) : row,
      ) as number[][],
    describe: () => [...lines],
  };
}

/**
 * Reads feature f of the frame rows `rows` (indices into X, e.g. the training split) with NaN
 * replaced by `fillValues[f]`, as apply() would give them, into `out` (rows.length values): the
 * imputed training columns straight from the frame's columns, for the forest's binning.
 */
export function imputedColumns(
  frame: FrameColumns,
  fillValues: readonly number[],
  rows: ArrayLike<number>,
): (f: number, out: Float64Array) => void {
  return (f, out) => {
    const column = frame.columns[f];
    const at = frame.rowIndex;
    const fill = fillValues[f];
    for (let i = 0; i < rows.length; i++) {
      const v = column[at[rows[i]]];
      out[i] = v === v ? v : fill;
    }
  };
}

/**
 * A trained model's imputed training rows (its xTrain) by column, read from the frame's columns
 * without building the rows: `column(f, out)` writes feature f of every training row into `out`
 * (`rows` values). The shape LIME's explainer takes as training data.
 */
export function modelTrainColumns(model: {
  readonly frame: FrameColumns;
  readonly imputer: Pick<Imputer, 'fillValues'>;
  readonly split: { readonly train: ArrayLike<number> };
}): {
  readonly rows: number;
  readonly features: number;
  readonly column: (f: number, out: Float64Array) => void;
} {
  return {
    rows: model.split.train.length,
    features: model.frame.columns.length,
    column: imputedColumns(model.frame, model.imputer.fillValues, model.split.train),
  };
}

/**
 * The frame rows `rows` (indices into its rows, e.g. the test split; all of them when absent) as
 * arrays (rows × features) built from its columns, NaN replaced by `fillValues[f]` when given:
 * the values imputer.apply would give for the frame's rows, without the frame holding its rows.
 */
export function frameRows(
  frame: FrameColumns,
  fillValues: readonly number[] | null,
  rows?: ArrayLike<number>,
): number[][] {
  const { columns, rowIndex: at } = frame;
  const p = columns.length;
  const n = rows ? rows.length : at.length;
  const out = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p);
    const r = at[rows ? rows[i] : i];
    for (let f = 0; f < p; f++) {
      const v = columns[f][r];
      row[f] = v === v || !fillValues ? v : fillValues[f];
    }
    out[i] = row;
  }
  return out;
}
