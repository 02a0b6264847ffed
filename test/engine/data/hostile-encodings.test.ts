import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { decodeText } from '../../../src-main/engine/data/decodeText';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';

function thrown(run: () => unknown): UserFacingError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a UserFacingError');
}

function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const points = [...(bom ? '\ufeff' : ''), ...text].map((c) => c.codePointAt(0)!);
  const view = new DataView(new ArrayBuffer(points.length * 4));
  points.forEach((p, i) => view.setUint32(i * 4, p, littleEndian));
  return new Uint8Array(view.buffer);
}

const latin1 = (text: string): Uint8Array => Uint8Array.from([...text], (c) => c.charCodeAt(0));

describe('UTF-32', () => {
  it.each([
    ['UTF-32LE', true, true],
    ['UTF-32BE', false, true],
    ['UTF-32LE', true, false],
    ['UTF-32BE', false, false],
  ])('reads %s (BOM: %s) with its names intact, not as UTF-16 with NULs', (encoding, le, bom) => {
    const text = 'größe,나이,😀\n1,2,3\n';
    expect(decodeText(utf32(text, le, bom), 'u.csv')).toEqual({ text, encoding });
  });

  it('refuses UTF-32 holding a value beyond Unicode', () => {
    const bytes = utf32('a,b\n1,2\n', true, true);
    new DataView(bytes.buffer).setUint32(8, 0x110000, true);
    expect(thrown(() => decodeText(bytes, 'bad32.csv')).message).toBe(
      'bad32.csv looks like UTF-32LE text but contains values that are not valid UTF-32LE. ' +
        'The file may be damaged; save it again as "CSV UTF-8".',
    );
  });
});

describe('text that is not valid UTF-8', () => {
  it('refuses mostly-UTF-8 text with a damaged byte, naming the line, instead of reading CP949', () => {
    const good = new TextEncoder().encode('name,city\nJosé,São Paulo\nRené,Zürich\n');
    const bytes = new Uint8Array([...good, ...latin1('Ana,M'), 0xe1, ...latin1('laga\n')]);
    const error = thrown(() => decodeText(bytes, 'mixed.csv'));
    expect(error.message).toBe(
      'mixed.csv is UTF-8 text, but line 4 holds bytes that are not valid UTF-8 (1 such byte in the file). ' +
        'The file may be damaged or mix encodings; save it again as "CSV UTF-8".',
    );
    expect(error.details).toMatchObject({ file: 'mixed.csv', row: 4, code: 'encoding.invalid-utf8' });
  });

  it('reads Latin-1 Ä before a letter as Ä, not as a Hangul syllable', () => {
    // C4 72 is a valid CP949 extension pair (a Hangul syllable); the old detector took it.
    expect(decodeText(latin1('Ärger,Öl\n1,2\n'), 'de.csv')).toEqual({
      text: 'Ärger,Öl\n1,2\n',
      encoding: 'Windows-1252 (Latin-1)',
    });
  });

  it('still reads hand-written CP949 Hangul as Korean', () => {
    // 나이,성별 / 한,글
    const korean = Uint8Array.from([
      0xb3, 0xaa, 0xc0, 0xcc, 0x2c, 0xbc, 0xba, 0xba, 0xb0, 0x0a, 0xc7, 0xd1, 0x2c, 0xb1, 0xdb,
    ]);
    expect(decodeText(korean, 'k.csv')).toEqual({ text: '나이,성별\n한,글', encoding: 'CP949 (EUC-KR)' });
  });

  it('reads the Windows-1252 fixture with accented headers and decimal commas', () => {
    const data = loadDataset(readFileSync('test/fixtures/data/windows-1252.csv'), 'windows-1252.csv');
    expect(data.source).toMatchObject({
      encoding: 'Windows-1252 (Latin-1)',
      delimiter: ';',
      decimalComma: true,
    });
    expect(data.columns.map((c) => c.name)).toEqual(['Größe', 'Température', 'Catégorie', 'Gewicht']);
    expect([...(data.values[0] as Float64Array)]).toEqual([1.75, 1.62, 1.8, 1.7]);
    expect([...(data.values[1] as Float64Array)]).toEqual([20.5, 18, 22.5, -3.5]);
    expect(data.values[2]).toEqual(['été', 'hiver', 'été', 'hiver']);
  });
});

describe('decimal commas in tab-separated files', () => {
  it('reads 70,5 in a TSV as 70.5, as in ; files', () => {
    const data = loadDataset(new TextEncoder().encode('a\tb\n70,5\t1\n-3,25\t2\n1\t3\n'), 't.tsv');
    expect(data.source).toMatchObject({ delimiter: '\t', decimalComma: true });
    expect(data.columns[0].kind).toBe('numeric');
    expect([...(data.values[0] as Float64Array)]).toEqual([70.5, -3.25, 1]);
  });

  it('keeps commas as separators in comma files', () => {
    const data = loadDataset(new TextEncoder().encode('a,b\n"70,5",1\n"3,25",2\n'), 'c.csv');
    expect(data.values[0]).toEqual(['70,5', '3,25']);
  });
});
