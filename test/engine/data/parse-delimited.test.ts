import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { decodeText } from '../../../src-main/engine/data/decodeText';
import { parseDelimited } from '../../../src-main/engine/data/parseDelimited';
import type { RawTable } from '../../../src-main/engine/data/rawTable';
import { fixture, thrown } from './fixtures';

function cells(table: RawTable): string[][] {
  return Array.from({ length: table.rowNumbers.length }, (_, r) => table.columns.map((c) => c.text(r)));
}

function parseFixture(name: string): ReturnType<typeof parseDelimited> {
  return parseDelimited(decodeText(fixture(name), name).text, name);
}

describe('parseDelimited', () => {
  it('reads RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', () => {
    const table = parseFixture('quoted.csv');
    expect(table.delimiter).toBe(',');
    expect(table.header).toEqual(['name', 'comment', 'score']);
    expect(cells(table)).toEqual([
      ['Smith, John', 'said "hi"', '1.5'],
      ['Lee', 'two\nlines', '2'],
      ['Park', 'plain', '3'],
    ]);
    // The quoted line break pushes the third data row to line 5.
    expect([...table.rowNumbers]).toEqual([2, 3, 5]);
  });

  it('handles CRLF and skips trailing empty lines', () => {
    const table = parseFixture('crlf.csv');
    expect(table.header).toEqual(['a', 'b', 'label']);
    expect(cells(table)).toEqual([
      ['1', '2', 'yes'],
      ['3', '4', 'no'],
      ['5', '6', 'yes'],
    ]);
  });

  it('handles old Mac CR line ends and a missing final line break', () => {
    const table = parseDelimited('a,b\r1,2\r3,4', 'mac.csv');
    expect(cells(table)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect([...table.rowNumbers]).toEqual([2, 3]);
  });

  it('reads tab- and semicolon-separated files', () => {
    expect(parseFixture('tabs.tsv').delimiter).toBe('\t');
    expect(cells(parseFixture('tabs.tsv'))[2]).toEqual(['6.3', '6.0', 'virginica']);
    const semi = parseFixture('semicolon-decimal-comma.csv');
    expect(semi.delimiter).toBe(';');
    expect(cells(semi)[1]).toEqual(['2', '45', '82,25', 'B']);
  });

  it('skips blank and separator-only rows anywhere, keeping file line numbers', () => {
    const table = parseDelimited('a,b\n1,2\n\n,\n3,4\n , \n,,\n', 'gaps.csv');
    expect(cells(table)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect([...table.rowNumbers]).toEqual([2, 5]);
  });

  it('accepts a trailing separator (extra empty fields) but not extra values', () => {
    expect(cells(parseDelimited('a,b\n1,2,\n3,4,\n', 't.csv'))).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    const error = thrown(() => parseDelimited('a,b\n1,2\n3,4,5\n', 't.csv'));
    expect(error.message).toContain('t.csv, line 3: expected 2 fields (as in the header) but found 3.');
  });

  it('names the file, line and field counts of a ragged row', () => {
    const error = thrown(() => parseFixture('ragged.csv'));
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toBe(
      'ragged.csv, line 4: expected 3 fields (as in the header) but found 2. ' +
        'Check for a comma inside a value that is not quoted, or a missing separator.',
    );
    expect(error.details).toEqual({
      file: 'ragged.csv',
      row: 4,
      code: 'ragged-row',
      params: { file: 'ragged.csv', line: 4, expected: 3, found: 2, separator: 'comma' },
    });
  });

  it('reports an unterminated quote at the line where the quote opens', () => {
    const error = thrown(() => parseDelimited('a,b\n1,2\n3,"open\n4,5\n6,7\n', 'q.csv'));
    expect(error.message).toBe(
      'q.csv, line 3: a quoted value starts here but its closing quote (") is missing.',
    );
    expect(error.details).toMatchObject({ file: 'q.csv', row: 3, code: 'unterminated-quote' });
  });

  it('counts lines after multi-line quoted values for later errors', () => {
    const error = thrown(() => parseDelimited('a,b\n"x\ny\nz",1\n2\n', 'm.csv'));
    expect(error.message).toContain('m.csv, line 5: expected 2 fields');
  });

  it('keeps text after a closing quote, as spreadsheets do', () => {
    expect(cells(parseDelimited('a,b\n"12" cm,2\n', 'x.csv'))).toEqual([['12 cm', '2']]);
  });

  it('parses numbers while scanning, quoted or not, with decimal commas only for ;', () => {
    const comma = parseDelimited('a,b\n1.5,"2.25"\n-3,x\n', 'n.csv');
    expect([...comma.columns[0].numbers()]).toEqual([1.5, -3]);
    expect([...comma.columns[1].numbers()]).toEqual([2.25, NaN]);
    const semi = parseDelimited('a;b\n1,5;"2,25"\n', 's.csv');
    expect([...semi.columns[0].numbers()]).toEqual([1.5]);
    expect([...semi.columns[1].numbers()]).toEqual([2.25]);
  });

  it('finds each cell again from its start alone: quoted, unquoted, empty, last in the file, CR line ends', () => {
    const text = 'a,b,c\r"x,1",,"q""r"\r\r"",7,"9"\r-2,"",z';
    const table = parseDelimited(text, 'cr.csv');
    expect(cells(table)).toEqual([
      ['x,1', '', 'q"r'],
      ['', '7', '9'],
      ['-2', '', 'z'],
    ]);
    // The blank line makes the record estimate one too many; the numbers come out exact anyway,
    // and asking twice gives the same numbers even after the caller changed the first array.
    const first = table.columns[1].numbers();
    expect([...first]).toEqual([NaN, 7, NaN]);
    first[1] = 0;
    expect([...table.columns[1].numbers()]).toEqual([NaN, 7, NaN]);
    expect([...table.columns[2].numbers()]).toEqual([NaN, 9, NaN]);
  });

  it('gives specific errors for an empty file and a header without rows', () => {
    const empty = thrown(() => parseDelimited(' \n\n', 'e.csv'));
    expect(empty.message).toBe('e.csv is empty: there is no header row and no data.');
    expect(empty.details).toMatchObject({ code: 'no-content' });
    const headerOnly = thrown(() => parseFixture('header-only.csv'));
    expect(headerOnly.message).toBe('header-only.csv has a header row but no data rows.');
    expect(headerOnly.details).toMatchObject({ code: 'no-data-rows' });
  });
});
