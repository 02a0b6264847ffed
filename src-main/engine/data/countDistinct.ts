const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** Values per partition: a partition's table (2× as many slots, 9 bytes each) stays in the CPU cache. */
const PART_SIZE = 16384;

function hashOf(v: number): number {
  bits[0] = v;
  let h = Math.imul(words[0], 0x9e3779b1) ^ words[1];
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The last call's grouping buffer: the next column of the same table reuses it, the garbage collector may take it after. */
let lastScratch: WeakRef<ArrayBuffer> | undefined;

/**
 * At least `bytes` of scratch. A fresh 6 MB per column of a 500 000-row table was freed only
 * at the next collection, which added ~40 MB to the peak of reading a 30-column CSV.
 */
function scratch(bytes: number): ArrayBuffer {
  const kept = lastScratch?.deref();
  if (kept !== undefined && kept.byteLength >= bytes) return kept;
  const buffer = new ArrayBuffer(bytes);
  lastScratch = new WeakRef(buffer);
  return buffer;
}

/**
 * Number of distinct non-NaN values, by open addressing on the float's bits: about
 * ten times faster than sorting a copy on 100 000 values, which matters per column.
 * -0 and 0 count as one value. Large columns are first split by the top bits of each value's
 * hash, so that each part is counted in a smaller table: one table for 500 000 values (9 MB)
 * missed the cache on nearly every probe (~55 ms a column, 1.7 s a 30-column table).
 */
export function countDistinct(values: Float64Array): number {
  let present = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present++;
  let partBits = 0;
  while (partBits < 12 && present >> partBits > PART_SIZE) partBits++;
  const parts = 1 << partBits;
  const shift = 32 - partBits;
  const partOf = (h: number): number => (partBits === 0 ? 0 : h >>> shift);
  // Values and their hashes, grouped by part.
  const start = new Int32Array(parts + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) start[partOf(hashOf(v === 0 ? 0 : v)) + 1]++;
  }
  for (let p = 0; p < parts; p++) start[p + 1] += start[p];
  const next = start.slice(0, parts);
  let largest = 0;
  for (let p = 0; p < parts; p++) largest = Math.max(largest, start[p + 1] - start[p]);
  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  // One buffer holds the grouped values, the table, the hashes and the used flags (in that order, for alignment).
  const buffer = scratch(present * 12 + capacity * 9);
  const grouped = new Float64Array(buffer, 0, present);
  const table = new Float64Array(buffer, present * 8, capacity);
  const hashes = new Int32Array(buffer, (present + capacity) * 8, present);
  const used = new Uint8Array(buffer, present * 12 + capacity * 8, capacity);
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    if (v !== v) continue;
    if (v === 0) v = 0;
    const h = hashOf(v);
    const at = next[partOf(h)]++;
    grouped[at] = v;
    hashes[at] = h;
  }
  let distinct = 0;
  for (let p = 0; p < parts; p++) {
    const from = start[p];
    const to = start[p + 1];
    let size = 16;
    while (size < (to - from) * 2) size *= 2;
    const mask = size - 1;
    used.fill(0, 0, size);
    for (let i = from; i < to; i++) {
      const v = grouped[i];
      let slot = hashes[i] & mask;
      while (used[slot] === 1 && table[slot] !== v) slot = (slot + 1) & mask;
      if (used[slot] === 0) {
        used[slot] = 1;
        table[slot] = v;
        distinct++;
      }
    }
  }
  return distinct;
}
