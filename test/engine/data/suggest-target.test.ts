import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { inferTask, suggestExcluded, suggestTarget } from '../../../src-main/engine/data/suggestTarget';
import { sample } from './fixtures';
import { csv, table } from './helpers';

const rows = (n: number, row: (i: number) => (string | number)[]): (string | number)[][] =>
  Array.from({ length: n }, (_, i) => row(i));

describe('suggestTarget', () => {
  it('finds the samples’ targets and tasks', () => {
    expect(suggestTarget(loadDataset(sample('breast_cancer.csv'), 'b.csv'))).toEqual({
      target: 'diagnosis',
      task: 'classification',
    });
    expect(suggestTarget(loadDataset(sample('iris.csv'), 'i.csv'))).toEqual({
      target: 'species',
      task: 'classification',
    });
    expect(suggestTarget(loadDataset(sample('diabetes.csv'), 'd.csv'))).toEqual({
      target: 'progression',
      task: 'regression',
    });
  });

  it('matches target-like names case-insensitively, wherever the column is', () => {
    const data = csv(
      table(
        ['Outcome', 'age', 'bmi'],
        rows(6, (i) => [i % 2 ? 'yes' : 'no', 30 + i, 20 + (i % 3)]),
      ),
    );
    expect(suggestTarget(data)).toEqual({ target: 'Outcome', task: 'classification' });
    const words = csv(
      table(
        ['x', 'target_class', 'z'],
        rows(6, (i) => [i, i % 3, i * 2.5]),
      ),
    );
    expect(suggestTarget(words)).toEqual({ target: 'target_class', task: 'classification' });
  });

  it('prefers a whole-name match over a word match, and skips identifiers', () => {
    const data = csv(
      table(
        ['label_id', 'disease progression', 'class'],
        rows(12, (i) => [i + 1, i * 1.5, i % 2 ? 'a' : 'b']),
      ),
    );
    expect(data.columns[0].kind).toBe('identifier');
    expect(suggestTarget(data).target).toBe('class');
  });

  it('takes the last usable column when no name matches', () => {
    const data = csv(
      table(
        ['a', 'b', 'constant'],
        rows(6, (i) => [i * 0.5, i * 1.7, 1]),
      ),
    );
    expect(suggestTarget(data)).toEqual({ target: 'b', task: 'regression' });
  });

  it('reads few distinct integers as classes and anything else numeric as regression', () => {
    const ints = csv(
      table(
        ['x', 'y'],
        rows(20, (i) => [i * 0.3, i % 10]),
      ),
    );
    expect(inferTask(ints, 'y')).toBe('classification');
    const elevenValues = csv(
      table(
        ['x', 'y'],
        rows(22, (i) => [i * 0.3, i % 11]),
      ),
    );
    expect(inferTask(elevenValues, 'y')).toBe('regression');
    const halves = csv(
      table(
        ['x', 'y'],
        rows(20, (i) => [i, (i % 2) + 0.5]),
      ),
    );
    expect(inferTask(halves, 'y')).toBe('regression');
  });
});

describe('suggestExcluded', () => {
  it('lists identifiers, constants and the target', () => {
    const data = csv(
      table(
        ['patient_id', 'site', 'age', 'sex', 'diagnosis'],
        rows(12, (i) => [
          1000 + i * 7,
          'Seoul',
          40 + (i % 5),
          i % 2 ? 'F' : 'M',
          i % 3 ? 'benign' : 'malignant',
        ]),
      ),
    );
    expect(suggestExcluded(data, 'diagnosis')).toEqual(['patient_id', 'site', 'diagnosis']);
  });
});
