import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { decodeText } from '../../../src-main/engine/data/decodeText';
import { fixture, thrown } from './fixtures';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decodeText', () => {
  it('reads plain UTF-8 with non-ASCII letters', () => {
    const text = new TextEncoder().encode('größe,ü\n1,2\n');
    expect(decodeText(text, 'a.csv')).toEqual({ text: 'größe,ü\n1,2\n', encoding: 'UTF-8' });
  });

  it('strips a UTF-8 BOM and says so', () => {
    const { text, encoding } = decodeText(fixture('bom.csv'), 'bom.csv');
    expect(encoding).toBe('UTF-8 with BOM');
    expect(text).toBe('größe,ergebnis\n1.5,ja\n2.5,nein\n');
  });

  it('reads UTF-16LE with a BOM', () => {
    expect(decodeText(fixture('utf16le-bom.csv'), 'u.csv')).toEqual({
      text: 'x,y,class\n1,2,a\n3,4,b\n',
      encoding: 'UTF-16LE',
    });
  });

  it('recognises UTF-16LE without a BOM from the NUL pattern', () => {
    expect(decodeText(fixture('utf16le-nobom.csv'), 'u.csv')).toEqual({
      text: 'x,y,class\n1,2,a\n3,4,b\n',
      encoding: 'UTF-16LE',
    });
  });

  it('reads UTF-16BE with and without a BOM', () => {
    // "a,b\n1,2\n" in big-endian code units.
    const be = [0, 97, 0, 44, 0, 98, 0, 10, 0, 49, 0, 44, 0, 50, 0, 10];
    expect(decodeText(bytes(0xfe, 0xff, ...be), 'b.csv')).toEqual({
      text: 'a,b\n1,2\n',
      encoding: 'UTF-16BE',
    });
    expect(decodeText(bytes(...be), 'b.csv')).toEqual({ text: 'a,b\n1,2\n', encoding: 'UTF-16BE' });
  });

  it('falls back to Korean CP949/EUC-KR for hand-written Hangul bytes', () => {
    // 한 = C7 D1, 글 = B1 DB, 나이 = B3 AA C0 CC, 성별 = BC BA BA B0.
    const korean = bytes(
      0xb3,
      0xaa,
      0xc0,
      0xcc,
      0x2c,
      0xbc,
      0xba,
      0xba,
      0xb0,
      0x0a,
      0xc7,
      0xd1,
      0x2c,
      0xb1,
      0xdb,
    );
    expect(decodeText(korean, 'k.csv')).toEqual({ text: '나이,성별\n한,글', encoding: 'CP949 (EUC-KR)' });
    expect(decodeText(fixture('cp949.csv'), 'cp949.csv').text).toBe(
      '나이,성별,진단\n34,남,한\n45,여,글\n51,남,글\n',
    );
  });

  it('reads Windows-1252 accents and refuses bytes that fit no encoding it knows', () => {
    // Windows-1252 "café" — not valid UTF-8, not Korean pairs, clearly Latin.
    expect(decodeText(bytes(0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a), 'latin.csv')).toEqual({
      text: 'café,1\n',
      encoding: 'Windows-1252 (Latin-1)',
    });
    // 0x81 and 0x8D are undefined in Windows-1252 and no valid CP949 pair follows them.
    const error = thrown(() => decodeText(bytes(0x61, 0x2c, 0x81, 0x20, 0x8d, 0x0a), 'odd.csv'));
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toBe(
      'odd.csv is not in a text encoding Lime Lens recognises (UTF-8, UTF-16, UTF-32, Korean CP949/EUC-KR ' +
        'or Windows-1252/Latin-1). Save it again as "CSV UTF-8" and reopen it.',
    );
    expect(error.details).toMatchObject({ file: 'odd.csv', code: 'unknown-encoding' });
  });

  it.each([
    ['PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'a PNG image'],
    ['PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'), 'a PDF document'],
    ['gzip', bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0), 'a gzip-compressed file'],
    ['NUL-ridden binary', bytes(1, 0, 0, 0, 7, 0, 0, 0, 200, 3, 0, 0, 0, 0, 0, 9, 0, 0), 'a binary file'],
  ])('says a %s is not a text table', (_, data, what) => {
    const error = thrown(() => decodeText(data, 'data.csv'));
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toBe(
      `data.csv is not a text table (it looks like ${what}). Open a CSV/TSV text file or an .xlsx workbook.`,
    );
    expect(error.details).toMatchObject({ file: 'data.csv', code: 'binary-file' });
  });
});
