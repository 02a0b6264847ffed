/**
 * LIME's training data read one feature at a time: every training statistic (bins, scaler,
 * frequencies) is per feature. A caller whose data is held by column (a trained model's frame)
 * passes a reader, so the training rows never become an array per row.
 */
export interface TrainingColumns {
  readonly rows: number;
  readonly features: number;
  /** Writes feature `feature` of every training row, in row order, into `out` (rows values). */
  column(feature: number, out: Float64Array): void;
}

/** Rows × features (the reference's shape), or a column reader. */
export type TrainingData = readonly (readonly number[])[] | TrainingColumns;

/** Training columns gathered per pass over row arrays (8 × 8 bytes per row of scratch). */
const COLUMN_BLOCK = 8;

/**
 * `data` as a column reader whose values are checked finite (impute first): row arrays are
 * checked here, in row order, and gathered COLUMN_BLOCK columns per pass (a pass per column
 * misses the cache on every row array); a reader's columns are checked as they are read.
 */
export function trainingColumns(data: TrainingData): TrainingColumns {
  if (data instanceof CheckedColumns) return data;
  if ('column' in data)
    return new CheckedColumns(data.rows, data.features, (f, out) => data.column(f, out), true);
  const rows = data.length;
  const d = rows > 0 ? data[0].length : 0;
  for (let r = 0; r < rows; r++) {
    const row = data[r];
    if (row.length !== d)
      throw new RangeError(`trainingData row ${r} has ${row.length} values, expected ${d}`);
    for (let j = 0; j < d; j++) if (!Number.isFinite(row[j])) throw notFinite(r, j, row[j]);
  }
  let start = -1;
  const block = Array.from({ length: Math.min(COLUMN_BLOCK, d) }, () => new Float64Array(rows));
  return new CheckedColumns(
    rows,
    d,
    (f, out) => {
      if (start < 0 || f < start || f >= start + COLUMN_BLOCK) {
        start = f;
        const end = Math.min(d, f + COLUMN_BLOCK);
        for (let r = 0; r < rows; r++) {
          const row = data[r];
          for (let j = f; j < end; j++) block[j - f][r] = row[j];
        }
      }
      out.set(block[f - start]);
    },
    false,
  );
}

class CheckedColumns implements TrainingColumns {
  constructor(
    readonly rows: number,
    readonly features: number,
    private readonly read: (f: number, out: Float64Array) => void,
    private readonly check: boolean,
  ) {}

  column(feature: number, out: Float64Array): void {
    this.read(feature, out);
    if (!this.check) return;
    for (let r = 0; r < this.rows; r++) if (!Number.isFinite(out[r])) throw notFinite(r, feature, out[r]);
  }
}

function notFinite(r: number, j: number, v: number): RangeError {
  return new RangeError(`trainingData row ${r}, column ${j} is ${v}: impute missing values before LIME`);
}
