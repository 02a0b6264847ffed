/**
 * Seeded pseudo-random numbers shared by every engine module.
 *
 * xoshiro128** seeded through splitmix32: 32-bit integer arithmetic only, so the
 * same seed gives the same stream on every machine and JS engine.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** out[from..to) = the next (to − from) next() draws, in order (a hot loop's batch of draws). */
  fillUniform(out: Float64Array, from: number, to: number): void;
  /** Standard normal draw (mean 0, sd 1). */
  normal(): number;
  /** An independent child stream, e.g. one per tree, so parallel work stays reproducible. */
  fork(): Rng;
  /** The seed fork() would use (and consumes the same draws): createRng(forkSeed()) equals fork(). */
  forkSeed(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator; any finite number is a valid seed (it is folded to 32 bits). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  return new Xoshiro128(seed);
}

/**
 * One class for every generator so that all of them share their methods: a hot loop calling
 * rng.next() then stays monomorphic and inlinable across generators (closures created per
 * generator made such call sites deoptimize with "wrong call target" for each new seed).
 * The state lives in a typed array because uint32 values in plain fields or closure
 * variables are boxed as heap numbers on every update.
 */
class Xoshiro128 implements Rng {
  private readonly s: Uint32Array;
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(seed: number) {
    const sm = splitmix32(Math.floor(seed) ^ Math.floor(seed / 0x100000000));
    this.s = Uint32Array.of(sm(), sm(), sm(), sm());
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1;
  }

  private nextU32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  next(): number {
    return this.nextU32() / 0x100000000;
  }

  int(n: number): number {
    return Math.floor((this.nextU32() / 0x100000000) * n);
  }

  fillUniform(out: Float64Array, from: number, to: number): void {
    // nextU32 with the state in int32 locals: the same bits, without a typed-array round trip
    // per draw.
    const s = this.s;
    let s0 = s[0] | 0;
    let s1 = s[1] | 0;
    let s2 = s[2] | 0;
    let s3 = s[3] | 0;
    for (let i = from; i < to; i++) {
      const m = Math.imul(s1, 5);
      out[i] = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) / 0x100000000;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    // Box–Muller; 1 - u keeps log() away from 0.
    const u = 1 - this.nextU32() / 0x100000000;
    const v = this.nextU32() / 0x100000000;
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    this.hasSpareNormal = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  fork(): Rng {
    return createRng(this.forkSeed());
  }

  forkSeed(): number {
    return this.nextU32() * 0x100000000 + this.nextU32();
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Fisher–Yates shuffle in place; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(arr: T, rng: Rng): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}
