// Excel serial dates: numbers in date-formatted cells become a date column, exactly like ISO
// date text in a CSV (shown as dates, left out of the default features, usable as days since 1970).
import { describe, expect, it } from 'vitest';
import { buildModelFrame, defaultTrainSettings } from '../../../src-main/engine';
import {
  dateStyles,
  excelDateText,
  excelSerialDays,
  isDateFormatCode,
} from '../../../src-main/engine/data/excelDates';
import { featureColumn } from '../../../src-main/engine/data/featureColumn';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { readXlsx } from '../../../src-main/engine/data/readXlsx';
import { clinicWorkbook, DATE_STYLES as STYLES, styled } from '../../fixtures/excelDateWorkbook';
import { type XlsxCell, writeXlsx } from '../../fixtures/xlsxWriter';

describe('isDateFormatCode', () => {
  it('finds year, month and day tokens outside quotes, brackets and escapes', () => {
    for (const code of [
      'yyyy-mm-dd',
      'yyyy\\-mm\\-dd\\ hh:mm',
      'dd/mm/yyyy;@',
      'mmm-yy',
      'mmmm',
      '[$-412]yyyy"년" m"월" d"일"',
      '[Red]d-mmm',
      'd',
    ])
      expect(isDateFormatCode(code), code).toBe(true);
    for (const code of [
      'General',
      '0',
      '0.00',
      '#,##0',
      '#,##0.00_);[Red](#,##0.00)',
      '0%',
      '0.0E+00',
      '"days"0',
      '0" y"',
      '\\d0',
      'h:mm',
      'h:mm AM/PM',
      'mm:ss',
      '[h]:mm:ss',
      '[mm]:ss',
      '@',
    ])
      expect(isDateFormatCode(code), code).toBe(false);
  });
});

describe('excelSerialDays', () => {
  it('turns 1900-system serials into days since 1970, with the leap-year bug below 61', () => {
    expect(excelSerialDays(25569, false)).toBe(0);
    expect(excelSerialDays(45356, false)).toBe(19787);
    expect(excelDateText(45356, false)).toBe('2024-03-05');
    expect(excelDateText(1, false)).toBe('1900-01-01');
    expect(excelDateText(59, false)).toBe('1900-02-28');
    // Serial 60 is Excel's 29 February 1900, a day that never was.
    expect(excelDateText(60, false)).toBe('1900-03-01');
    expect(excelDateText(61, false)).toBe('1900-03-01');
    expect(excelDateText(2958465, false)).toBe('9999-12-31');
  });

  it('reads the 1904 system, keeps the time of day to the second, refuses non-dates', () => {
    expect(excelSerialDays(43894, true)).toBe(19787);
    expect(excelDateText(0 + 1, true)).toBe('1904-01-02');
    expect(excelDateText(45356.604166666664, false)).toBe('2024-03-05 14:30');
    expect(excelDateText(45356.5 + 15 / 86400, false)).toBe('2024-03-05 12:00:15');
    expect(excelSerialDays(45356.25, false)).toBe(19787.25);
    for (const serial of [0, 0.5, -3, 2958466, NaN]) expect(excelSerialDays(serial, false)).toBeNaN();
  });
});

describe('dateStyles', () => {
  it('flags the cellXfs entries with a date format, not the cellStyleXfs ones', () => {
    expect(Array.from(dateStyles(`<styleSheet>${STYLES}</styleSheet>`) ?? [])).toEqual([0, 1, 1, 0, 0, 0, 1]);
    expect(
      dateStyles('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="4"/></cellXfs></styleSheet>'),
    ).toBeNull();
    expect(dateStyles(undefined)).toBeNull();
  });
});

describe('an Excel date column', () => {
  it('reads date-formatted numbers as ISO dates and leaves other formats as numbers', () => {
    const table = readXlsx(clinicWorkbook(), 'visits.xlsx');
    expect(table.columns.map((c) => c.text(0))).toEqual([
      '2024-03-05',
      '2024-03-05 14:30',
      '1.5',
      '1.25',
      '0.5',
      '2023-03-15',
      'early',
    ]);
    expect(table.columns[0].text(11)).toBe('2024-03-16');
  });

  it('is a date column: shown as dates, left out of the default features, days since 1970 on request', () => {
    const d = loadDataset(clinicWorkbook(), 'visits.xlsx');
    expect(d.columns.map((c) => c.kind)).toEqual([
      'date',
      'date',
      'numeric',
      'numeric',
      'numeric',
      'date',
      'categorical',
    ]);
    expect(d.columns[0]).toMatchObject({ minDate: '2024-03-05', maxDate: '2024-03-16', dateOrder: 'ymd' });
    expect(d.columns[1]).toMatchObject({ minDate: '2024-03-05 14:30', maxDate: '2024-03-16 14:30' });
    expect(d.columns[5]).toMatchObject({ minDate: '2023-03-15', maxDate: '2023-04-17' });
    // `0.00` stays a plain number column with its own values.
    expect(d.columns[2]).toMatchObject({ kind: 'numeric', min: 1.5, max: 12.5 });
    expect(Array.from(d.values[3] as Float64Array).slice(0, 2)).toEqual([1.25, 1.375]);

    const settings = defaultTrainSettings(d, 'outcome', {});
    expect(settings.features).toEqual(['dose', 'stay', 'at']);
    const visit = featureColumn(d, 0, 'numeric') as { values: Float64Array };
    expect(Array.from(visit.values.slice(0, 3))).toEqual([19787, 19788, 19789]);
    const taken = featureColumn(d, 1, 'numeric') as { values: Float64Array };
    expect(taken.values[0]).toBeCloseTo(19787 + 14.5 / 24, 9);

    const frame = buildModelFrame(d, {
      ...settings,
      features: ['visit', 'dose'],
      columnTypes: { visit: 'numeric' },
    });
    expect(frame.X[0][0]).toBe(19787);
    expect(frame.preprocessing).toContain("Column 'visit': dates used as numbers (days since 1970-01-01).");
  });

  it('reads the same days from a 1904-system workbook', () => {
    const d = loadDataset(clinicWorkbook(true), 'visits-mac.xlsx');
    expect(d.columns[0]).toMatchObject({ kind: 'date', minDate: '2024-03-05', maxDate: '2024-03-16' });
    expect(d.values[1][0]).toBe('2024-03-05 14:30');
  });

  it('stays a date column when a few cells lost their format, which then count as missing days', () => {
    const rows: XlsxCell[][] = [['visit', 'y']];
    for (let i = 0; i < 20; i++) rows.push([i === 7 ? 45363 : styled(45356 + i, 1), i % 2]);
    const d = loadDataset(writeXlsx([{ name: 'S', rows }], { styles: STYLES }), 'mixed.xlsx');
    expect(d.columns[0].kind).toBe('date');
    expect(d.values[0][7]).toBe('45363');
    const days = featureColumn(d, 0, 'numeric') as { values: Float64Array };
    expect(days.values[6]).toBe(19793);
    expect(days.values[7]).toBeNaN();
  });
});
