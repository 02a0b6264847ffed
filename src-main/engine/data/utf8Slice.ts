const decoder = new TextDecoder();
/** Up to this many bytes, an ASCII cell is built with fromCharCode: cheaper than a decoder call. */
const SHORT_CELL = 16;

/**
 * The text of bytes[start, end) of valid UTF-8 (a cell of a delimited file read as bytes). The
 * string is a fresh copy, so keeping it does not keep the file's bytes alive.
 */
export function utf8Slice(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= SHORT_CELL) {
    let text = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      text += String.fromCharCode(b);
    }
    return text;
  }
  return decoder.decode(bytes.subarray(start, end));
}
