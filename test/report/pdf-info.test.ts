import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfDate, pdfTextString, withPdfInfo } from '../../src-main/engine/report/pdfInfo';

/** A one-page PDF with a classic xref table and no /Info, as small as a reader accepts. */
function minimalPdf(): Uint8Array {
  const objects = [
    '1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n',
    '2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n',
    '3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>>\nendobj\n',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(body.length);
    body += o;
  }
  const xref = body.length;
  body += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size 4 /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new TextEncoder().encode(body);
}

describe('withPdfInfo', () => {
  it('encodes text as UTF-16BE with a byte-order mark and dates as D:…Z', () => {
    expect(pdfTextString('Aé김')).toBe('<FEFF004100E9AE40>');
    expect(pdfDate(new Date('2026-03-04T05:06:07Z'))).toBe('(D:20260304050607Z)');
  });

  it('appends an update that pdfinfo reads back, Korean included, leaving the original bytes intact', () => {
    const original = minimalPdf();
    const updated = withPdfInfo(original, {
      title: '유방암 설명 보고서',
      author: 'Dr. Kim (김)',
      subject: 'LIME explanations of rows 12, 40 of breast_cancer.csv',
      creator: 'Lime Lens 0.1.0',
      producer: 'Lime Lens 0.1.0 (Chromium print to PDF)',
      created: new Date('2026-12-02T01:20:00Z'),
    });
    expect(updated.subarray(0, original.length)).toEqual(original);
    const file = join(mkdtempSync(join(tmpdir(), 'pdf-info-')), 'x.pdf');
    writeFileSync(file, updated);
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+유방암 설명 보고서$/m);
    expect(info).toMatch(/^Author:\s+Dr\. Kim \(김\)$/m);
    expect(info).toMatch(/^Subject:\s+LIME explanations of rows 12, 40 of breast_cancer\.csv$/m);
    expect(info).toMatch(/^Creator:\s+Lime Lens 0\.1\.0$/m);
    expect(info).toMatch(/^Producer:\s+Lime Lens 0\.1\.0 \(Chromium print to PDF\)$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-12-02T01:20:00Z$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
    // pdfinfo repairs a broken xref table silently, so the offsets are checked too.
    const text = new TextDecoder('latin1').decode(updated);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const objectOffset = Number(/xref\n4 1\n(\d{10}) 00000 n \n/.exec(text.slice(startxref))![1]);
    expect(text.slice(objectOffset, objectOffset + 8)).toBe('4 0 obj\n');
    expect(text).toContain('/Prev ');
  });

  it('refuses a PDF without a classic trailer', () => {
    expect(() =>
      withPdfInfo(new TextEncoder().encode('%PDF-1.7\nnot really'), {
        title: '',
        author: '',
        subject: '',
        creator: '',
        producer: '',
        created: new Date(0),
      }),
    ).toThrow('The PDF has no classic trailer to update.');
  });
});
