import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  caseId,
  defaultTrainSettings,
  isIdentifierName,
  readDatasetFile,
  rowsWithId,
  suggestIdColumn,
} from '../../../src-main/engine';
import { rowsOf } from '../../../src-main/worker/dto';
import { csv, table } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/data/${name}`, import.meta.url));

describe('identifier columns by name', () => {
  it.each([
    'id',
    'ID',
    'Id',
    'patient_id',
    'PatientID',
    'patientId',
    'id_visit',
    'patient id',
    'Patient No',
    'patient_no',
    'patient_number',
    'case number',
    'Case-No.',
    'MRN',
    'record',
    'Sample',
    'uuid',
    '환자번호',
    '등록번호',
    '번호',
    '아이디',
  ])('%s is an identifier name', (name) => {
    expect(isIdentifierName(name)).toBe(true);
  });

  it.each([
    'idle_time',
    'valid',
    'paid',
    'width',
    'mean radius',
    'number of visits',
    'visit number',
    'sample size',
    'records_total',
    'stage',
    '나이',
  ])('%s is not', (name) => {
    expect(isIdentifierName(name)).toBe(false);
  });

  it('the name beats uniqueness: a repeating Id is an identifier, a unique measurement is not', () => {
    const d = csv(
      table(
        ['Id', 'dose', 'y'],
        [
          [7, 1.5, 'a'],
          [7, 2.5, 'b'],
          [9, 3.5, 'a'],
          [9, 4.5, 'b'],
        ],
      ),
    );
    expect(d.columns.map((c) => c.kind)).toEqual(['identifier', 'numeric', 'categorical']);
    expect(suggestIdColumn(d)).toBe('Id');
  });
});

describe('case IDs in a file with a non-unique Id column', () => {
  it('Id is not a default feature, is the default case-ID column, and reads as plain text', async () => {
    const d = await readDatasetFile(fixture('patients-id.csv'));
    const id = d.columns.find((c) => c.name === 'Id');
    expect(id?.kind).toBe('identifier');
    expect(id?.distinct).toBe(60); // 80 rows, 60 patients
    expect(defaultTrainSettings(d).features).toEqual(['age', 'stage', 'marker']);
    expect(suggestIdColumn(d)).toBe('Id');
    expect(caseId(d, 'Id', 0)).toBe('1053760');
    expect(caseId(d, null, 0)).toBeNull();
    // Rows 15 and 28 (1-based) are the same patient.
    expect(rowsWithId(d, 'Id', '1000025').map((i) => i + 1)).toEqual([15, 28]);
    expect(rowsWithId(d, 'Id', ' 1024450 ').map((i) => i + 1)).toEqual([54]);
  });

  it('환자번호 is an identifier in the Korean file', async () => {
    const d = await readDatasetFile(fixture('patients-ko.csv'));
    expect(d.columns[0]).toMatchObject({ name: '환자번호', kind: 'identifier' });
    expect(defaultTrainSettings(d).features).toEqual(['나이', '병기', '표지자']);
  });
});

describe('identifier text: leading zeros are kept', () => {
  it('a zero-padded patient_no shows 007 in the table and as case ID, while features see numbers', async () => {
    const dataset = await readDatasetFile(fixture('patients-padded.csv'));
    const c = dataset.columns.findIndex((k) => k.name === 'patient_no');
    expect(dataset.columns[c].kind).toBe('identifier');
    expect(suggestIdColumn(dataset)).toBe('patient_no');
    // What a feature would see stays the number.
    expect(Array.from((dataset.values[c] as Float64Array).slice(0, 4))).toEqual([12, 100, 7, 20]);
    expect(dataset.idTexts?.[c]?.slice(0, 4)).toEqual(['0012', '0100', '007', '020']);
    expect(dataset.idTexts?.[c + 1]).toBeUndefined();
    expect([0, 1, 2, 3].map((i) => caseId(dataset, 'patient_no', i))).toEqual(['0012', '0100', '007', '020']);
    expect(rowsWithId(dataset, 'patient_no', '007')).toEqual([2]);
    expect(rowsWithId(dataset, 'patient_no', '7')).toEqual([]);
    expect(rowsOf(dataset, 2, 1)).toEqual([['007', 76, 4, 6.59, 'yes']]);
  });

  it('keeps the text of a chosen, mostly distinct number column; not of measurements or plain IDs', () => {
    const d = csv(
      table(
        ['code', 'dose', 'Id', 'y'],
        Array.from({ length: 12 }, (_, i) => [String(i * 7 + 1).padStart(4, '0'), i % 3, 500 + i, i % 2]),
      ),
    );
    expect(d.columns.map((k) => k.kind)).toEqual(['numeric', 'numeric', 'identifier', 'numeric']);
    expect(d.idTexts?.[0]?.slice(0, 2)).toEqual(['0001', '0008']);
    // dose repeats its values (no ID); Id prints back exactly (nothing to keep).
    expect(d.idTexts?.[1]).toBeUndefined();
    expect(d.idTexts?.[2]).toBeUndefined();
    expect(caseId(d, 'code', 9)).toBe('0064');
    expect(caseId(d, 'Id', 9)).toBe('509');
  });

  it('an ID longer than a double holds keeps its digits', () => {
    const d = csv(
      table(
        ['sample_id', 'y'],
        [
          ['12345678901234567891', 1],
          ['12345678901234567892', 0],
          ['3', 1],
        ],
      ),
    );
    expect(caseId(d, 'sample_id', 0)).toBe('12345678901234567891');
    expect(caseId(d, 'sample_id', 1)).toBe('12345678901234567892');
  });

  it('an identifier is checked in full; a column that only may become one by its first 1000 cells', () => {
    // Codes 5, 12, 19, … printed plainly, except row 1101 written as 0007705.
    const rows = Array.from({ length: 1200 }, (_, i) => {
      const code = i === 1100 ? '0007705' : String(i * 7 + 5);
      return [code, code, i % 2];
    });
    const d = csv(table(['code', 'patient_no', 'y'], rows));
    expect(d.columns.map((k) => k.kind)).toEqual(['numeric', 'identifier', 'numeric']);
    expect(d.idTexts?.[0]).toBeUndefined();
    expect(caseId(d, 'patient_no', 1100)).toBe('0007705');
    expect(caseId(d, 'patient_no', 1099)).toBe('7698');
  });
});
