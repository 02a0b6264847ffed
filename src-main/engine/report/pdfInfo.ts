/**
 * Adds a document information dictionary (title, author, subject, creator, producer, dates) to a
 * PDF by appending an incremental update — the original bytes stay as they are, readers take the
 * newest trailer. Chromium's print-to-PDF sets only the title. Pure.
 */
import type { PdfInfo } from '../../contract/report';

export type { PdfInfo };

const latin1 = new TextDecoder('latin1');

/** A PDF text string in UTF-16BE with a byte-order mark, so Korean titles survive. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ (UTC). */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

/**
 * Returns `pdf` with an update whose trailer points /Info at a new dictionary. Needs a classic
 * cross-reference table (what Chromium and Electron write); anything else is an Error.
 */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  // The tail holds the last trailer; 4 KB is far more than Chromium's few lines.
  const tail = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 4096)));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!startxref || trailerAt < 0) throw new Error('The PDF has no classic trailer to update.');
  const trailer = tail.slice(trailerAt, startxref.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!size || !root) throw new Error('The PDF trailer lacks /Size or /Root.');
  const id = Number(size[1]);
  const date = pdfDate(info.created);
  const entries = [
    `/Title ${pdfTextString(info.title)}`,
    `/Author ${pdfTextString(info.author)}`,
    `/Subject ${pdfTextString(info.subject)}`,
    ...(info.keywords !== undefined ? [`/Keywords ${pdfTextString(info.keywords)}`] : []),
    `/Creator ${pdfTextString(info.creator)}`,
    `/Producer ${pdfTextString(info.producer)}`,
    `/CreationDate ${date}`,
    `/ModDate ${date}`,
  ];
  const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectOffset = pdf.length + lead.length;
  const object = `${id} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefOffset = objectOffset + object.length;
  const update =
    `${lead}${object}xref\n${id} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${id + 1}\n/Root ${root[1]}\n/Info ${id} 0 R\n/Prev ${startxref[1]}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  // Every character above is ASCII, so string length = byte length.
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf, 0);
  for (let i = 0; i < update.length; i++) out[pdf.length + i] = update.charCodeAt(i);
  return out;
}
