/**
 * The neighbourhood sampler of the default (discretized) mode with every per-feature table
 * flattened into typed arrays: feature j's value k lives at slot j·stride + k. The general
 * loop in LimeTabularExplainer.neighbourhoodSampler reads arrays of per-feature arrays and calls a
 * sampler object per cell; on breast cancer (5000 × 30 cells) this layout measured ~3× faster.
 * The arithmetic is the same, in the same order, so the samples are bit-identical.
 */
import type { Rng } from '../random/rng';
import { normalQuantileFast } from './normalDistribution';
import { ConstantSampler, TruncatedNormal, type BinSampler } from './truncatedNormal';

/** How the value inside a (feature, value) slot is drawn (a const enum: literals in the hot loop). */
const enum Kind {
  Constant,
  Truncated,
  /** Truncated normal so deep in the lower tail that Φ underflows: exponential approximation. */
  DeepTail,
}

export interface FrequencyFeature {
  /** Cumulative frequencies of the feature's values (last entry 1). */
  readonly cdf: Float64Array;
  readonly invWidth: Float64Array;
  /** Guide table over `guideCells` equal slices of [0, 1) (see the explainer's featureGuide). */
  readonly guide: Int32Array;
  /** Per value: its sampler (a bin's truncated normal), or null to return `values[k]` itself. */
  readonly samplers: readonly (BinSampler | null)[];
  readonly values: Float64Array;
}

/** Whether the table can stand in for these samplers (it knows constants and truncated normals). */
export function tabulable(samplers: readonly (BinSampler | null)[]): boolean {
  return samplers.every((s) => s === null || s instanceof ConstantSampler || s instanceof TruncatedNormal);
}

/**
 * A slot's numbers side by side (one record of Field.Size doubles), so a cell loads them from
 * one array, near each other: measured ~15% faster than one typed array per field. A const enum
 * so that the offsets are literals in the hot loop (module constants are loaded each time).
 */
const enum Field {
  /** cdf of the value before (0 for the first): where the value's share of [0, 1) starts. */
  Below,
  InvWidth,
  PLo,
  PSpan,
  Lo,
  Hi,
  /** The bin's loc, or the constant a Kind.Constant slot returns. */
  Loc,
  /**
   * scale · (−1 when mirrored): the same product as scale · (sign · x), since negation is exact
   * and rounding is symmetric.
   */
  SignedScale,
  Size,
}

export class FrequencySamplingTable {
  private readonly stride: number;
  private readonly nValues: Int32Array;
  private readonly cdf: Float64Array;
  private readonly guide: Int32Array;
  private readonly kind: Uint8Array;
  private readonly slots: Float64Array;
  private readonly values: Float64Array;
  /** One row's uniform draws, reused. */
  private draws = new Float64Array(0);
  /** Per slot, 1 for the instance's own value, else 0 (the `data` cell), reused. */
  private same = new Float64Array(0);
  /** `same` as integers, to advance the count of ones without a branch. */
  private sameCount = new Int32Array(0);

  constructor(
    features: readonly FrequencyFeature[],
    private readonly guideCells: number,
  ) {
    const d = features.length;
    this.stride = Math.max(1, ...features.map((f) => f.cdf.length));
    const size = d * this.stride;
    this.nValues = Int32Array.from(features, (f) => f.cdf.length);
    this.cdf = new Float64Array(size).fill(1);
    this.guide = new Int32Array(d * guideCells);
    this.kind = new Uint8Array(size);
    this.slots = new Float64Array(size * Field.Size);
    this.values = new Float64Array(size);
    const slots = this.slots;
    features.forEach((f, j) => {
      this.guide.set(f.guide, j * guideCells);
      for (let k = 0; k < f.cdf.length; k++) {
        const s = j * this.stride + k;
        const at = s * Field.Size;
        this.cdf[s] = f.cdf[k];
        slots[at + Field.Below] = k === 0 ? 0 : f.cdf[k - 1];
        slots[at + Field.InvWidth] = f.invWidth[k];
        this.values[s] = f.values[k];
        const sampler = f.samplers[k];
        if (sampler instanceof TruncatedNormal) {
          this.kind[s] = sampler.pSpan > 1e-300 ? Kind.Truncated : Kind.DeepTail;
          slots[at + Field.PLo] = sampler.pLo;
          slots[at + Field.PSpan] = sampler.pSpan;
          slots[at + Field.Lo] = sampler.lo;
          slots[at + Field.Hi] = sampler.hi;
          slots[at + Field.Loc] = sampler.loc;
          slots[at + Field.SignedScale] = sampler.mirrored ? -sampler.scale : sampler.scale;
        } else {
          this.kind[s] = Kind.Constant;
          slots[at + Field.Loc] = sampler ? sampler.fromUniform(0) : f.values[k];
        }
      }
    });
  }

  /** Slot of the value equal to `value` for feature j, or −1 (the instance's own value). */
  indexOf(j: number, value: number): number {
    for (let k = 0; k < this.nValues[j]; k++) if (this.values[j * this.stride + k] === value) return k;
    return -1;
  }

  /**
   * Fills rows from..to−1 of `data` (1 where a draw equals the instance's value, else 0) and of
   * `inverse` (the drawn values), both rows × d row-major, one uniform draw per cell in row order.
   * Also lists each row's ones (CSR, as weightedDesign's `ones`): row r's columns are
   * ones.cols[ones.offsets[r] .. ones.offsets[r + 1]), ascending; ones.offsets[from] must be set
   * (rows before `from` listed), and ones.cols must hold rows × d entries. `codes` (rows × d)
   * receives each cell's drawn value index: with it, `recode` rebuilds `data` and `ones` for
   * another instance without drawing again.
   */
  sample(
    rng: Rng,
    from: number,
    to: number,
    instanceIndex: Int32Array,
    data: Float64Array,
    inverse: Float64Array,
    ones: { readonly offsets: Int32Array; readonly cols: Int32Array },
    codes: Int32Array,
  ): void {
    const d = this.nValues.length;
    const { stride, guideCells, cdf, guide, kind, slots } = this;
    const draws = this.draws.length >= d ? this.draws : (this.draws = new Float64Array(d));
    const { same, sameCount } = this.markInstance(instanceIndex);
    const { offsets, cols } = ones;
    let m = offsets[from];
    for (let r = from; r < to; r++) {
      const base = r * d;
      rng.fillUniform(draws, 0, d);
      for (let j = 0; j < d; j++) {
        const u = draws[j];
        const jStride = j * stride;
        let k = guide[j * guideCells + ((u * guideCells) | 0)];
        if (k < 0) {
          k = -1 - k;
          const last = this.nValues[j] - 1;
          while (k < last && cdf[jStride + k] <= u) k++;
        }
        const s = jStride + k;
        codes[base + j] = k;
        data[base + j] = same[s];
        cols[m] = j;
        m += sameCount[s];
        const how = kind[s];
        const at = s * Field.Size;
        if (how === Kind.Constant) {
          inverse[base + j] = slots[at + Field.Loc];
          continue;
        }
        // As TruncatedNormal.fromUniform, with the bin's position of u as its uniform.
        const w = Math.min((u - slots[at + Field.Below]) * slots[at + Field.InvWidth], 1);
        const lo = slots[at + Field.Lo];
        const hi = slots[at + Field.Hi];
        let x =
          how === Kind.Truncated
            ? normalQuantileFast(slots[at + Field.PLo] + w * slots[at + Field.PSpan])
            : hi + Math.log1p(-w) / Math.abs(hi);
        if (x < lo) x = lo;
        else if (x > hi) x = hi;
        inverse[base + j] = slots[at + Field.Loc] + slots[at + Field.SignedScale] * x;
      }
      offsets[r + 1] = m;
    }
  }

  /**
   * `data` and `ones` of rows from..to−1 as `sample` would have written them for the instance
   * `instanceIndex`, from the value indices `codes` that sample recorded (for any instance: the
   * draws themselves do not depend on it).
   */
  recode(
    codes: Int32Array,
    from: number,
    to: number,
    instanceIndex: Int32Array,
    data: Float64Array,
    ones: { readonly offsets: Int32Array; readonly cols: Int32Array },
  ): void {
    const d = this.nValues.length;
    const stride = this.stride;
    const { same, sameCount } = this.markInstance(instanceIndex);
    const { offsets, cols } = ones;
    let m = offsets[from];
    for (let r = from; r < to; r++) {
      const base = r * d;
      for (let j = 0; j < d; j++) {
        const s = j * stride + codes[base + j];
        data[base + j] = same[s];
        cols[m] = j;
        m += sameCount[s];
      }
      offsets[r + 1] = m;
    }
  }

  /**
   * 1 at the instance's own value of each feature, else 0, as a double (the `data` cell) and an
   * integer (to advance the count of ones without a branch): a load instead of comparing k with
   * the instance's index, a branch that mispredicts often.
   */
  private markInstance(instanceIndex: Int32Array): { same: Float64Array; sameCount: Int32Array } {
    const d = this.nValues.length;
    const stride = this.stride;
    if (this.same.length < d * stride) {
      this.same = new Float64Array(d * stride);
      this.sameCount = new Int32Array(d * stride);
    }
    const { same, sameCount } = this;
    same.fill(0);
    sameCount.fill(0);
    for (let j = 0; j < d; j++) {
      if (instanceIndex[j] < 0) continue;
      same[j * stride + instanceIndex[j]] = 1;
      sameCount[j * stride + instanceIndex[j]] = 1;
    }
    return { same, sameCount };
  }
}
