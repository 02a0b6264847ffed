import { choleskyInPlace, choleskySolveInPlace } from './symmetricSolve';

const TINY32 = 1.1754943508222875e-38; // np.finfo(np.float32).tiny
const EQUALITY_TOLERANCE = 1.1920928955078125e-7; // np.finfo(np.float32).eps

/**
 * The lasso regularization path by least-angle regression with the lasso
 * modification (Efron, Hastie, Johnstone & Tibshirani 2004), on the Gram matrix
 * G = XᵀX and Xᵀy — the steps of scikit-learn's
 * `lars_path(X, y, method='lasso')` with alpha_min = 0: the most correlated
 * inactive feature joins, the coefficients move along the equiangular direction
 * until another feature ties or an active coefficient crosses zero (then it
 * leaves), and the path stops when alpha = max|correlation| / nSamples ≤ float32 eps.
 *
 * @param gram p×p row-major XᵀX
 * @param xy p: Xᵀy
 * @param nSamples rows of X (only scales the alphas)
 * @returns alphas (one per breakpoint, decreasing) and the coefficients at each
 *   breakpoint (coefs[0] is all zero)
 */
export function larsLassoPath(
  gram: Float64Array,
  xy: Float64Array,
  p: number,
  nSamples: number,
  maxIter = 500,
): { alphas: number[]; coefs: Float64Array[] } {
  const alphas: number[] = [];
  const coefs: Float64Array[] = [new Float64Array(p)];
  const indices = Int32Array.from({ length: p }, (_, i) => i);
  // Correlations of the inactive features, position t ↔ feature indices[nActive + t].
  let cov = Array.from(xy);
  const active: number[] = [];
  let sign: number[] = [];
  let nActive = 0;
  let nIter = 0;
  let drop = false;
  const g = (i: number, j: number): number => gram[i * p + j];
  let coef = coefs[0];

  for (;;) {
    let cIdx = 0;
    let cSigned = 0;
    let c = 0;
    if (cov.length > 0) {
      for (let t = 0; t < cov.length; t++) if (Math.abs(cov[t]) > Math.abs(cov[cIdx])) cIdx = t;
      cSigned = cov[cIdx];
      c = Math.abs(cSigned);
    }
    const alpha = c / nSamples;
    alphas[nIter] = alpha;
    if (alpha <= EQUALITY_TOLERANCE) break;
    if (nIter >= maxIter || nActive >= p) break;

    if (!drop) {
      const m = nActive;
      const n = cIdx + nActive;
      [cov[cIdx], cov[0]] = [cov[0], cov[cIdx]];
      [indices[n], indices[m]] = [indices[m], indices[n]];
      const candidate = indices[m];
      if (isDegenerate(gram, p, active, candidate)) {
        // Collinear with the active set: never let it join (scikit-learn warns and skips it too).
        cov[0] = 0;
        [cov[cIdx], cov[0]] = [cov[0], cov[cIdx]];
        [indices[n], indices[m]] = [indices[m], indices[n]];
        continue;
      }
      sign.push(Math.sign(cSigned));
      cov = cov.slice(1);
      active.push(candidate);
      nActive++;
    }

    if (nIter > 0 && alphas[nIter - 1] < alpha) break;

    // Equiangular direction: ls = AA · G_AA⁻¹ s.
    const k = nActive;
    const gaa = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) gaa[i * k + j] = g(active[i], active[j]);
    let aa = NaN;
    let ls = new Float64Array(k);
    for (let attempt = 0; !Number.isFinite(aa) && attempt < 60; attempt++) {
      const l = gaa.slice();
      if (attempt > 0) for (let i = 0; i < k; i++) l[i * k + i] += 2 ** (attempt - 1) * Number.EPSILON;
      ls = Float64Array.from(sign);
      if (!choleskyInPlace(l, k)) continue;
      choleskySolveInPlace(l, k, ls);
      let s = 0;
      for (let i = 0; i < k; i++) s += ls[i] * sign[i];
      aa = 1 / Math.sqrt(attempt > 0 ? Math.max(s, Number.EPSILON) : s);
    }
    if (!Number.isFinite(aa)) break;
    for (let i = 0; i < k; i++) ls[i] *= aa;

    const corrEqDir = new Float64Array(cov.length);
    for (let t = 0; t < cov.length; t++) {
      const f = indices[nActive + t];
      let s = 0;
      for (let i = 0; i < k; i++) s += g(active[i], f) * ls[i];
      corrEqDir[t] = Math.round(s * 1e15) / 1e15;
    }
    let gamma = c / aa;
    for (let t = 0; t < cov.length; t++) {
      const g1 = (c - cov[t]) / (aa - corrEqDir[t] + TINY32);
      if (g1 > 0 && g1 < gamma) gamma = g1;
      const g2 = (c + cov[t]) / (aa + corrEqDir[t] + TINY32);
      if (g2 > 0 && g2 < gamma) gamma = g2;
    }
    drop = false;
    const z = active.map((f, i) => -coef[f] / (ls[i] + TINY32));
    let zPos = Number.MAX_VALUE;
    for (const v of z) if (v > 0 && v < zPos) zPos = v;
    let dropPositions: number[] = [];
    if (zPos < gamma) {
      dropPositions = z.flatMap((v, i) => (v === zPos ? [i] : [])).reverse();
      for (const i of dropPositions) sign[i] = -sign[i];
      gamma = zPos;
      drop = true;
    }

    nIter++;
    const next = new Float64Array(p);
    for (let i = 0; i < k; i++) next[active[i]] = coef[active[i]] + gamma * ls[i];
    coefs.push(next);
    coef = next;
    for (let t = 0; t < cov.length; t++) cov[t] -= gamma * corrEqDir[t];

    if (drop) {
      const dropped: number[] = [];
      for (const ii of dropPositions) {
        nActive--;
        dropped.push(active.splice(ii, 1)[0]);
        for (let i = ii; i < nActive; i++) [indices[i], indices[i + 1]] = [indices[i + 1], indices[i]];
      }
      sign = sign.filter((_, i) => !dropPositions.includes(i));
      const back = dropped.map((f) => {
        let s = xy[f];
        for (let j = 0; j < p; j++) s -= g(f, j) * coef[j];
        return s;
      });
      cov = [...back, ...cov];
    }
  }
  return { alphas: alphas.slice(0, nIter + 1), coefs: coefs.slice(0, nIter + 1) };
}

/** scikit-learn's test: the new Cholesky pivot sqrt(|g − vᵀv|) is below 1e-7. */
function isDegenerate(gram: Float64Array, p: number, active: readonly number[], candidate: number): boolean {
  const k = active.length;
  const c = gram[candidate * p + candidate];
  if (k === 0) return Math.max(Math.sqrt(Math.abs(c)), Number.EPSILON) < 1e-7;
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) l[i * k + j] = gram[active[i] * p + active[j]];
  if (!choleskyInPlace(l, k)) return true;
  const v = Float64Array.from(active, (f) => gram[candidate * p + f]);
  for (let i = 0; i < k; i++) {
    let s = v[i];
    for (let m = 0; m < i; m++) s -= l[i * k + m] * v[m];
    v[i] = s / l[i * k + i];
  }
  let vv = 0;
  for (let i = 0; i < k; i++) vv += v[i] * v[i];
  return Math.max(Math.sqrt(Math.abs(c - vv)), Number.EPSILON) < 1e-7;
}
