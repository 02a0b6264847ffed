import { describe, expect, it } from 'vitest';
import type { ColumnSummaryDTO, DatasetSummaryDTO } from '../../src-main/contract/ipc';
import {
  columnRole,
  columnType,
  looksLikeCodes,
  setColumnRole,
  setColumnType,
} from '../../src-renderer/src/lib/columnChoices';
import { initialSelection } from '../../src-renderer/src/lib/selection';
import { parseModelForm, defaultModelForm } from '../../src-renderer/src/lib/settings';

const numeric = (name: string, distinct: number, integers: boolean): ColumnSummaryDTO => ({
  name,
  kind: 'numeric',
  missing: 0,
  distinct,
  integers,
  min: 1,
  max: distinct,
  mean: 2,
  std: 1,
});
const dataset: DatasetSummaryDTO = {
  datasetId: 'd1',
  fileName: 'patients.csv',
  format: 'csv',
  rowCount: 80,
  columns: [
    { name: 'Id', kind: 'identifier', missing: 0, distinct: 60, integers: true, min: 1, max: 9, mean: 5 },
    numeric('age', 40, true),
    numeric('stage', 4, true),
    numeric('marker', 70, false),
    { name: 'outcome', kind: 'categorical', missing: 0, distinct: 2, categories: [] },
  ],
  suggestedTarget: 'outcome',
  suggestedTask: 'classification',
  suggestedExcluded: ['Id', 'outcome'],
  warnings: [],
  suggestedIdColumn: 'Id',
};
const col = (name: string) => dataset.columns.find((c) => c.name === name)!;

describe('column roles', () => {
  it('start from the detection: Id an identifier and the case ID, the rest features', () => {
    const s = initialSelection(dataset);
    expect(['Id', 'age', 'stage', 'marker', 'outcome'].map((n) => columnRole(s, n))).toEqual([
      'identifier',
      'feature',
      'feature',
      'feature',
      'target',
    ]);
  });

  it('move a column between feature, identifier and not used, keeping column order', () => {
    let s = initialSelection(dataset);
    s = setColumnRole(dataset, s, 'Id', 'feature');
    expect(s.features).toEqual(['Id', 'age', 'stage', 'marker']);
    expect(s.identifiers).toEqual([]);
    s = setColumnRole(dataset, s, 'age', 'excluded');
    expect(s.features).toEqual(['Id', 'stage', 'marker']);
    s = setColumnRole(dataset, { ...s, idColumn: null }, 'marker', 'identifier');
    expect(s.identifiers).toEqual(['marker']);
    expect(s.idColumn).toBe('marker'); // the first identifier names the cases when none was chosen
    expect(setColumnRole(dataset, s, 'outcome', 'feature')).toBe(s); // the target keeps its place
  });
});

describe('column types', () => {
  it('switch numbers to categories and back; only a change from the detected type is stored', () => {
    let s = initialSelection(dataset);
    expect(columnType(s, col('stage'))).toBe('numeric');
    s = setColumnType(s, col('stage'), 'categorical');
    expect(s.columnTypes).toEqual({ stage: 'categorical' });
    expect(columnType(s, col('stage'))).toBe('categorical');
    s = setColumnType(s, col('stage'), 'numeric');
    expect(s.columnTypes).toEqual({});
  });

  it('hint at codes for ≤ 10 distinct whole numbers used as numbers only', () => {
    const s = initialSelection(dataset);
    expect(looksLikeCodes(s, col('stage'))).toBe(true);
    expect(looksLikeCodes(s, col('age'))).toBe(false); // 40 values
    expect(looksLikeCodes(s, numeric('dose', 5, false))).toBe(false); // not whole numbers
    expect(looksLikeCodes(s, numeric('grade', 10, true))).toBe(true);
    expect(looksLikeCodes(s, numeric('grade', 11, true))).toBe(false);
    expect(looksLikeCodes(setColumnType(s, col('stage'), 'categorical'), col('stage'))).toBe(false);
  });

  it('travel with the settings sent to train, as plain data', () => {
    let s = initialSelection(dataset);
    s = setColumnType(s, col('stage'), 'categorical');
    const parsed = parseModelForm(defaultModelForm(), s);
    expect(parsed.ok && parsed.value).toMatchObject({
      features: ['age', 'stage', 'marker'],
      idColumn: 'Id',
      identifiers: ['Id'],
      columnTypes: { stage: 'categorical' },
    });
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });
});
