import { Inflate } from 'fflate';
import { UserFacingError } from '../errors';
import { crc32 } from './crc32';

/**
 * A ZIP reader for workbooks that trusts nothing the archive says about itself: the
 * central directory is checked against the file size before anything is inflated,
 * only the parts asked for are inflated, each part is inflated in small steps and
 * stopped the moment it outgrows its declared size or the workbook's budget, and
 * every part's CRC-32 is verified.
 */

/** One file of the archive as its central directory describes it (sizes in bytes). */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** A part larger than this cannot become one JavaScript string (2^29 − 24 characters). */
export const MAX_PART_BYTES = 500 * 2 ** 20;
/** Inflated bytes allowed for a whole workbook, whatever its size. */
export const MAX_TOTAL_BYTES = 1024 * 2 ** 20;
/** Inflated bytes allowed per byte of the file: real sheets compress 5–50×; bombs 1000×. */
export const MAX_EXPANSION = 200;
/** Every workbook may inflate at least this much, so small files with tiny parts are never refused. */
const MIN_BUDGET_BYTES = 64 * 2 ** 20;
/** Compressed bytes fed to the inflater per step; deflate expands at most ~1032×, so one step stays small. */
const STEP_BYTES = 16 * 1024;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const EOCD_SIZE = 22;

/** Inflated-byte budget for a workbook of `fileBytes` bytes. */
export function inflateBudget(fileBytes: number): number {
  return Math.min(MAX_TOTAL_BYTES, Math.max(MIN_BUDGET_BYTES, fileBytes * MAX_EXPANSION));
}

function formatMb(bytes: number): string {
  return `${Math.ceil(bytes / 2 ** 20)} MB`;
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;
  private readonly view: DataView;

  /**
   * Reads the central directory of `bytes` (a whole .xlsx file). Throws a
   * UserFacingError naming `fileName` when the directory is damaged or impossible.
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    private readonly budget = inflateBudget(bytes.length),
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  /** Names of all parts, in directory order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflated bytes so far, counted against the budget. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /** The part's bytes, inflated and CRC-checked; undefined when there is no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.flags & 1) {
      throw this.error(`the part ${name} is encrypted (a password-protected workbook)`, 'xlsx.encrypted');
    }
    if (entry.size > MAX_PART_BYTES) {
      throw this.error(
        `the part ${name} would inflate to ${formatMb(entry.size)}, more than the ${formatMb(MAX_PART_BYTES)} one part may hold`,
        'xlsx.too-large',
      );
    }
    if (this.inflated + entry.size > this.budget) throw this.overBudget(name);
    const start = this.dataStart(entry);
    const compressed = this.bytes.subarray(start, start + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        throw this.damaged(`the stored part ${name} has inconsistent sizes`);
      out = compressed;
    } else if (entry.method === 8) {
      out = this.inflate(entry, compressed);
    } else {
      throw this.error(
        `the part ${name} uses compression method ${entry.method}, which Excel does not write`,
        'xlsx.unsupported-compression',
      );
    }
    this.inflated += out.length;
    if (crc32(out) !== entry.crc) {
      throw this.error(`the part ${name} fails its CRC-32 checksum, so the file is damaged`, 'xlsx.checksum');
    }
    return out;
  }

  /** The part as UTF-8 text (a BOM is dropped); undefined when there is no such part. */
  readText(name: string): string | undefined {
    const data = this.read(name);
    return data === undefined ? undefined : new TextDecoder('utf-8').decode(data);
  }

  private inflate(entry: ZipEntry, compressed: Uint8Array): Uint8Array {
    const out = new Uint8Array(entry.size);
    let written = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      if (overflow) return;
      if (written + chunk.length > out.length) {
        overflow = true;
        return;
      }
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      for (let at = 0; at < compressed.length && !overflow; at += STEP_BYTES) {
        const end = Math.min(compressed.length, at + STEP_BYTES);
        inflater.push(compressed.subarray(at, end), end === compressed.length);
      }
      if (compressed.length === 0) inflater.push(compressed, true);
    } catch {
      throw this.damaged(`the compressed data of ${entry.name} is damaged`);
    }
    if (overflow) {
      throw this.error(
        `the part ${entry.name} inflates to more than the ${entry.size} bytes its directory declares`,
        'xlsx.size-mismatch',
      );
    }
    if (written !== entry.size) {
      throw this.error(
        `the part ${entry.name} inflates to ${written} bytes, not the ${entry.size} its directory declares`,
        'xlsx.size-mismatch',
      );
    }
    return out;
  }

  private dataStart(entry: ZipEntry): number {
    const at = entry.localOffset;
    if (at + LOCAL_SIZE > this.bytes.length || this.view.getUint32(at, true) !== LOCAL) {
      throw this.damaged(`the local header of ${entry.name} is missing`);
    }
    const start = at + LOCAL_SIZE + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    if (start + entry.compressedSize > this.bytes.length) {
      throw this.damaged(`the data of ${entry.name} runs past the end of the file`);
    }
    return start;
  }

  private readDirectory(): void {
    const { bytes, view } = this;
    const n = bytes.length;
    let eocd = -1;
    for (let i = n - EOCD_SIZE; i >= Math.max(0, n - EOCD_SIZE - 0xffff); i--) {
      if (view.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.incomplete();
    let count = view.getUint16(eocd + 10, true);
    let size = view.getUint32(eocd + 12, true);
    let offset = view.getUint32(eocd + 16, true);
    let directoryEnd = eocd;
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
        const record = this.uint64(locator + 8);
        if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_EOCD) {
          throw this.damaged('its ZIP64 end record is missing or out of place');
        }
        count = this.uint64(record + 32);
        size = this.uint64(record + 40);
        offset = this.uint64(record + 48);
        directoryEnd = record;
      }
    }
    if (offset + size > directoryEnd) throw this.damaged('its directory lies outside the file');
    // Every directory record takes at least 46 bytes, so the count cannot exceed what fits.
    if (count * CENTRAL_SIZE > size) {
      throw this.damaged(
        `its directory claims ${count} parts but has room for ${Math.floor(size / CENTRAL_SIZE)}`,
      );
    }
    let at = offset;
    const end = offset + size;
    const decoder = new TextDecoder('utf-8');
    for (let k = 0; k < count; k++) {
      if (at + CENTRAL_SIZE > end || view.getUint32(at, true) !== CENTRAL) {
        throw this.damaged('its directory is damaged');
      }
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      let compressedSize = view.getUint32(at + 20, true);
      let entrySize = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      let localOffset = view.getUint32(at + 42, true);
      const nameStart = at + CENTRAL_SIZE;
      const next = nameStart + nameLength + extraLength + commentLength;
      if (next > end) throw this.damaged('its directory is damaged');
      // ZIP64 extra field: the 64-bit values, in order, for each 32-bit field that is all ones.
      for (let x = nameStart + nameLength; x + 4 <= nameStart + nameLength + extraLength;) {
        const id = view.getUint16(x, true);
        const length = view.getUint16(x + 2, true);
        if (id === 1) {
          let p = x + 4;
          const limit = p + length;
          if (entrySize === 0xffffffff && p + 8 <= limit) {
            entrySize = this.uint64(p);
            p += 8;
          }
          if (compressedSize === 0xffffffff && p + 8 <= limit) {
            compressedSize = this.uint64(p);
            p += 8;
          }
          if (localOffset === 0xffffffff && p + 8 <= limit) localOffset = this.uint64(p);
        }
        x += 4 + length;
      }
      const name = decoder.decode(bytes.subarray(nameStart, nameStart + nameLength));
      if (localOffset + LOCAL_SIZE + compressedSize > offset) {
        throw this.damaged(`the part ${name} lies outside the file's data`);
      }
      if (!this.entries.has(name)) {
        this.entries.set(name, { name, method, flags, crc, compressedSize, size: entrySize, localOffset });
      }
      at = next;
    }
  }

  /** A little-endian 64-bit field as a number; values past 2^53 become Infinity and fail every bound. */
  private uint64(at: number): number {
    if (at + 8 > this.bytes.length) throw this.incomplete();
    const high = this.view.getUint32(at + 4, true);
    return high >= 0x200000 ? Infinity : high * 2 ** 32 + this.view.getUint32(at, true);
  }

  private overBudget(name: string): UserFacingError {
    return this.error(
      `reading the part ${name} would inflate the workbook past ${formatMb(this.budget)} ` +
        `(at most ${MAX_EXPANSION} times the file size, ${formatMb(MAX_TOTAL_BYTES)} in all), as in a ZIP bomb`,
      'xlsx.too-large',
    );
  }

  private incomplete(): UserFacingError {
    return this.error('the ZIP data is damaged or incomplete', 'bad-xlsx');
  }

  private damaged(why: string): UserFacingError {
    return this.error(`the ZIP data is damaged: ${why}`, 'xlsx.zip-damaged');
  }

  private error(why: string, code: string): UserFacingError {
    return new UserFacingError(`${this.fileName} could not be read as an Excel workbook: ${why}.`, {
      file: this.fileName,
      code,
    });
  }
}
