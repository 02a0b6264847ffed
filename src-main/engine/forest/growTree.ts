/**
 * Grows one CART tree (Gini for classes, squared error for values) on weighted rows.
 *
 * Speed comes from sorting each feature once per forest: a tree keeps, per feature, its in-bag
 * rows in ascending order, and every node owns the same position range [start, end) in each of
 * those lists. Splitting a node stably partitions every list, so all lists stay sorted and a
 * split search is a single O(n) sweep with running class counts / sums per candidate feature.
 * The rules follow scikit-learn's best splitter: features drawn without replacement at each node
 * (more are drawn while no valid split has been found), thresholds at midpoints between
 * consecutive distinct values, `x <= threshold` goes left, pure nodes are leaves.
 */
import type { Rng } from '../random/rng';
import type { FlatTree } from './flatTree';

/** The training set shared by every tree of a forest. */
export interface TrainingData {
  readonly nRows: number;
  readonly nFeatures: number;
  /** Column-major features: X[f * nRows + r]. */
  readonly X: Float64Array;
  /** Per feature f, row indices sorted by value (ties by row): sorted[f * nRows + i]. */
  readonly sorted: Int32Array;
  /** Classification: class index per row; null for regression. */
  readonly yClass: Int32Array | null;
  /** Regression: target per row; null for classification. */
  readonly yValue: Float64Array | null;
  /** Classification: number of classes; regression: 0. */
  readonly nClasses: number;
}

export interface GrowSettings {
  /** Features drawn per node. */
  readonly mtry: number;
  /** Infinity when unlimited. */
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly minSamplesSplit: number;
}

/** Per feature f, the rows sorted by X[f]: the once-per-forest presort. */
export function presortFeatures(X: Float64Array, nRows: number, nFeatures: number): Int32Array {
  const sorted = new Int32Array(nRows * nFeatures);
  const idx = new Int32Array(nRows);
  for (let f = 0; f < nFeatures; f++) {
    const base = f * nRows;
    for (let i = 0; i < nRows; i++) idx[i] = i;
    idx.sort((a, b) => X[base + a] - X[base + b] || a - b);
    sorted.set(idx, base);
  }
  return sorted;
}

// scikit-learn treats impurity ≤ DBL_EPSILON as pure.
const PURE = Number.EPSILON;

/**
 * Grows a tree on the rows with weight > 0 (weights are bootstrap counts). Returns the tree and
 * its unnormalized impurity decrease per feature (Σ over splits of w·imp − w_L·imp_L − w_R·imp_R).
 */
export function growTree(
  data: TrainingData,
  weights: Float64Array,
  settings: GrowSettings,
  rng: Rng,
): { tree: FlatTree; importance: Float64Array } {
  const { nRows: n, nFeatures: p, X, sorted, yClass, yValue } = data;
  const { mtry, maxDepth, minSamplesLeaf: minLeaf, minSamplesSplit: minSplit } = settings;
  const k = yClass ? data.nClasses : 0;
  const nOut = yClass ? k : 1;

  let m = 0;
  for (let r = 0; r < n; r++) if (weights[r] > 0) m++;
  const order = new Int32Array(p * m);
  for (let f = 0; f < p; f++) {
    let w = f * m;
    const base = f * n;
    for (let i = 0; i < n; i++) {
      const r = sorted[base + i];
      if (weights[r] > 0) order[w++] = r;
    }
  }

  const cap = Math.max(1, 2 * m - 1);
  const feature = new Int32Array(cap);
  const threshold = new Float64Array(cap);
  const left = new Int32Array(cap);
  const right = new Int32Array(cap);
  const value = new Float64Array(cap * nOut);
  const samples = new Int32Array(cap);
  const weight = new Float64Array(cap);
  const impurity = new Float64Array(cap);
  const importance = new Float64Array(p);

  const tmp = new Int32Array(m);
  const goLeft = new Uint8Array(n);
  const feats = new Int32Array(p);
  for (let f = 0; f < p; f++) feats[f] = f;
  const counts = new Float64Array(k);
  const leftCounts = new Float64Array(k);
  const rightCounts = new Float64Array(k);

  // Stack of pending nodes: range, depth, parent, side, and a feature whose list is known to be
  // partitioned for this range (the parent's split feature always is).
  const stStart = new Int32Array(cap);
  const stEnd = new Int32Array(cap);
  const stDepth = new Int32Array(cap);
  const stParent = new Int32Array(cap);
  const stSide = new Uint8Array(cap);
  const stSeg = new Int32Array(cap);
  let sp = 0;
  stStart[0] = 0;
  stEnd[0] = m;
  stDepth[0] = 0;
  stParent[0] = -1;
  stSeg[0] = 0;
  sp = m > 0 ? 1 : 0;

  let nodeCount = 0;
  if (m === 0) {
    // No rows at all: a single empty leaf.
    feature[0] = -1;
    left[0] = right[0] = -1;
    nodeCount = 1;
  }

  const cannotSplit = (size: number, depth: number): boolean =>
    depth >= maxDepth || size < minSplit || size < 2 * minLeaf;

  while (sp > 0) {
    sp--;
    const start = stStart[sp];
    const end = stEnd[sp];
    const depth = stDepth[sp];
    const parent = stParent[sp];
    const statSeg = stSeg[sp] * m;
    const id = nodeCount++;
    if (parent >= 0) {
      if (stSide[sp] === 0) left[parent] = id;
      else right[parent] = id;
    }
    const size = end - start;

    // Node statistics.
    let wNode = 0;
    let imp = 0;
    let sqNode = 0;
    let sumNode = 0;
    if (yClass) {
      counts.fill(0);
      for (let i = start; i < end; i++) {
        const r = order[statSeg + i];
        const w = weights[r];
        counts[yClass[r]] += w;
        wNode += w;
      }
      for (let c = 0; c < k; c++) {
        sqNode += counts[c] * counts[c];
        value[id * k + c] = counts[c] / wNode;
      }
      imp = 1 - sqNode / (wNode * wNode);
    } else {
      const yv = yValue as Float64Array;
      for (let i = start; i < end; i++) {
        const r = order[statSeg + i];
        const w = weights[r];
        wNode += w;
        sumNode += w * yv[r];
      }
      const mean = sumNode / wNode;
      let ss = 0;
      for (let i = start; i < end; i++) {
        const r = order[statSeg + i];
        const d = yv[r] - mean;
        ss += weights[r] * d * d;
      }
      imp = ss / wNode;
      value[id] = mean;
    }
    samples[id] = size;
    weight[id] = wNode;
    impurity[id] = imp;
    if (parent >= 0) importance[feature[parent]] -= wNode * imp;

    // Split search.
    let bestProxy = -Infinity;
    let bestFeature = -1;
    let bestLeft = 0;
    let bestThreshold = 0;
    if (!cannotSplit(size, depth) && imp > PURE) {
      let drawn = 0;
      for (let j = 0; j < p && (drawn < mtry || bestFeature < 0); j++) {
        const pick = j + rng.int(p - j);
        const f = feats[pick];
        feats[pick] = feats[j];
        feats[j] = f;
        drawn++;
        const seg = f * m;
        const col = f * n;
        let xi = X[col + order[seg + start]];
        if (X[col + order[seg + end - 1]] <= xi) continue; // constant in this node
        let wL = 0;
        if (yClass) {
          leftCounts.fill(0);
          rightCounts.set(counts);
          let sqL = 0;
          let sqR = sqNode;
          for (let i = start; i < end - 1; i++) {
            const r = order[seg + i];
            const w = weights[r];
            const c = yClass[r];
            const lc = leftCounts[c];
            sqL += w * (2 * lc + w);
            leftCounts[c] = lc + w;
            const rc = rightCounts[c];
            sqR += w * (w - 2 * rc);
            rightCounts[c] = rc - w;
            wL += w;
            const xn = X[col + order[seg + i + 1]];
            const nL = i - start + 1;
            if (xn > xi && nL >= minLeaf) {
              if (size - nL < minLeaf) break;
              const proxy = sqL / wL + sqR / (wNode - wL);
              if (proxy > bestProxy) {
                bestProxy = proxy;
                bestFeature = f;
                bestLeft = nL;
                bestThreshold = midpoint(xi, xn);
              }
            }
            xi = xn;
          }
        } else {
          const yv = yValue as Float64Array;
          let sL = 0;
          for (let i = start; i < end - 1; i++) {
            const r = order[seg + i];
            const w = weights[r];
            sL += w * yv[r];
            wL += w;
            const xn = X[col + order[seg + i + 1]];
            const nL = i - start + 1;
            if (xn > xi && nL >= minLeaf) {
              if (size - nL < minLeaf) break;
              const sR = sumNode - sL;
              const proxy = (sL * sL) / wL + (sR * sR) / (wNode - wL);
              if (proxy > bestProxy) {
                bestProxy = proxy;
                bestFeature = f;
                bestLeft = nL;
                bestThreshold = midpoint(xi, xn);
              }
            }
            xi = xn;
          }
        }
      }
    }

    if (bestFeature < 0) {
      feature[id] = -1;
      left[id] = -1;
      right[id] = -1;
      continue;
    }
    feature[id] = bestFeature;
    threshold[id] = bestThreshold;
    importance[bestFeature] += wNode * imp;

    const mid = start + bestLeft;
    // Children that can never split need no partitioned lists: their statistics are read from
    // the split feature's list, which is already in left-then-right order.
    if (!cannotSplit(bestLeft, depth + 1) || !cannotSplit(end - mid, depth + 1)) {
      const bseg = bestFeature * m;
      for (let i = start; i < mid; i++) goLeft[order[bseg + i]] = 1;
      for (let i = mid; i < end; i++) goLeft[order[bseg + i]] = 0;
      for (let f = 0; f < p; f++) {
        if (f === bestFeature) continue;
        const seg = f * m;
        let w = seg + start;
        let t = 0;
        for (let i = seg + start; i < seg + end; i++) {
          const r = order[i];
          if (goLeft[r] === 1) order[w++] = r;
          else tmp[t++] = r;
        }
        order.set(tmp.subarray(0, t), w);
      }
    }
    // Push right first so the left child is popped next (preorder).
    stStart[sp] = mid;
    stEnd[sp] = end;
    stDepth[sp] = depth + 1;
    stParent[sp] = id;
    stSide[sp] = 1;
    stSeg[sp] = bestFeature;
    sp++;
    stStart[sp] = start;
    stEnd[sp] = mid;
    stDepth[sp] = depth + 1;
    stParent[sp] = id;
    stSide[sp] = 0;
    stSeg[sp] = bestFeature;
    sp++;
  }

  const tree: FlatTree = {
    nodeCount,
    feature: feature.slice(0, nodeCount),
    threshold: threshold.slice(0, nodeCount),
    left: left.slice(0, nodeCount),
    right: right.slice(0, nodeCount),
    value: value.slice(0, nodeCount * nOut),
    samples: samples.slice(0, nodeCount),
    weight: weight.slice(0, nodeCount),
    impurity: impurity.slice(0, nodeCount),
  };
  return { tree, importance };
}

/** Midpoint of two consecutive distinct values; if it rounds up to `b`, `a` keeps `x <= t` exact. */
function midpoint(a: number, b: number): number {
  const t = a / 2 + b / 2;
  return t >= b || t < a ? a : t;
}
