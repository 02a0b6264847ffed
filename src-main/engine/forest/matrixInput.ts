/** Turns the table shapes callers use (arrays of rows, ml-matrix) into the typed layouts the forest runs on. */
import { AbstractMatrix } from 'ml-matrix';

/** rows × features, as arrays of rows (number[][], typed rows) or an ml-matrix Matrix. */
export type FeatureRows = readonly ArrayLike<number>[] | AbstractMatrix;

function shapeOf(X: FeatureRows): {
  nRows: number;
  nFeatures: number;
  get: (r: number, c: number) => number;
} {
  if (AbstractMatrix.isMatrix(X)) {
    return { nRows: X.rows, nFeatures: X.columns, get: (r, c) => X.get(r, c) };
  }
  if (!Array.isArray(X)) throw new TypeError('X must be an array of rows or an ml-matrix Matrix');
  const rows = X as readonly ArrayLike<number>[];
  const nFeatures = rows.length > 0 ? rows[0].length : 0;
  for (let r = 0; r < rows.length; r++) {
    if (!rows[r] || rows[r].length !== nFeatures) {
      throw new RangeError(`row ${r} (0-based) has ${rows[r]?.length ?? 0} values; row 0 has ${nFeatures}`);
    }
  }
  return { nRows: rows.length, nFeatures, get: (r, c) => rows[r][c] };
}

function notFinite(r: number, f: number, v: unknown): RangeError {
  return new RangeError(
    `X[${r}][${f}] (0-based) is ${String(v)}; the forest trains on finite numbers (impute missing values first)`,
  );
}

/** Column-major copy (features × rows) for training; every value must be a finite number. */
export function toColumnMajor(X: FeatureRows): { data: Float64Array; nRows: number; nFeatures: number } {
  const { nRows, nFeatures, get } = shapeOf(X);
  const data = new Float64Array(nRows * nFeatures);
  for (let r = 0; r < nRows; r++) {
    for (let f = 0; f < nFeatures; f++) {
      const v = get(r, f);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw notFinite(r, f, v);
      data[f * nRows + r] = v;
    }
  }
  return { data, nRows, nFeatures };
}

/**
 * The shape of X and a reader of one feature's column at a time (checked finite like
 * toColumnMajor), for training that needs one column in memory rather than a whole copy.
 */
export function columnReader(X: FeatureRows): {
  nRows: number;
  nFeatures: number;
  column: (f: number, out: Float64Array) => void;
} {
  const { nRows, nFeatures, get } = shapeOf(X);
  const rows = Array.isArray(X) ? (X as readonly ArrayLike<number>[]) : null;
  const column = (f: number, out: Float64Array): void => {
    for (let r = 0; r < nRows; r++) {
      const v = rows ? rows[r][f] : get(r, f);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw notFinite(r, f, v);
      out[r] = v;
    }
  };
  return { nRows, nFeatures, column };
}

/** A column source (see columnReader) whose values are checked finite as columnReader checks X's. */
export function finiteColumns(
  read: (f: number, out: Float64Array) => void,
  nRows: number,
): (f: number, out: Float64Array) => void {
  return (f, out) => {
    read(f, out);
    for (let r = 0; r < nRows; r++) if (!Number.isFinite(out[r])) throw notFinite(r, f, out[r]);
  };
}

/**
 * Row-major copy (rows × nFeatures) for prediction; `allowWider` keeps the first nFeatures of
 * longer rows (imported models only know the highest feature index they use). Missing values (NaN) are allowed and go to the
 * right child at every split, since `NaN <= threshold` is false.
 */
export function toRowMajor(
  X: FeatureRows,
  nFeatures: number,
  allowWider = false,
): { data: Float64Array; nRows: number } {
  const shape = shapeOf(X);
  if (shape.nRows > 0 && (allowWider ? shape.nFeatures < nFeatures : shape.nFeatures !== nFeatures)) {
    throw new RangeError(`rows have ${shape.nFeatures} features; the model was trained on ${nFeatures}`);
  }
  const data = new Float64Array(shape.nRows * nFeatures);
  if (Array.isArray(X)) {
    const rows = X as readonly ArrayLike<number>[];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const base = r * nFeatures;
      for (let f = 0; f < nFeatures; f++) data[base + f] = row[f];
    }
  } else {
    for (let r = 0; r < shape.nRows; r++) {
      for (let f = 0; f < nFeatures; f++) data[r * nFeatures + f] = shape.get(r, f);
    }
  }
  return { data, nRows: shape.nRows };
}
