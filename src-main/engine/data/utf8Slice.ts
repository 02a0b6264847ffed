const decoder = new TextDecoder();

/**
 * The text of bytes[start, end) of valid UTF-8 (a cell of a delimited file read as bytes). The
 * string is a fresh copy, so keeping it does not keep the file's bytes alive.
 */
export function utf8Slice(bytes: Uint8Array, start: number, end: number): string {
  return start === end ? '' : decoder.decode(bytes.subarray(start, end));
}

/** Longest cell a StringCache keeps: category labels, not free text. */
const SHORT_CELL = 16;
/** Slots of a StringCache (a power of two): room for the categories of a table's text columns. */
const CACHE_SLOTS = 4096;

/**
 * utf8Slice that decodes a short ASCII cell once per distinct value seen lately: a category
 * column's 500 000 'yes' cells become one string instead of 500 000 copies of ~24 bytes, and a
 * repeat costs a hash and a compare instead of a decoder call. One slot per hash, the newest
 * wins.
 */
export class StringCache {
  private readonly slots: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS);

  slice(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length > SHORT_CELL || length === 0) return utf8Slice(bytes, start, end);
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b >= 0x80) return utf8Slice(bytes, start, end);
      hash = Math.imul(hash ^ b, 0x01000193);
    }
    const slot = (hash ^ (hash >>> 15)) & (CACHE_SLOTS - 1);
    const cached = this.slots[slot];
    if (cached !== undefined && cached.length === length) {
      let same = true;
      for (let k = 0; k < length && same; k++) same = cached.charCodeAt(k) === bytes[start + k];
      if (same) return cached;
    }
    const text = utf8Slice(bytes, start, end);
    this.slots[slot] = text;
    return text;
  }
}
