/** Magic numbers of files people drop by mistake, named the way a user would recognise them. */
export type Signature = 'zip' | 'ole' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'gzip' | 'sqlite';

const SIGNATURES: readonly { readonly kind: Signature; readonly bytes: readonly number[] }[] = [
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  // Compound File Binary: legacy .xls, and also password-protected .xlsx.
  { kind: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: 'sqlite', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

export function sniffSignature(bytes: Uint8Array): Signature | null {
  for (const { kind, bytes: magic } of SIGNATURES) {
    if (bytes.length < magic.length) continue;
    let match = true;
    for (let i = 0; i < magic.length && match; i++) match = bytes[i] === magic[i];
    if (match) return kind;
  }
  return null;
}

export const SIGNATURE_NAMES: Readonly<Record<Signature, string>> = {
  zip: 'a ZIP archive',
  ole: 'an old-style Excel (.xls) or password-protected Office file',
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  gzip: 'a gzip-compressed file',
  sqlite: 'an SQLite database',
};
