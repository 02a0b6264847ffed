import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../../src-main/engine/data/inferColumn';
import { arrayColumn } from '../../../src-main/engine/data/rawTable';

const infer = (name: string, cells: string[], decimalComma = false): ReturnType<typeof inferColumn> =>
  inferColumn(name, arrayColumn(cells, decimalComma), { decimalComma });

describe('inferColumn', () => {
  it('summarises a numeric column: missing, distinct, min, max, mean, sample std', () => {
    const { summary, values } = infer('weight', ['2', '4', ' 4 ', '', '9', 'NA']);
    expect(summary.kind).toBe('numeric');
    expect(summary.missing).toBe(2);
    expect(summary.distinct).toBe(3);
    expect(summary.min).toBe(2);
    expect(summary.max).toBe(9);
    expect(summary.mean).toBe(4.75);
    // Deviations -2.75, -0.75, -0.75, 4.25: squares sum 26.75, / (4 − 1).
    expect(summary.std).toBeCloseTo(Math.sqrt(26.75 / 3), 12);
    expect([...(values as Float64Array)]).toEqual([2, 4, 4, NaN, 9, NaN]);
  });

  it('counts every missing marker, trimmed and case-insensitive', () => {
    const markers = [
      '',
      'NA',
      'na',
      'N/A',
      'NaN',
      'nan',
      'null',
      'NULL',
      '?',
      '-',
      '.',
      '#N/A',
      ' NA ',
      '   ',
    ];
    const { summary } = infer('x', [...markers, '1', '2']);
    expect(summary.missing).toBe(markers.length);
    expect(summary.kind).toBe('numeric');
    const text = infer('city', [...markers, 'Seoul', 'Busan', 'Seoul']);
    expect(text.summary.missing).toBe(markers.length);
    expect(text.values.slice(-3)).toEqual(['Seoul', 'Busan', 'Seoul']);
    expect(text.values.slice(0, markers.length).every((v) => v === null)).toBe(true);
  });

  it('does not mistake look-alikes for numbers or for missing', () => {
    for (const cell of ['0x1A', 'Infinity', '1,234', '12%', '1 000', 'none', 'N.A.']) {
      const { summary } = infer('v', [cell, '1', '2']);
      expect(summary.kind, cell).not.toBe('numeric');
      expect(summary.missing, cell).toBe(0);
    }
  });

  it('reads decimal commas only when asked (the ; separator)', () => {
    const comma = infer('w', ['70,5', '82,25', '65'], true);
    expect([...(comma.values as Float64Array)]).toEqual([70.5, 82.25, 65]);
    expect(comma.usedDecimalComma).toBe(true);
    expect(infer('w', ['70,5', '82,25', '65']).summary.kind).toBe('categorical');
    // A point and a comma together is ambiguous (thousands separator?), so not a number.
    expect(infer('w', ['1.234,5', '2', '3'], true).summary.kind).toBe('categorical');
  });

  it('sorts categories numeric-aware with their counts', () => {
    const { summary } = infer('grade', ['grade 10', 'grade 2', 'grade 2', 'grade 1', 'grade 10']);
    expect(summary.kind).toBe('categorical');
    expect(summary.categories).toEqual([
      { value: 'grade 1', count: 1 },
      { value: 'grade 2', count: 2 },
      { value: 'grade 10', count: 2 },
    ]);
  });

  it('flags constants, numeric or text, and an all-missing column', () => {
    const numeric = infer('site', ['3', '3', '', '3']);
    expect(numeric.summary).toMatchObject({
      kind: 'constant',
      distinct: 1,
      missing: 1,
      categories: [{ value: '3', count: 3 }],
    });
    expect(infer('unit', ['mg', 'mg', 'mg']).summary).toMatchObject({ kind: 'constant', distinct: 1 });
    expect(infer('empty', ['', 'NA', '']).summary).toMatchObject({
      kind: 'constant',
      distinct: 0,
      missing: 3,
    });
  });

  it('detects identifiers: running numbers, id-like names, all-distinct text', () => {
    const running = Array.from({ length: 12 }, (_, i) => String(101 + i));
    expect(infer('record', running).summary.kind).toBe('identifier');
    // The same running numbers under a measurement name, but too few rows to tell: numeric.
    expect(infer('age', running.slice(0, 5)).summary.kind).toBe('numeric');
    // Distinct integers that are not consecutive count only under an id-like name.
    const scattered = ['17', '4', '98', '33', '250', '61', '7', '12', '45', '80'];
    expect(infer('score', scattered).summary.kind).toBe('numeric');
    for (const name of ['id', 'patient_id', 'PatientID', 'subjectId', 'case no', '환자번호']) {
      expect(infer(name, scattered).summary.kind, name).toBe('identifier');
    }
    expect(infer('name', ['Kim', 'Lee', 'Park', 'Choi', 'Jung']).summary.kind).toBe('identifier');
    expect(infer('name', ['Kim', 'Lee', 'Park']).summary.kind).toBe('categorical');
    // Non-integers are never identifiers.
    expect(infer('id', ['1.5', '2.5', '3.5']).summary.kind).toBe('numeric');
  });

  it('warns when a few stray words turn a numeric column into text', () => {
    const cells = [...Array.from({ length: 39 }, (_, i) => String(i * 1.5)), 'n/d'];
    const result = inferColumn('glucose', arrayColumn(cells), {
      rowNumbers: Int32Array.from(cells, (_, i) => i + 2),
    });
    expect(result.summary.kind).toBe('identifier');
    // Data row 40 (file line 41): rows are numbered as the data table shows them.
    expect(result.warning?.message).toBe(
      "Column 'glucose' is read as text because 1 of 40 values are not numbers (first: 'n/d' in row 40). " +
        'Fix or empty those cells to use it as a number.',
    );
    expect(result.warning).toMatchObject({ code: 'column-read-as-text', params: { row: 40, count: 1 } });
  });
});
