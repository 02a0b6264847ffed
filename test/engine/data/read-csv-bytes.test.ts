import { describe, expect, it } from 'vitest';
import { utf8Text } from '../../../src-main/engine/data/decodeText';
import { inferColumn } from '../../../src-main/engine/data/inferColumn';
import { parseDelimitedBytes } from '../../../src-main/engine/data/parseDelimited';
import type { RawTable } from '../../../src-main/engine/data/rawTable';
import { UserFacingError } from '../../../src-main/engine/errors';
import { thrown } from './fixtures';
import { csv } from './helpers';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function parse(text: string): ReturnType<typeof parseDelimitedBytes> {
  return parseDelimitedBytes(utf8(text), 't.csv');
}

function cells(table: RawTable): string[][] {
  return Array.from({ length: table.rowNumbers.length }, (_, r) => table.columns.map((c) => c.text(r)));
}

describe('reading a delimited file from its UTF-8 bytes', () => {
  it('unquotes cells with separators, line breaks, doubled quotes and text after the closing quote', () => {
    const table = parse('a,b,c\n"x,y",1,"say ""hi"""\n"two\r\nlines","2","12" cm\n"",3,"tail"end\n');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(cells(table)).toEqual([
      ['x,y', '1', 'say "hi"'],
      ['two\r\nlines', '2', '12 cm'],
      ['', '3', 'tailend'],
    ]);
    expect(Array.from(table.columns[1].numbers())).toEqual([1, 2, 3]);
    // The quoted CRLF pushes the third data row to line 5.
    expect(Array.from(table.rowNumbers)).toEqual([2, 3, 5]);
  });

  it('finds a number column’s cell text by skipping the quoted fields before it in the row', () => {
    // Column c holds only numbers, so its cells' starts are not kept: text() rescans the row.
    const table = parse('a,b,c\n"p,""q""\nr",x,007\n"s",y,+12\n');
    expect(table.columns[2].text(0)).toBe('007');
    expect(table.columns[2].text(1)).toBe('+12');
    expect(Array.from(table.columns[2].numbers())).toEqual([7, 12]);
    expect(table.columns[0].text(0)).toBe('p,"q"\nr');
  });

  it('reads the text of a column that is numeric except one cell, before and after that cell', () => {
    const table = parse('n,m\n1,a\n2,b\n2,b\noops,a\n5,a\n');
    // Row 0–2 were numbers when read (no start kept), row 3 is the first text, row 4 after it.
    expect(cells(table).map((row) => row[0])).toEqual(['1', '2', '2', 'oops', '5']);
    const n = inferColumn('n', table.columns[0]);
    expect(n.values).toEqual(['1', '2', '2', 'oops', '5']);
    expect(n.summary.kind).toBe('categorical');
  });

  it('decodes multibyte UTF-8 text cells next to numbers, with and without a BOM', () => {
    const text = 'größe,이름,x\n1.5,한글,😀\n-2,"é, ü",😀\n';
    for (const bytes of [utf8(text), Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(text))]) {
      const data = csv(new TextDecoder().decode(bytes));
      expect(data.columns.map((c) => c.name)).toEqual(['größe', '이름', 'x']);
      expect(Array.from(data.values[0] as Float64Array)).toEqual([1.5, -2]);
      expect(data.values[1]).toEqual(['한글', 'é, ü']);
      expect(data.values[2]).toEqual(['😀', '😀']);
      expect(data.columns[2].kind).toBe('constant');
    }
  });

  it('reads a number padded with no-break spaces as a number, as String.trim does', () => {
    const table = parse('a,b\n\u00a042\u00a0,x\n');
    expect(table.columns[0].numbers()[0]).toBe(42);
  });

  it('keeps a yes/no column next to 30 number columns, and identifier text beyond them', () => {
    const header = [...Array.from({ length: 30 }, (_, j) => `f${j}`), 'label', 'case_id'];
    const rows = Array.from({ length: 50 }, (_, i) =>
      [
        ...Array.from({ length: 30 }, (_, j) => (i * 31 + j) / 8),
        i % 3 ? 'yes' : 'no',
        String(i).padStart(4, '0'),
      ].join(','),
    );
    const data = csv([header.join(','), ...rows].join('\n'));
    expect(data.columns[30]).toMatchObject({
      kind: 'categorical',
      categories: [
        { value: 'no', count: 17 },
        { value: 'yes', count: 33 },
      ],
    });
    expect((data.values[30] as string[]).slice(0, 4)).toEqual(['no', 'yes', 'yes', 'no']);
    expect(data.columns[31].kind).toBe('identifier');
    expect(data.idTexts?.[31]?.slice(0, 3)).toEqual(['0000', '0001', '0002']);
    expect((data.values[29] as Float64Array)[49]).toBe((49 * 31 + 29) / 8);
  });

  it('reads more distinct short cells than its string cache holds, each right', () => {
    const labels = Array.from({ length: 6000 }, (_, i) => `k${(i * 7919) % 5003}`);
    const table = parse(
      ['k,n', ...labels.map((k, i) => `${k},${i}`), ...labels.map((k) => `${k},0`)].join('\n'),
    );
    expect(Array.from({ length: 12000 }, (_, r) => table.columns[0].text(r))).toEqual([...labels, ...labels]);
  });

  it('grows its row index when the line-break count fell short (CR line ends, one LF among them)', () => {
    // Only the LF is counted, so one row is expected where 1 500 come.
    const text =
      'a,b\r' + Array.from({ length: 1500 }, (_, i) => `${i},${i % 2 ? 'x' : 'y'}`).join('\r') + '\n';
    const table = parse(text);
    expect(table.rowNumbers.length).toBe(1500);
    expect(table.rowNumbers[1499]).toBe(1501);
    expect(table.columns[1].text(1499)).toBe('x');
    expect(table.columns[0].numbers()[1499]).toBe(1499);
  });

  it('refuses blank text, Unicode spaces included, but not a header that starts with a non-ASCII letter', () => {
    for (const blank of ['\ufeff', ' \n\t', '\u00a0\u3000\n']) {
      const error = thrown(() => parseDelimitedBytes(utf8(blank), 'b.csv'));
      expect(error).toBeInstanceOf(UserFacingError);
      expect(error.details).toMatchObject({ code: 'no-content' });
    }
    expect(parse('나이,x\n1,2\n').header).toEqual(['나이', 'x']);
  });
});

describe('utf8Text', () => {
  it('gives a UTF-8 file its own bytes (no copy), without a BOM', () => {
    const bytes = utf8('a,b\n1,é\n');
    expect(utf8Text(bytes, 'a.csv')).toEqual({ bytes, encoding: 'UTF-8' });
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes);
    const read = utf8Text(bom, 'b.csv');
    expect(read.encoding).toBe('UTF-8 with BOM');
    expect(read.bytes.buffer).toBe(bom.buffer);
    expect(Array.from(read.bytes)).toEqual(Array.from(bytes));
  });

  it('encodes other encodings as UTF-8 (Windows-1252, UTF-16LE)', () => {
    expect(utf8Text(Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a), 'l.csv')).toEqual({
      bytes: utf8('café,1\n'),
      encoding: 'Windows-1252 (Latin-1)',
    });
    const le = Uint8Array.of(0xff, 0xfe, ...[...'ü,1\n'].flatMap((ch) => [ch.charCodeAt(0), 0]));
    expect(utf8Text(le, 'u.csv')).toEqual({ bytes: utf8('ü,1\n'), encoding: 'UTF-16LE' });
  });

  it('checks UTF-8 past an ASCII prefix at any alignment, and refuses a broken BOM file', () => {
    const body = utf8('x'.repeat(37) + 'é' + 'y'.repeat(11));
    for (const offset of [0, 1, 2, 3]) {
      const buffer = new Uint8Array(offset + body.length);
      buffer.set(body, offset);
      expect(utf8Text(buffer.subarray(offset), 'o.csv').encoding).toBe('UTF-8');
    }
    const broken = Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0x2c, 0xc3, 0x0a);
    expect(thrown(() => utf8Text(broken, 'x.csv')).message).toBe(
      'x.csv looks like UTF-8 text but contains bytes that are not valid UTF-8. ' +
        'The file may be damaged or in a different encoding; save it again as "CSV UTF-8".',
    );
  });
});
