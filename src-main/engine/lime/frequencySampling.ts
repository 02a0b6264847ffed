/**
 * The neighbourhood sampler of the default (discretized) mode with every per-feature table
 * flattened into typed arrays: feature j's value k lives at slot j·stride + k. The general
 * loop in LimeTabularExplainer.dataInverse reads arrays of per-feature arrays and calls a
 * sampler object per cell; on breast cancer (5000 × 30 cells) this layout measured ~3× faster.
 * The arithmetic is the same, in the same order, so the samples are bit-identical.
 */
import type { Rng } from '../random/rng';
import { normalQuantileFast } from './normalDistribution';
import { ConstantSampler, TruncatedNormal, type BinSampler } from './truncatedNormal';

/** How the value inside a (feature, value) slot is drawn. */
const CONSTANT = 0;
const TRUNCATED = 1;
/** Truncated normal so deep in the lower tail that Φ underflows: exponential approximation. */
const DEEP_TAIL = 2;

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

export class FrequencySamplingTable {
  private readonly stride: number;
  private readonly nValues: Int32Array;
  private readonly cdf: Float64Array;
  private readonly below: Float64Array;
  private readonly invWidth: Float64Array;
  private readonly guide: Int32Array;
  private readonly kind: Uint8Array;
  private readonly constant: Float64Array;
  private readonly pLo: Float64Array;
  private readonly pSpan: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly sign: Float64Array;
  private readonly loc: Float64Array;
  private readonly scale: Float64Array;
  private readonly values: Float64Array;
  /** One row's uniform draws, reused. */
  private draws = new Float64Array(0);

  constructor(
    features: readonly FrequencyFeature[],
    private readonly guideCells: number,
  ) {
    const d = features.length;
    this.stride = Math.max(1, ...features.map((f) => f.cdf.length));
    const size = d * this.stride;
    this.nValues = Int32Array.from(features, (f) => f.cdf.length);
    this.cdf = new Float64Array(size).fill(1);
    this.below = new Float64Array(size);
    this.invWidth = new Float64Array(size);
    this.guide = new Int32Array(d * guideCells);
    this.kind = new Uint8Array(size);
    this.constant = new Float64Array(size);
    this.pLo = new Float64Array(size);
    this.pSpan = new Float64Array(size);
    this.lo = new Float64Array(size);
    this.hi = new Float64Array(size);
    this.sign = new Float64Array(size).fill(1);
    this.loc = new Float64Array(size);
    this.scale = new Float64Array(size);
    this.values = new Float64Array(size);
    features.forEach((f, j) => {
      this.guide.set(f.guide, j * guideCells);
      for (let k = 0; k < f.cdf.length; k++) {
        const s = j * this.stride + k;
        this.cdf[s] = f.cdf[k];
        this.below[s] = k === 0 ? 0 : f.cdf[k - 1];
        this.invWidth[s] = f.invWidth[k];
        this.values[s] = f.values[k];
        const sampler = f.samplers[k];
        if (sampler instanceof TruncatedNormal) {
          this.kind[s] = sampler.pSpan > 1e-300 ? TRUNCATED : DEEP_TAIL;
          this.pLo[s] = sampler.pLo;
          this.pSpan[s] = sampler.pSpan;
          this.lo[s] = sampler.lo;
          this.hi[s] = sampler.hi;
          this.sign[s] = sampler.mirrored ? -1 : 1;
          this.loc[s] = sampler.loc;
          this.scale[s] = sampler.scale;
        } else {
          this.kind[s] = CONSTANT;
          this.constant[s] = sampler ? sampler.fromUniform(0) : f.values[k];
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
   */
  sample(
    rng: Rng,
    from: number,
    to: number,
    instanceIndex: Int32Array,
    data: Float64Array,
    inverse: Float64Array,
  ): void {
    const d = this.nValues.length;
    const {
      stride,
      guideCells,
      cdf,
      below,
      invWidth,
      guide,
      kind,
      constant,
      pLo,
      pSpan,
      lo,
      hi,
      sign,
      loc,
      scale,
    } = this;
    const draws = this.draws.length >= d ? this.draws : (this.draws = new Float64Array(d));
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
        data[base + j] = k === instanceIndex[j] ? 1 : 0;
        const s = jStride + k;
        const how = kind[s];
        if (how === CONSTANT) {
          inverse[base + j] = constant[s];
          continue;
        }
        // As TruncatedNormal.fromUniform, with the bin's position of u as its uniform.
        const w = Math.min((u - below[s]) * invWidth[s], 1);
        let x =
          how === TRUNCATED
            ? normalQuantileFast(pLo[s] + w * pSpan[s])
            : hi[s] + Math.log1p(-w) / Math.abs(hi[s]);
        if (x < lo[s]) x = lo[s];
        else if (x > hi[s]) x = hi[s];
        inverse[base + j] = loc[s] + scale[s] * (sign[s] * x);
      }
    }
  }
}
