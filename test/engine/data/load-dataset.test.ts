import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { fixture, sample, thrown } from './fixtures';

describe('loadDataset on the shipped samples', () => {
  it('reads breast_cancer.csv: 569 rows, 30 numeric features and the diagnosis', () => {
    const data = loadDataset(sample('breast_cancer.csv'), 'breast_cancer.csv');
    expect(data.source).toEqual({
      fileName: 'breast_cancer.csv',
      format: 'csv',
      encoding: 'UTF-8',
      delimiter: ',',
      decimalComma: false,
    });
    expect(data.rowCount).toBe(569);
    expect(data.columns).toHaveLength(31);
    expect(data.columns.filter((c) => c.kind === 'numeric')).toHaveLength(30);
    expect(data.columns.every((c) => c.missing === 0)).toBe(true);
    const diagnosis = data.columns[30];
    expect(diagnosis).toEqual({
      name: 'diagnosis',
      kind: 'categorical',
      missing: 0,
      distinct: 2,
      categories: [
        { value: 'benign', count: 357 },
        { value: 'malignant', count: 212 },
      ],
    });
    // First data row of the file, as printed there.
    const meanRadius = data.values[0] as Float64Array;
    expect(meanRadius[0]).toBe(17.99);
    expect(data.columns[0]).toMatchObject({ name: 'mean radius', min: 6.981, max: 28.11 });
    // scikit-learn's load_breast_cancer().data[:, 0].mean() = 14.127291739894552
    expect(data.columns[0].mean).toBeCloseTo(14.127291739894552, 10);
    expect(data.warnings).toEqual([]);
  });

  it('reads iris.csv with three balanced species', () => {
    const data = loadDataset(sample('iris.csv'), 'iris.csv');
    expect(data.rowCount).toBe(150);
    expect(data.columns.map((c) => c.kind)).toEqual([
      'numeric',
      'numeric',
      'numeric',
      'numeric',
      'categorical',
    ]);
    expect(data.columns[4].categories).toEqual([
      { value: 'setosa', count: 50 },
      { value: 'versicolor', count: 50 },
      { value: 'virginica', count: 50 },
    ]);
  });

  it('reads diabetes.csv with a numeric progression target', () => {
    const data = loadDataset(sample('diabetes.csv'), 'diabetes.csv');
    expect(data.rowCount).toBe(442);
    expect(data.columns).toHaveLength(11);
    expect(data.columns[10]).toMatchObject({ name: 'progression', kind: 'numeric', min: 25, max: 346 });
    expect(data.columns[1]).toMatchObject({ name: 'sex', kind: 'numeric', distinct: 2, min: 1, max: 2 });
  });
});

describe('loadDataset on fixtures', () => {
  it('reads a semicolon file with decimal commas', () => {
    const data = loadDataset(fixture('semicolon-decimal-comma.csv'), 'semi.csv');
    expect(data.source).toMatchObject({ delimiter: ';', decimalComma: true, encoding: 'UTF-8' });
    expect([...(data.values[2] as Float64Array)]).toEqual([70.5, 82.25, 65, 90]);
    expect(data.columns[1]).toMatchObject({
      name: 'age',
      kind: 'numeric',
      missing: 1,
      mean: (34 + 45 + 51) / 3,
    });
    expect(data.columns[3]).toMatchObject({ name: 'group', kind: 'categorical', distinct: 2 });
  });

  it('reads TSV, quoted, CRLF and BOM files', () => {
    expect(loadDataset(fixture('tabs.tsv'), 'tabs.tsv').source.delimiter).toBe('\t');
    const quoted = loadDataset(fixture('quoted.csv'), 'quoted.csv');
    expect(quoted.values[1]).toEqual(['said "hi"', 'two\nlines', 'plain']);
    expect([...(quoted.values[2] as Float64Array)]).toEqual([1.5, 2, 3]);
    const crlf = loadDataset(fixture('crlf.csv'), 'crlf.csv');
    expect(crlf.rowCount).toBe(3);
    expect(crlf.values[2]).toEqual(['yes', 'no', 'yes']);
    const bom = loadDataset(fixture('bom.csv'), 'bom.csv');
    expect(bom.source.encoding).toBe('UTF-8 with BOM');
    expect(bom.columns.map((c) => c.name)).toEqual(['größe', 'ergebnis']);
  });

  it('reads UTF-16LE with and without BOM', () => {
    for (const name of ['utf16le-bom.csv', 'utf16le-nobom.csv']) {
      const data = loadDataset(fixture(name), name);
      expect(data.source.encoding).toBe('UTF-16LE');
      expect(data.columns.map((c) => c.name)).toEqual(['x', 'y', 'class']);
      expect(data.values[2]).toEqual(['a', 'b']);
    }
  });

  it('reads Korean CP949 headers and values', () => {
    const data = loadDataset(fixture('cp949.csv'), 'cp949.csv');
    expect(data.source.encoding).toBe('CP949 (EUC-KR)');
    expect(data.columns.map((c) => c.name)).toEqual(['나이', '성별', '진단']);
    expect(data.values[1]).toEqual(['남', '여', '남']);
    expect(data.columns[1].categories).toEqual([
      { value: '남', count: 2 },
      { value: '여', count: 1 },
    ]);
    expect(data.columns[2].categories).toEqual([
      { value: '글', count: 2 },
      { value: '한', count: 1 },
    ]);
  });

  it('counts missing markers per column', () => {
    const data = loadDataset(fixture('missing-markers.csv'), 'm.csv');
    expect(data.columns[0]).toMatchObject({
      name: 'value',
      kind: 'numeric',
      missing: 9,
      distinct: 2,
      min: 1.5,
      max: 2.5,
    });
    expect(data.columns[1]).toMatchObject({ name: 'group', missing: 1 });
  });

  it.each([
    ['empty.csv', 'empty.csv is empty (0 bytes).', 'empty-file'],
    ['header-only.csv', 'header-only.csv has a header row but no data rows.', 'no-data-rows'],
    [
      'duplicate-header.csv',
      "duplicate-header.csv: duplicate column name(s) 'age' (columns 1 (A) and 3 (C)). Column names must be unique.",
      'duplicate-header',
    ],
    [
      'ragged.csv',
      'ragged.csv, line 4: expected 3 fields (as in the header) but found 2. ' +
        'Check for a comma inside a value that is not quoted, or a missing separator.',
      'ragged-row',
    ],
  ])('gives a specific error for %s', (name, message, code) => {
    const error = thrown(() => loadDataset(fixture(name), name));
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toBe(message);
    expect(error.details).toMatchObject({ file: name, code });
  });

  it('names an empty header column', () => {
    const bytes = new TextEncoder().encode('a,,c\n1,2,3\n');
    expect(thrown(() => loadDataset(bytes, 'h.csv')).message).toBe(
      'h.csv: the header row has an empty column name in column 2 (B). Give every column with values a name.',
    );
  });

  it('refuses binary files and old .xls workbooks', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(thrown(() => loadDataset(png, 'scan.csv')).message).toContain('scan.csv is not a text table');
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const error = thrown(() => loadDataset(xls, 'old.xls'));
    expect(error.message).toContain('old.xls is an old-style Excel file (.xls, Excel 97–2003)');
    expect(error.details).toMatchObject({ code: 'unsupported-format' });
  });

  it('warns about a single column', () => {
    const data = loadDataset(new TextEncoder().encode('value\n1\n2\n'), 'one.csv');
    expect(data.warnings).toEqual([
      "Only one column ('value') was found. If the file uses another separator, check that it is consistent.",
    ]);
  });
});
