/**
 * Working buffers one grower reuses from tree to tree (a tree thread, or the engine's own loop).
 * A forest of large trees otherwise allocates and frees tens of megabytes per tree: the
 * allocator keeps those freed blocks (glibc's per-thread arenas do not give them back), so the
 * process's peak memory grew with the number of trees rather than with one tree's needs.
 */
export type Typed = Float64Array | Int32Array | Uint8Array;
/** Float64Array, Int32Array or Uint8Array: a buffer is made with `new Type(length)`. */
export type TypedArrayType<T extends Typed> = new (length: number) => T;

export class TreeScratch {
  private readonly buffers = new Map<string, Typed>();

  /**
   * A buffer of `length` values under `name`, not zeroed (the caller writes what it reads). Kept
   * for the next tree and grown with room to spare when a tree needs more.
   */
  take<T extends Typed>(name: string, length: number, Type: TypedArrayType<T>): T {
    let buffer = this.buffers.get(name) as T | undefined;
    if (!buffer || buffer.length < length) {
      buffer = new Type(Math.ceil(length * 1.1));
      this.buffers.set(name, buffer);
    }
    return buffer.subarray(0, length) as T;
  }
}

/** scratch.take, or a fresh (zeroed) buffer without scratch. */
export function scratchBuffer<T extends Typed>(
  scratch: TreeScratch | undefined,
  name: string,
  length: number,
  Type: TypedArrayType<T>,
): T {
  return scratch ? scratch.take(name, length, Type) : new Type(length);
}
