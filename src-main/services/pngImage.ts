/** A PNG from the renderer, decoded and checked before main writes it or puts it on the clipboard. */
import { ValidationError } from './validate';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chromium's canvas limit is 32767 per side; a bigger header is not an image we drew. */
export const MAX_PNG_SIDE = 32_767;

export interface PngImage {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Width and height from the IHDR chunk, or a ValidationError when `bytes` is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const isPng =
    bytes.length >= 33 &&
    SIGNATURE.every((b, i) => bytes[i] === b) &&
    String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  if (!isPng) throw new ValidationError('The image is not a PNG.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE)
    throw new ValidationError(`The image size ${width} × ${height} is not allowed.`);
  return { width, height };
}

/** `data:image/png;base64,…` → bytes and size (the prefix was checked by the channel's validator). */
export function decodePngDataUrl(url: string): PngImage {
  const base64 = url.slice(url.indexOf(',') + 1);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new ValidationError('The image data is not base64.');
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  return { bytes, ...pngSize(bytes) };
}
