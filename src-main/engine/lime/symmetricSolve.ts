import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/**
 * Cholesky factorization of a symmetric k×k matrix (row-major) into its lower
 * factor, in place. Returns false when a pivot is not positive, i.e. the matrix
 * is not positive definite (LAPACK potrf's failure condition).
 */
export function choleskyInPlace(a: Float64Array, k: number): boolean {
  for (let j = 0; j < k; j++) {
    let diag = a[j * k + j];
    for (let m = 0; m < j; m++) diag -= a[j * k + m] * a[j * k + m];
    if (!(diag > 0)) return false;
    const ljj = Math.sqrt(diag);
    a[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j];
      for (let m = 0; m < j; m++) s -= a[i * k + m] * a[j * k + m];
      a[i * k + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L Lᵀ x = b given the lower factor from {@link choleskyInPlace}; b is overwritten with x. */
export function choleskySolveInPlace(l: Float64Array, k: number, b: Float64Array): Float64Array {
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let m = 0; m < i; m++) s -= l[i * k + m] * b[m];
    b[i] = s / l[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = b[i];
    for (let m = i + 1; m < k; m++) s -= l[m * k + i] * b[m];
    b[i] = s / l[i * k + i];
  }
  return b;
}

/**
 * x solving A x = b for a symmetric positive semi-definite k×k matrix A
 * (row-major): Cholesky when A is positive definite, otherwise the minimum-norm
 * least-squares solution through the pseudo-inverse (what scikit-learn's Ridge
 * falls back to, via SVD, when Cholesky fails — e.g. alpha = 0 with a constant column).
 */
export function solveSymmetricPsd(a: Float64Array, k: number, b: ArrayLike<number>): Float64Array {
  const l = a.slice();
  const x = Float64Array.from(b);
  if (choleskyInPlace(l, k)) return choleskySolveInPlace(l, k, x);
  const rows = Array.from({ length: k }, (_, i) => Array.from(a.subarray(i * k, i * k + k)));
  const evd = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  const tolerance = largest * k * Number.EPSILON;
  const out = new Float64Array(k);
  for (let e = 0; e < k; e++) {
    if (!(values[e] > tolerance)) continue;
    let proj = 0;
    for (let i = 0; i < k; i++) proj += vectors.get(i, e) * b[i];
    const scaled = proj / values[e];
    for (let i = 0; i < k; i++) out[i] += vectors.get(i, e) * scaled;
  }
  return out;
}
