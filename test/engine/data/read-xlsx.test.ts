import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import type { RawTable } from '../../../src-main/engine/data/rawTable';
import { readXlsx } from '../../../src-main/engine/data/readXlsx';
import { writeXlsx } from '../../fixtures/xlsxWriter';
import { thrown } from './fixtures';

function cells(table: RawTable): string[][] {
  return Array.from({ length: table.rowNumbers.length }, (_, r) => table.columns.map((c) => c.text(r)));
}

const twoSheets = writeXlsx([
  {
    name: 'Patients',
    rows: [
      ['id', 'age', 'group', 'note'],
      [1, 34.5, 'A', { inline: 'first & <best>' }],
      [2, null, 'B', { rich: ['bold ', 'and plain'] }],
      null,
      [3, 51, 'A', null, null],
      [4, 1e-7, true, { formula: 'CONCAT("x","y")', text: 'xy' }],
    ],
  },
  {
    name: 'Lab results',
    rows: [
      ['test', 'value'],
      ['HbA1c', 6.1],
      ['LDL', 130],
    ],
  },
]);

describe('readXlsx', () => {
  it('reads the first sheet: shared, rich and inline strings, numbers, booleans, formula text, gaps', () => {
    const table = readXlsx(twoSheets, 'book.xlsx');
    expect(table.sheet).toBe('Patients');
    expect(table.sheets).toEqual(['Patients', 'Lab results']);
    expect(table.header).toEqual(['id', 'age', 'group', 'note']);
    expect(cells(table)).toEqual([
      ['1', '34.5', 'A', 'first & <best>'],
      ['2', '', 'B', 'bold and plain'],
      ['3', '51', 'A', ''],
      ['4', '1e-7', 'TRUE', 'xy'],
    ]);
    // Row 4 of the sheet is absent, so the last two data rows are sheet rows 5 and 6.
    expect([...table.rowNumbers]).toEqual([2, 3, 5, 6]);
  });

  it('reads a chosen sheet and lists the sheets when the name is unknown', () => {
    const lab = readXlsx(twoSheets, 'book.xlsx', { sheet: 'Lab results' });
    expect(lab.header).toEqual(['test', 'value']);
    expect(cells(lab)).toEqual([
      ['HbA1c', '6.1'],
      ['LDL', '130'],
    ]);
    const error = thrown(() => readXlsx(twoSheets, 'book.xlsx', { sheet: 'Sheet1' }));
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toBe(
      "book.xlsx has no sheet named 'Sheet1'. Its sheets are: 'Patients', 'Lab results'.",
    );
    expect(error.details).toMatchObject({ code: 'unknown-sheet' });
  });

  it('skips a hidden first sheet by default', () => {
    const book = writeXlsx([
      { name: 'Lookup', hidden: true, rows: [['k'], ['v']] },
      {
        name: 'Data',
        rows: [
          ['x', 'y'],
          [1, 2],
        ],
      },
    ]);
    expect(readXlsx(book, 'h.xlsx').sheet).toBe('Data');
    expect(readXlsx(book, 'h.xlsx', { sheet: 'Lookup' }).header).toEqual(['k']);
  });

  it('places cells without r attributes by their order', () => {
    const book = writeXlsx(
      [
        {
          name: 'S',
          rows: [
            ['a', 'b', 'c'],
            [1, 2, 3],
            [4, 5, 6],
          ],
        },
      ],
      { omitCellRefs: true },
    );
    expect(cells(readXlsx(book, 'n.xlsx'))).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads Excel error cells as empty and counts them', () => {
    const book = writeXlsx([
      {
        name: 'S',
        rows: [
          ['a', 'b'],
          [1, { error: '#DIV/0!' }],
          [2, 3],
        ],
      },
    ]);
    const table = readXlsx(book, 'e.xlsx');
    expect(cells(table)).toEqual([
      ['1', ''],
      ['2', '3'],
    ]);
    expect(table.errorCells).toBe(1);
  });

  it('decodes entities and _xHHHH_ escapes, and ignores phonetic runs', () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a&#x41;&#66;&quot;_x000D_z</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row>' +
      '</sheetData></worksheet>';
    const book = zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook xmlns:r="r"><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="/xl/worksheets/s.xml"/></Relationships>',
      ),
      'xl/worksheets/s.xml': strToU8(sheet),
    });
    const table = readXlsx(book, 'x.xlsx');
    expect(table.sheet).toBe('A & B');
    expect(table.header).toEqual(['aAB"\rz']);
    expect(cells(table)).toEqual([['東京']]);
  });

  it('reads parts whose elements carry a namespace prefix (OpenXML SDK style)', () => {
    const sheet =
      '<x:worksheet xmlns:x="main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>n</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="n"><x:v>2.5</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const book = zipSync({
      'xl/workbook.xml': strToU8(
        '<x:workbook xmlns:x="main" xmlns:r="rel"><x:sheets><x:sheet name="P" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/p.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': strToU8(
        '<x:sst xmlns:x="main"><x:si><x:t>name</x:t></x:si><x:si><x:t>12</x:t></x:si></x:sst>',
      ),
      'xl/worksheets/p.xml': strToU8(sheet),
    });
    const table = readXlsx(book, 'p.xlsx');
    expect(table.header).toEqual(['name', 'n']);
    expect(cells(table)).toEqual([['12', '2.5']]);
    // A number stored as text still reads as a number.
    expect([...table.columns[0].numbers()]).toEqual([12]);
  });

  it('reports a sheet cut short instead of guessing', () => {
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v>';
    const book = zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" Target="worksheets/s.xml"/></Relationships>',
      ),
      'xl/worksheets/s.xml': strToU8(sheet),
    });
    const error = thrown(() => readXlsx(book, 'cut.xlsx'));
    expect(error.message).toBe(
      "cut.xlsx could not be read as an Excel workbook: the data of sheet 'S' is damaged or cut short.",
    );
    expect(error.details).toMatchObject({ code: 'bad-xlsx' });
  });

  it('gives specific errors for damaged, foreign and empty workbooks', () => {
    const truncated = twoSheets.slice(0, 200);
    expect(thrown(() => readXlsx(truncated, 't.xlsx')).message).toBe(
      't.xlsx could not be read as an Excel workbook: the ZIP data is damaged or incomplete.',
    );
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<x/>'),
    });
    expect(thrown(() => readXlsx(ods, 'o.xlsx')).message).toContain(
      'o.xlsx is an OpenDocument spreadsheet (.ods)',
    );
    const empty = writeXlsx([{ name: 'Blank', rows: [] }]);
    expect(thrown(() => readXlsx(empty, 'b.xlsx')).message).toBe(
      "b.xlsx: sheet 'Blank' is empty: there is no header row and no data.",
    );
    const headerOnly = writeXlsx([{ name: 'H', rows: [['a', 'b']] }]);
    expect(thrown(() => readXlsx(headerOnly, 'h.xlsx')).message).toBe(
      "h.xlsx: sheet 'H' has a header row but no data rows.",
    );
  });
});

describe('loadDataset on workbooks', () => {
  it('types columns from a workbook and records sheet and sheets', () => {
    const data = loadDataset(twoSheets, 'book.xlsx');
    expect(data.source).toEqual({
      fileName: 'book.xlsx',
      format: 'xlsx',
      sheet: 'Patients',
      sheets: ['Patients', 'Lab results'],
    });
    expect(data.rowCount).toBe(4);
    expect(data.columns.map((c) => [c.name, c.kind, c.missing])).toEqual([
      ['id', 'identifier', 0],
      ['age', 'numeric', 1],
      ['group', 'categorical', 0],
      ['note', 'categorical', 1],
    ]);
    expect([...(data.values[1] as Float64Array)]).toEqual([34.5, NaN, 51, 1e-7]);
    expect(data.columns[2].categories).toEqual([
      { value: 'A', count: 2 },
      { value: 'B', count: 1 },
      { value: 'TRUE', count: 1 },
    ]);
  });

  it('routes a workbook named .csv to the XLSX reader by its signature', () => {
    const data = loadDataset(twoSheets, 'export.csv', { sheet: 'Lab results' });
    expect(data.source.format).toBe('xlsx');
    expect(data.columns.map((c) => c.name)).toEqual(['test', 'value']);
  });

  it('names the columns of an unnamed column with values and of duplicate names', () => {
    const unnamed = writeXlsx([
      {
        name: 'S',
        rows: [
          ['a', null, 'c'],
          [1, 2, 3],
        ],
      },
    ]);
    expect(thrown(() => loadDataset(unnamed, 'u.xlsx')).message).toBe(
      'u.xlsx: the header row has an empty column name in column 2 (B). Give every column with values a name.',
    );
    const spacer = writeXlsx([
      {
        name: 'S',
        rows: [
          ['a', null, 'c'],
          [1, null, 3],
        ],
      },
    ]);
    const data = loadDataset(spacer, 's.xlsx');
    expect(data.columns.map((c) => c.name)).toEqual(['a', 'c']);
    expect(data.warnings).toContain('Ignored column 2 (B): it has no header name and no values.');
  });
});
