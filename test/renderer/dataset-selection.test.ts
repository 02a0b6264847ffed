import { describe, expect, it } from 'vitest';
import type { ColumnSummaryDTO, DatasetSummaryDTO } from '../../src-main/contract/ipc';
import {
  changeTarget,
  initialSelection,
  inferTask,
  sameSelection,
  sortLabels,
  targetClassCounts,
  toggleFeature,
  totalMissing,
} from '../../src-renderer/src/lib/selection';

const column = (
  name: string,
  kind: ColumnSummaryDTO['kind'],
  extra: Partial<ColumnSummaryDTO> = {},
): ColumnSummaryDTO => ({
  name,
  kind,
  missing: 0,
  distinct: 50,
  ...extra,
});

const dataset: DatasetSummaryDTO = {
  datasetId: 'd1',
  fileName: 'cases.csv',
  format: 'csv',
  rowCount: 100,
  columns: [
    column('patient_id', 'identifier'),
    column('age', 'numeric', { missing: 3 }),
    column('site', 'constant', { distinct: 1 }),
    column('stage', 'categorical', { distinct: 4, missing: 2 }),
    column('psa', 'numeric', { distinct: 97 }),
    column('outcome', 'categorical', {
      distinct: 3,
      categories: [
        { value: '10', count: 5 },
        { value: '2', count: 60 },
        { value: '1', count: 35 },
      ],
    }),
  ],
  suggestedTarget: 'outcome',
  suggestedTask: 'classification',
  suggestedExcluded: ['patient_id', 'site', 'outcome'],
  warnings: [],
  suggestedIdColumn: 'patient_id',
};

describe('feature selection', () => {
  it('starts from the suggestion: identifier, constant and target excluded, column order kept', () => {
    expect(initialSelection(dataset)).toEqual({
      target: 'outcome',
      task: 'classification',
      features: ['age', 'stage', 'psa'],
      idColumn: 'patient_id',
      identifiers: ['patient_id'],
      columnTypes: {},
    });
  });

  it('takes a new target out of the features and infers its task', () => {
    const next = changeTarget(dataset, initialSelection(dataset), 'psa');
    expect(next).toMatchObject({ target: 'psa', task: 'regression', features: ['age', 'stage'] });
    expect(next.idColumn).toBe('patient_id');
    expect(inferTask(dataset, 'stage')).toBe('classification');
    expect(inferTask(dataset, 'outcome')).toBe('classification');
  });

  it('toggles features in column order and never adds the target', () => {
    let s = initialSelection(dataset);
    s = toggleFeature(dataset, s, 'patient_id');
    expect(s.features).toEqual(['patient_id', 'age', 'stage', 'psa']);
    // Ticked in, the identifier becomes a feature: roles do not overlap.
    expect(s.identifiers).toEqual([]);
    s = toggleFeature(dataset, s, 'age');
    expect(s.features).toEqual(['patient_id', 'stage', 'psa']);
    expect(toggleFeature(dataset, s, 'outcome').features).toEqual(['patient_id', 'stage', 'psa']);
  });

  it('compares selections by target, task and ordered features', () => {
    const s = initialSelection(dataset);
    expect(sameSelection(s, { ...s, features: [...s.features] })).toBe(true);
    expect(sameSelection(s, { ...s, features: ['age', 'psa', 'stage'] })).toBe(false);
    expect(sameSelection(s, { ...s, task: 'regression' })).toBe(false);
    expect(sameSelection(s, { ...s, idColumn: null })).toBe(false);
    expect(sameSelection(s, { ...s, columnTypes: { age: 'categorical' } })).toBe(false);
    expect(sameSelection(s, { ...s, features: [...s.features] })).toBe(true);
  });

  it('sums missing values over all columns', () => {
    expect(totalMissing(dataset)).toBe(5);
  });
});

describe('class labels', () => {
  it('sorts numeric labels by value and text labels alphabetically', () => {
    expect(sortLabels(['10', '2', '1'])).toEqual(['1', '2', '10']);
    expect(sortLabels(['malignant', 'benign'])).toEqual(['benign', 'malignant']);
    expect(sortLabels(['virginica', 'setosa', 'versicolor'])).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('reads class counts of the target in label order', () => {
    expect(targetClassCounts(dataset, 'outcome')).toEqual({ classes: ['1', '2', '10'], counts: [35, 60, 5] });
    expect(targetClassCounts(dataset, 'psa')).toBeNull();
  });
});
