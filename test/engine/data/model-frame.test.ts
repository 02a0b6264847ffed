import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import { buildModelFrame, framePosition } from '../../../src-main/engine/data/modelFrame';
import { fixture, sample, thrown } from './fixtures';
import { csv, table } from './helpers';

describe('buildModelFrame', () => {
  it('builds the breast-cancer frame: 569 × 30, classes benign/malignant', () => {
    const data = loadDataset(sample('breast_cancer.csv'), 'breast_cancer.csv');
    const features = data.columns.slice(0, 30).map((c) => c.name);
    const frame = buildModelFrame(data, { target: 'diagnosis', features, task: 'classification' });
    expect(frame.classes).toEqual(['benign', 'malignant']);
    expect(frame.X).toHaveLength(569);
    expect(frame.X[0]).toHaveLength(30);
    expect(frame.X[0][0]).toBe(17.99);
    expect(frame.featureKinds.every((k) => k === 'numeric')).toBe(true);
    expect(frame.categoryNames.every((c) => c === null)).toBe(true);
    expect(frame.y.filter((v) => v === 0)).toHaveLength(357);
    expect(frame.y.filter((v) => v === 1)).toHaveLength(212);
    expect(frame.y[0]).toBe(1); // the first row is malignant
    expect(frame.rowIndex.slice(0, 3)).toEqual([0, 1, 2]);
    expect(frame.preprocessing).toEqual([
      "Target 'diagnosis': classification with 2 classes (benign, malignant).",
      'Features: 30 (30 numeric, 0 categorical); 569 rows.',
    ]);
  });

  it('builds a regression frame for diabetes', () => {
    const data = loadDataset(sample('diabetes.csv'), 'diabetes.csv');
    const frame = buildModelFrame(data, {
      target: 'progression',
      features: ['age', 'bmi'],
      task: 'regression',
    });
    expect(frame.classes).toEqual([]);
    expect(frame.y.slice(0, 2)).toEqual([151, 75]);
    expect(frame.X[0]).toEqual([59, 32.1]);
    expect(frame.preprocessing[0]).toBe("Target 'progression': regression (values 25 to 346).");
  });

  it('drops rows with a missing target, encodes categories in label order, keeps NaN for missing features', () => {
    const data = csv(
      table(
        ['sex', 'grade', 'age', 'outcome'],
        [
          ['M', 'g10', 50, 'yes'],
          ['F', 'g2', 'NA', 'no'],
          ['F', '', 61, ''],
          ['M', 'g2', 44, 'yes'],
          ['', 'g10', 38, 'NA'],
          ['F', 'g1', 70, 'no'],
        ],
      ),
      'mixed.csv',
    );
    const frame = buildModelFrame(data, {
      target: 'outcome',
      features: ['sex', 'grade', 'age'],
      task: 'classification',
    });
    expect(frame.rowIndex).toEqual([0, 1, 3, 5]);
    // Dataset row → frame position; the dropped rows 2 and 4 and rows past the end have none.
    expect([0, 1, 2, 3, 4, 5, 6, -1].map((row) => framePosition(frame, row))).toEqual([
      0,
      1,
      undefined,
      2,
      undefined,
      3,
      undefined,
      undefined,
    ]);
    expect(frame.classes).toEqual(['no', 'yes']);
    expect(frame.y).toEqual([1, 0, 1, 0]);
    expect(frame.featureKinds).toEqual(['categorical', 'categorical', 'numeric']);
    expect(frame.categoryNames).toEqual([['F', 'M'], ['g1', 'g2', 'g10'], null]);
    expect(frame.X).toEqual([
      [1, 2, 50],
      [0, 1, NaN],
      [1, 1, 44],
      [0, 0, 70],
    ]);
    expect(frame.preprocessing).toEqual([
      "Target 'outcome': classification with 2 classes (no, yes).",
      'Dropped 2 rows with a missing target (rows 3, 5).',
      "Categorical feature 'sex' encoded as codes in label order: F=0, M=1.",
      "Categorical feature 'grade' encoded as codes in label order: g1=0, g2=1, g10=2.",
      'Features: 3 (1 numeric, 2 categorical); 4 rows.',
    ]);
  });

  it('orders numeric class labels numerically', () => {
    const data = csv(
      table(
        ['x', 'stage'],
        [
          [1, 10],
          [2, 2],
          [3, 1],
          [4, 2],
          [5, 10],
        ],
      ),
    );
    const frame = buildModelFrame(data, { target: 'stage', features: ['x'], task: 'classification' });
    expect(frame.classes).toEqual(['1', '2', '10']);
    expect(frame.y).toEqual([2, 1, 0, 1, 2]);
  });

  it('refuses a target with one class', () => {
    const data = csv(
      table(
        ['x', 'diagnosis'],
        [
          [1, 'benign'],
          [2, 'benign'],
          [3, ''],
        ],
      ),
      'one.csv',
    );
    const error = thrown(() =>
      buildModelFrame(data, { target: 'diagnosis', features: ['x'], task: 'classification' }),
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toBe(
      "one.csv: the target column 'diagnosis' has only one class 'benign'; classification needs at least two.",
    );
    expect(error.details).toEqual({
      file: 'one.csv',
      column: 'diagnosis',
      code: 'one-class',
      params: { file: 'one.csv', column: 'diagnosis', class: 'benign' },
    });
  });

  it('refuses more than 50 classes and suggests regression for numbers', () => {
    const rows = Array.from({ length: 51 }, (_, i) => [i % 7, i * 1.5]);
    const data = csv(table(['x', 'y'], rows), 'many.csv');
    const error = thrown(() =>
      buildModelFrame(data, { target: 'y', features: ['x'], task: 'classification' }),
    );
    expect(error.message).toBe(
      "many.csv: the target column 'y' has 51 different values, too many classes for classification (at most 50). " +
        'Its values are numbers: choose regression instead.',
    );
    const fifty = csv(table(['x', 'y'], rows.slice(0, 50)));
    expect(
      buildModelFrame(fifty, { target: 'y', features: ['x'], task: 'classification' }).classes,
    ).toHaveLength(50);
  });

  it('refuses a text target for regression', () => {
    const data = loadDataset(sample('iris.csv'), 'iris.csv');
    const error = thrown(() =>
      buildModelFrame(data, { target: 'species', features: ['sepal_length_cm'], task: 'regression' }),
    );
    expect(error.message).toBe(
      "iris.csv: the target column 'species' is not numeric (e.g. 'setosa'); regression needs numbers. " +
        'Choose classification or another target.',
    );
  });

  it('refuses no usable feature and unknown columns', () => {
    const data = loadDataset(fixture('semicolon-decimal-comma.csv'), 'semi.csv');
    const none = thrown(() =>
      buildModelFrame(data, { target: 'group', features: ['group'], task: 'classification' }),
    );
    expect(none.message).toBe(
      "semi.csv: there is no usable feature column (a feature needs values and must not be the target 'group'). " +
        'Select at least one other column as a feature.',
    );
    expect(none.details).toMatchObject({ code: 'no-features' });
    const unknown = thrown(() =>
      buildModelFrame(data, { target: 'group', features: ['age', 'height', 'bmi'], task: 'classification' }),
    );
    expect(unknown.message).toBe(
      "semi.csv has no column named 'height', 'bmi'. Its columns are: 'patient', 'age', 'weight', 'group'.",
    );
    expect(unknown.details).toMatchObject({ column: 'height', code: 'unknown-column' });
  });

  it('leaves out an all-missing feature and the target, and says so', () => {
    const data = csv(
      table(
        ['x', 'empty', 'y'],
        [
          [1, '', 'a'],
          [2, 'NA', 'b'],
          [3, '', 'a'],
        ],
      ),
    );
    const frame = buildModelFrame(data, {
      target: 'y',
      features: ['x', 'empty', 'y'],
      task: 'classification',
    });
    expect(frame.featureNames).toEqual(['x']);
    expect(frame.preprocessing).toContain("Left out feature 'empty': it has no values.");
    expect(frame.preprocessing).toContain("Left the target 'y' out of the features.");
  });
});
