/**
 * Ascending sort of a Float64Array, in place, in the same order as TypedArray.prototype.sort
 * (−0 before +0; no NaN expected). Large arrays are radix-sorted on their bits (~1.6× faster than
 * V8's comparison sort): a median's selection that gives up, or a bin bucket that holds most of a
 * skewed column, can still sort many values.
 */
const RADIX_MIN = 2048;
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) return values.sort();
  // Each double as [low word, high word]; flipped so that unsigned order is numeric order:
  // negatives get every bit inverted, non-negatives only the sign bit.
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = words[i + 1];
    if (hi >>> 31) {
      words[i] = ~words[i];
      words[i + 1] = ~hi;
    } else {
      words[i + 1] = hi | 0x80000000;
    }
  }
  let from: Uint32Array = words;
  let to: Uint32Array = new Uint32Array(2 * n);
  const counts = new Int32Array(1 << 16);
  // Least significant 16 bits first: low word's low and high half, then the high word's.
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = word; i < 2 * n; i += 2) counts[(from[i] >>> shift) & 0xffff]++;
    // A digit all values share moves nothing.
    if (counts[(from[word] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < 2 * n; i += 2) {
      const at = 2 * counts[(from[i + word] >>> shift) & 0xffff]++;
      to[at] = from[i];
      to[at + 1] = from[i + 1];
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== words) words.set(from);
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = words[i + 1];
    if (hi >>> 31) {
      words[i + 1] = hi & 0x7fffffff;
    } else {
      words[i] = ~words[i];
      words[i + 1] = ~hi;
    }
  }
  return values;
}
