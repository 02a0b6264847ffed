import { UserFacingError } from '../errors';
import { SIGNATURE_NAMES, sniffSignature } from './sniffFormat';

/** Text of a file and the encoding it was read with, as a report would name it. */
export interface DecodedText {
  readonly text: string;
  /** 'UTF-8', 'UTF-8 with BOM', 'UTF-16LE', 'UTF-16BE' or 'CP949 (EUC-KR)'. */
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

/**
 * Legacy Korean exports (CP949/EUC-KR) decode to Hangul syllables; bytes of another
 * legacy code page usually decode to rare Hanja or fail, which we refuse rather than guess.
 */
function decodeKorean(bytes: Uint8Array): string | null {
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

/**
 * Decodes the bytes of a delimited text file, detecting the encoding: a BOM (UTF-8,
 * UTF-16LE/BE), UTF-16 without BOM, valid UTF-8, else Korean CP949/EUC-KR. Binary
 * files (NUL bytes, known signatures) and anything else get a UserFacingError.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new UserFacingError(
      `${fileName} is too large to read as text (${Math.round(bytes.length / 2 ** 20)} MB; at most ${MAX_TEXT_BYTES / 2 ** 20} MB).`,
      { file: fileName, code: 'file-too-large' },
    );
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict(bytes.subarray(3), 'utf-8', fileName), encoding: 'UTF-8 with BOM' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16le', fileName), encoding: 'UTF-16LE' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16be', fileName), encoding: 'UTF-16BE' };
  }
  const signature = sniffSignature(bytes);
  if (signature) throw notText(fileName, SIGNATURE_NAMES[signature]);

  const utf16 = guessUtf16(bytes);
  if (utf16) {
    return {
      text: decodeStrict(bytes, utf16, fileName),
      encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE',
    };
  }
  if (hasNul(bytes)) throw notText(fileName, 'a binary file');

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: try the legacy Korean code page before giving up.
  }
  const korean = decodeKorean(bytes);
  if (korean !== null) return { text: korean, encoding: 'CP949 (EUC-KR)' };
  throw new UserFacingError(
    `${fileName} is not in a text encoding Lime Lens recognises (UTF-8, UTF-16 or Korean CP949/EUC-KR). ` +
      'Save it again as "CSV UTF-8" and reopen it.',
    { file: fileName, code: 'unknown-encoding' },
  );
}

function decodeStrict(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', fileName: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UserFacingError(
      `${fileName} looks like ${label.toUpperCase()} text but contains bytes that are not valid ${label.toUpperCase()}. ` +
        'The file may be damaged or in a different encoding; save it again as "CSV UTF-8".',
      { file: fileName, code: 'unknown-encoding' },
    );
  }
}
