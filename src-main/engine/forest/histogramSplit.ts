/**
 * Histogram (binned) split search for the large nodes of a tree, as LightGBM and scikit-learn's
 * HistGradientBoosting do: each feature's values are cut once per forest into at most 256 bins,
 * and a large node finds its split from per-bin class counts (or weighted sums) instead of
 * sweeping sorted lists, then partitions one row list instead of every feature's list.
 *
 * Bins come from the sorted values, so they are the same on every machine: a feature with at
 * most 256 distinct values gets one bin per value (a cut between each two, where the exact search
 * would try a threshold); otherwise the cuts sit between distinct values near the 1/256
 * quantiles. A cut is the exact search's midpoint rounded to float32 where that stays between the
 * two values (cutBetween): the forest then keeps 4-byte thresholds.
 * A split "bin ≤ b" is the threshold cut[b], and `x <= cut[b]` holds for exactly those rows.
 * The difference to the exact search: a large node only tries thresholds at the cuts.
 */
import type { Rng } from '../random/rng';
import { ColumnBinner } from './columnBins';
import { NodeArrays } from './nodeArrays';
import { scratchBuffer, type TreeScratch } from './treeScratch';
import { classCounts, valueStats } from './nodeStats';

export const MAX_BINS = 256;

/** Per-feature cut points (thresholds) and each row's bin code. */
export interface FeatureBins {
  /** Column-major bin codes: codes[f * nRows + r] in 0..nBins(f)-1. */
  readonly codes: Uint8Array;
  /** Cuts of feature f: cuts[cutStart[f] .. cutStart[f + 1]); bin b holds cut[b-1] < x <= cut[b]. */
  readonly cuts: Float64Array;
  readonly cutStart: Int32Array;
  /** Every cut is a float32 value (see cutBetween): a forest of these bins can keep float32 thresholds. */
  readonly float32: boolean;
}

/**
 * A byte array threads can share without a copy (SharedArrayBuffer where the runtime has it):
 * the worker's tree-growing threads all read the same bin codes.
 */
function sharedBytes(length: number): Uint8Array {
  return typeof SharedArrayBuffer === 'function'
    ? new Uint8Array(new SharedArrayBuffer(length))
    : new Uint8Array(length);
}

/**
 * Bins every feature; `column(f, out)` writes feature f's nRows values into `out`. One column
 * and its bucketed copy are in memory at a time. A row's code is the number of cuts below its
 * value, which is the bin a sweep over the sorted values gives it.
 */
export function binColumns(
  nRows: number,
  nFeatures: number,
  column: (f: number, out: Float64Array) => void,
): FeatureBins {
  const codes = sharedBytes(nRows * nFeatures);
  const cutStart = new Int32Array(nFeatures + 1);
  const cutList: number[] = [];
  const values = new Float64Array(nRows);
  // The cuts a sort of each column gives, found without the sort (columnBins.ts).
  const binner = new ColumnBinner(nRows);
  for (let f = 0; f < nFeatures; f++) {
    column(f, values);
    cutStart[f] = cutList.length;
    cutList.push(...binner.bin(values, MAX_BINS, codes, f * nRows));
  }
  cutStart[nFeatures] = cutList.length;
  const cuts = Float64Array.from(cutList);
  return { codes, cuts, cutStart, float32: cuts.every((c) => Math.fround(c) === c) };
}

/** Bins the features of a column-major table (X[f * nRows + r]); see binColumns. */
export function binFeatures(X: Float64Array, nRows: number, nFeatures: number): FeatureBins {
  return binColumns(nRows, nFeatures, (f, out) => out.set(X.subarray(f * nRows, (f + 1) * nRows)));
}

export interface HistogramInput {
  readonly m: number;
  readonly p: number;
  /** Local column-major bin codes: codes[f * m + l]. */
  readonly codes: Uint8Array;
  readonly bins: FeatureBins;
  readonly w: Float64Array;
  readonly yc: Int32Array | null;
  readonly yr: Float64Array | null;
  readonly nClasses: number;
  readonly mtry: number;
  readonly maxDepth: number;
  readonly minLeaf: number;
  readonly minSplit: number;
}

const PURE = Number.EPSILON;

/**
 * Grows a whole tree by histograms over the m in-bag rows. Node ids are handed out in depth-first
 * preorder (left child next), as FlatTree wants; returns the number of nodes. Features are drawn
 * per node as the exact search draws them (the same rng protocol); the rules are the exact
 * search's otherwise (minimum leaf and split sizes in distinct rows, depth limit, purity).
 */
export function growHistogramTree(
  H: HistogramInput,
  rng: Rng,
  importance: Float64Array,
  scratch?: TreeScratch,
): { nodes: NodeArrays; nodeCount: number } {
  const { m, p, codes, bins, w, yc, yr, nClasses: k, mtry, maxDepth, minLeaf, minSplit } = H;
  const rows = scratchBuffer(scratch, 'rows', m, Int32Array);
  for (let i = 0; i < m; i++) rows[i] = i;
  const nOut = yc ? k : 1;
  const out = new NodeArrays(Math.max(16, Math.ceil(m / 2)), nOut, scratch);
  const width = yc ? k : 2;
  const hist = new Float64Array(MAX_BINS * width);
  const cnt = new Int32Array(MAX_BINS);
  /** Node statistics: class weights, or [W, Σwy, Σw(y−ȳ)²] (nodeStats.ts). */
  const stat = new Float64Array(yc ? k : 3);
  const best = { proxy: -Infinity, feature: -1, bin: -1 };
  /** Running left class weights of a scan (zeroed after each). */
  const left = new Float64Array(Math.max(1, k));
  const feats = Int32Array.from({ length: p }, (_, f) => f);
  const tmp = scratchBuffer(scratch, 'rowsTmp', m, Int32Array);
  // Pending nodes: range of `rows`, depth, parent, side.
  const st: number[] = [0, m, 0, -1, 0];
  let nodeCount = 0;
  while (st.length > 0) {
    const side = st.pop()!;
    const parent = st.pop()!;
    const depth = st.pop()!;
    const end = st.pop()!;
    const start = st.pop()!;
    const size = end - start;
    const id = nodeCount++;
    out.add(id);
    if (parent >= 0 && side === 1) out.right[parent] = id;
    // Node statistics, as the exact search computes them.
    let wNode: number;
    let imp: number;
    if (yc) {
      wNode = classCounts(rows, start, end, w, yc, stat);
      let sq = 0;
      for (let c = 0; c < k; c++) {
        sq += stat[c] * stat[c];
        out.value[id * nOut + c] = stat[c] / wNode;
      }
      imp = 1 - sq / (wNode * wNode);
    } else {
      valueStats(rows, start, end, w, yr as Float64Array, stat);
      wNode = stat[0];
      imp = stat[2] / wNode;
      out.value[id] = stat[1] / wNode;
    }
    out.samples[id] = size;
    out.weight[id] = wNode;
    out.impurity[id] = imp;
    if (parent >= 0) importance[out.feature[parent]] -= wNode * imp;
    if (depth >= maxDepth || size < minSplit || size < 2 * minLeaf || !(imp > PURE)) continue;

    best.proxy = -Infinity;
    best.feature = -1;
    let drawn = 0;
    for (let j = 0; j < p && (drawn < mtry || best.feature < 0); j++) {
      const pick = j + rng.int(p - j);
      const f = feats[pick];
      feats[pick] = feats[j];
      feats[j] = f;
      drawn++;
      const nBins = bins.cutStart[f + 1] - bins.cutStart[f] + 1;
      if (nBins < 2) continue;
      const col = f * m;
      // Only the node's own bin range is filled, scanned and cleared: deep nodes are small.
      let lo = MAX_BINS;
      let hi = -1;
      if (yc) {
        for (let i = start; i < end; i++) {
          const r = rows[i];
          const b = codes[col + r];
          hist[b * width + yc[r]] += w[r];
          cnt[b]++;
          if (b < lo) lo = b;
          if (b > hi) hi = b;
        }
      } else {
        const y = yr as Float64Array;
        for (let i = start; i < end; i++) {
          const r = rows[i];
          const b = codes[col + r];
          hist[2 * b] += w[r];
          hist[2 * b + 1] += w[r] * y[r];
          cnt[b]++;
          if (b < lo) lo = b;
          if (b > hi) hi = b;
        }
      }
      if (lo < hi) scanBins(hist, cnt, width, yc ? k : 0, lo, hi, stat, wNode, size, minLeaf, f, best, left);
      hist.fill(0, lo * width, (hi + 1) * width);
      cnt.fill(0, lo, hi + 1);
    }
    if (best.feature < 0) continue;
    const bestFeature = best.feature;
    const bestBin = best.bin;
    out.feature[id] = bestFeature;
    out.threshold[id] = bins.cuts[bins.cutStart[bestFeature] + bestBin];
    importance[bestFeature] += wNode * imp;
    // Stable partition of the node's rows: bin ≤ bestBin first.
    const col = bestFeature * m;
    let o = start;
    let t = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i];
      if (codes[col + r] <= bestBin) rows[o++] = r;
      else tmp[t++] = r;
    }
    rows.set(tmp.subarray(0, t), o);
    // Right pushed first so the left child is handled next.
    st.push(o, end, depth + 1, id, 1, start, o, depth + 1, id, 0);
  }
  return { nodes: out, nodeCount };
}

/**
 * Sweeps bins lo..hi of one feature's node histogram for the best cut (bins ≤ b left), with the
 * exact search's proxies: Σ_c L_c²/W_L + Σ_c R_c²/W_R for classes, S_L²/W_L + S_R²/W_R for values.
 */
function scanBins(
  hist: Float64Array,
  cnt: Int32Array,
  width: number,
  k: number,
  lo: number,
  hi: number,
  stat: Float64Array,
  wNode: number,
  size: number,
  minLeaf: number,
  f: number,
  best: { proxy: number; feature: number; bin: number },
  left: Float64Array,
): void {
  let nL = 0;
  let wL = 0;
  let sL = 0;
  for (let b = lo; b < hi; b++) {
    const n = cnt[b];
    if (n === 0) continue; // the same partition as the previous non-empty bin's cut
    nL += n;
    if (k > 0) {
      for (let c = 0; c < k; c++) left[c] += hist[b * width + c];
    } else {
      wL += hist[2 * b];
      sL += hist[2 * b + 1];
    }
    if (nL < minLeaf) continue;
    if (size - nL < minLeaf) break;
    let proxy: number;
    if (k > 0) {
      let wl = 0;
      let sqL = 0;
      let sqR = 0;
      for (let c = 0; c < k; c++) {
        const l = left[c];
        const r = stat[c] - l;
        wl += l;
        sqL += l * l;
        sqR += r * r;
      }
      proxy = sqL / wl + sqR / (wNode - wl);
    } else {
      const sR = stat[1] - sL;
      proxy = (sL * sL) / wL + (sR * sR) / (wNode - wL);
    }
    if (proxy > best.proxy) {
      best.proxy = proxy;
      best.feature = f;
      best.bin = b;
    }
  }
  left.fill(0);
}
