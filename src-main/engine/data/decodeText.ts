import { UserFacingError } from '../errors';
import { SIGNATURE_NAMES, sniffSignature } from './sniffFormat';

/** Text of a file and the encoding it was read with, as a report would name it. */
export interface DecodedText {
  readonly text: string;
  /** 'UTF-8', 'UTF-8 with BOM', 'UTF-16LE', 'UTF-16BE', 'UTF-32LE', 'UTF-32BE', 'CP949 (EUC-KR)' or 'Windows-1252 (Latin-1)'. */
  readonly encoding: string;
}

/** JavaScript strings stop at 2^29 − 24 characters; refuse before the decoder fails obscurely. */
const MAX_TEXT_BYTES = 500 * 2 ** 20;
/** Bytes inspected for UTF-16 and binary heuristics; enough for many lines of any table. */
const SAMPLE_BYTES = 64 * 1024;

function notText(fileName: string, what: string): UserFacingError {
  return new UserFacingError(
    `${fileName} is not a text table (it looks like ${what}). Open a CSV/TSV text file or an .xlsx workbook.`,
    { file: fileName, code: 'binary-file' },
  );
}

/** Guesses UTF-16 without a BOM from where NUL bytes sit: ASCII in UTF-16LE is "x\0", in UTF-16BE "\0x". */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // Tables are mostly digits, separators and Latin headers, so well over a third of the
  // code units have a zero high byte; binary files have zeros on both sides.
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SAMPLE_BYTES).includes(0);
}

/** Guesses UTF-32 without a BOM: ASCII in UTF-32LE is "x\0\0\0", in UTF-32BE "\0\0\0x". */
function guessUtf32(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~3;
  if (n < 8) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 4) {
    if (bytes[i + 2] === 0 && bytes[i + 3] === 0 && bytes[i] !== 0) le++;
    if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 3] !== 0) be++;
  }
  const units = n / 4;
  if (le > units * 0.9 && be === 0) return 'le';
  if (be > units * 0.9 && le === 0) return 'be';
  return null;
}

/** UTF-32 code units to text; null when the length is not whole units or a value is not a Unicode scalar. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    chunk.push(code);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk.length = 0;
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** How the bytes ≥ 0x80 of a file that is not valid UTF-8 fall, to pick its legacy code page. */
interface HighBytes {
  /** Well-formed UTF-8 multi-byte sequences, and bytes that fit no sequence. */
  readonly utf8Sequences: number;
  readonly utf8Invalid: number;
  /** Offset of the first byte that is not valid UTF-8. */
  readonly firstInvalid: number;
  /** Bytes ≥ 0x80 in all; of them, bytes in KS X 1001 Hangul pairs (lead B0–C8, trail A1–FE). */
  readonly high: number;
  readonly koreanPairBytes: number;
  /** Bytes that are letters in Windows-1252 (À–ÿ but × ÷, and Š Œ Ž š œ ž Ÿ ƒ), and bytes it leaves undefined. */
  readonly latinLetters: number;
  readonly latinUndefined: number;
}

function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0) return 0;
  for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return need + 1;
}

function highBytes(bytes: Uint8Array): HighBytes {
  let utf8Sequences = 0;
  let utf8Invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      utf8Sequences++;
      i += length - 1;
    } else {
      utf8Invalid++;
      if (firstInvalid < 0) firstInvalid = i;
    }
  }
  let high = 0;
  let koreanPairBytes = 0;
  let latinLetters = 0;
  let latinUndefined = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    if ((b >= 0xc0 && b !== 0xd7 && b !== 0xf7) || LATIN_LETTERS_80_9F.includes(b)) latinLetters++;
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) latinUndefined++;
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x81) continue;
    const t = bytes[i + 1];
    if (b >= 0xb0 && b <= 0xc8 && t >= 0xa1 && t <= 0xfe) koreanPairBytes += 2;
    i++;
  }
  return { utf8Sequences, utf8Invalid, firstInvalid, high, koreanPairBytes, latinLetters, latinUndefined };
}

/** Š Œ Ž š œ ž Ÿ ƒ: the letters Windows-1252 puts in 0x80–0x9F. */
const LATIN_LETTERS_80_9F = [0x83, 0x8a, 0x8c, 0x8e, 0x9a, 0x9c, 0x9e, 0x9f];

/** 1-based line of a byte offset (LF, CRLF or CR line ends). */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
  }
  return line;
}

/**
 * Legacy Korean exports (CP949/EUC-KR) are almost all Hangul from KS X 1001 byte pairs;
 * Latin-1 accents next to ASCII letters decode to rare extension syllables or fail.
 */
function decodeKorean(bytes: Uint8Array, stats: HighBytes): string | null {
  if (stats.koreanPairBytes < stats.high * 0.8) return null;
  let text: string;
  try {
    text = new TextDecoder('euc-kr', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let nonAscii = 0;
  let hangul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3130 && c <= 0x318f)) hangul++;
  }
  return nonAscii > 0 && hangul >= nonAscii * 0.8 ? text : null;
}

/** Windows-1252 (what "Latin-1" files from Western Excel are): mostly accented letters, no undefined bytes. */
function decodeLatin(bytes: Uint8Array, stats: HighBytes): string | null {
  if (stats.latinUndefined > 0 || stats.latinLetters < stats.high * 0.5) return null;
  return new TextDecoder('windows-1252').decode(bytes);
}

/** A delimited text file's bytes as UTF-8 (see utf8Text), and the encoding it was read with. */
export interface Utf8Text {
  /** Valid UTF-8, without the byte order mark. */
  readonly bytes: Uint8Array;
  /** As DecodedText names it. */
  readonly encoding: string;
}

// A second BOM after the first stays in the text, as it did when the file was decoded in one piece.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes the bytes of a delimited text file, detecting the encoding: a BOM (UTF-8,
 * UTF-32LE/BE, UTF-16LE/BE), UTF-32 or UTF-16 without BOM, valid UTF-8; else the legacy
 * code page the bytes fit: Korean CP949/EUC-KR (KS X 1001 Hangul pairs) or Windows-1252
 * (accented letters). Mostly-UTF-8 text with invalid bytes is refused naming the line,
 * not guessed. Binary files (NUL bytes, known signatures) and anything else get a
 * UserFacingError.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const read = readText(bytes, fileName);
  return 'text' in read ? read : { text: utf8Decoder.decode(read.bytes), encoding: read.encoding };
}

/**
 * The bytes of a delimited text file as UTF-8, for reading it without a string of the whole
 * file: a UTF-8 file's own bytes (checked, not decoded: the reader decodes only the cells it
 * needs), any other encoding decoded as decodeText does and encoded again. Same detection
 * and errors as decodeText.
 */
export function utf8Text(bytes: Uint8Array, fileName: string): Utf8Text {
  const read = readText(bytes, fileName);
  return 'text' in read ? { bytes: new TextEncoder().encode(read.text), encoding: read.encoding } : read;
}

/** decodeText, but a UTF-8 file comes back as its checked bytes rather than as a string. */
function readText(bytes: Uint8Array, fileName: string): DecodedText | Utf8Text {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new UserFacingError(
      `${fileName} is too large to read as text (${Math.round(bytes.length / 2 ** 20)} MB; at most ${MAX_TEXT_BYTES / 2 ** 20} MB).`,
      { file: fileName, code: 'file-too-large' },
    );
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    if (!isUtf8(body)) throw notValid(fileName, 'UTF-8');
    return { bytes: body, encoding: 'UTF-8 with BOM' };
  }
  const utf32 =
    b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0
      ? 'le'
      : b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff
        ? 'be'
        : null;
  if (utf32 !== null) return decodeUtf32Strict(bytes.subarray(4), utf32, fileName);
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16le', fileName), encoding: 'UTF-16LE' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16be', fileName), encoding: 'UTF-16BE' };
  }
  const signature = sniffSignature(bytes);
  if (signature) throw notText(fileName, SIGNATURE_NAMES[signature]);

  const utf32Guess = guessUtf32(bytes);
  if (utf32Guess !== null) return decodeUtf32Strict(bytes, utf32Guess, fileName);
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    return {
      text: decodeStrict(bytes, utf16, fileName),
      encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE',
    };
  }
  if (hasNul(bytes)) throw notText(fileName, 'a binary file');

  if (isUtf8(bytes)) return { bytes, encoding: 'UTF-8' };
  // Not UTF-8: pick the legacy code page that explains the bytes, or say why none does.
  const stats = highBytes(bytes);
  const korean = decodeKorean(bytes, stats);
  if (korean !== null) return { text: korean, encoding: 'CP949 (EUC-KR)' };
  if (stats.utf8Sequences > 0 && stats.utf8Sequences >= stats.utf8Invalid) {
    const line = lineOf(bytes, stats.firstInvalid);
    throw new UserFacingError(
      `${fileName} is UTF-8 text, but line ${line} holds bytes that are not valid UTF-8 ` +
        `(${stats.utf8Invalid} such byte${stats.utf8Invalid === 1 ? '' : 's'} in the file). ` +
        'The file may be damaged or mix encodings; save it again as "CSV UTF-8".',
      { file: fileName, row: line, code: 'encoding.invalid-utf8' },
    );
  }
  const latin = decodeLatin(bytes, stats);
  if (latin !== null) return { text: latin, encoding: 'Windows-1252 (Latin-1)' };
  throw new UserFacingError(
    `${fileName} is not in a text encoding Lime Lens recognises (UTF-8, UTF-16, UTF-32, Korean CP949/EUC-KR ` +
      'or Windows-1252/Latin-1). Save it again as "CSV UTF-8" and reopen it.',
    { file: fileName, code: 'unknown-encoding' },
  );
}

/** Bytes checked as UTF-8 per decoder call: large enough to be fast, small enough to leave no big string behind. */
const UTF8_CHUNK = 1 << 20;

/**
 * Whether the bytes are valid UTF-8, without a string of them: an ASCII prefix (all of a
 * typical numeric table) is found four bytes at a time, the rest goes through a fatal decoder
 * in chunks whose text is dropped at once.
 */
function isUtf8(bytes: Uint8Array): boolean {
  const ascii = asciiPrefix(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for (let i = ascii; i < bytes.length; i += UTF8_CHUNK) {
      decoder.decode(bytes.subarray(i, i + UTF8_CHUNK), { stream: true });
    }
    decoder.decode();
  } catch {
    return false;
  }
  return true;
}

/** Length of the longest prefix of bytes below 0x80. */
function asciiPrefix(bytes: Uint8Array): number {
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3);
  for (let i = 0; i < head; i++) if (bytes[i] >= 0x80) return i;
  if (head === bytes.length) return head;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + head, (bytes.length - head) >>> 2);
  let w = 0;
  while (w < words.length && (words[w] & 0x80808080) === 0) w++;
  for (let i = head + 4 * w; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return bytes.length;
}

function notValid(fileName: string, label: string): UserFacingError {
  return new UserFacingError(
    `${fileName} looks like ${label} text but contains bytes that are not valid ${label}. ` +
      'The file may be damaged or in a different encoding; save it again as "CSV UTF-8".',
    { file: fileName, code: 'unknown-encoding' },
  );
}

function decodeStrict(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', fileName: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw notValid(fileName, label.toUpperCase());
  }
}

function decodeUtf32Strict(bytes: Uint8Array, order: 'le' | 'be', fileName: string): DecodedText {
  const label = order === 'le' ? 'UTF-32LE' : 'UTF-32BE';
  const text = decodeUtf32(bytes, order === 'le');
  if (text === null) {
    throw new UserFacingError(
      `${fileName} looks like ${label} text but contains values that are not valid ${label}. ` +
        'The file may be damaged; save it again as "CSV UTF-8".',
      { file: fileName, code: 'unknown-encoding' },
    );
  }
  return { text, encoding: label };
}
