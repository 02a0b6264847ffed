import { describe, expect, it } from 'vitest';
import type { TestCaseDTO } from '../../src-main/contract/ipc';
import {
  filterCases,
  isMisclassified,
  pageCount,
  pageOf,
  predictedProbability,
} from '../../src-renderer/src/lib/cases';
import { fidelityWarnings } from '../../src-renderer/src/lib/fidelity';

const classes = ['benign', 'malignant'];
const cases: TestCaseDTO[] = [
  { row: 1, id: '1002945', actual: 'malignant', predicted: 'malignant', probabilities: [0.1, 0.9] },
  { row: 10, id: '1000025', actual: 'benign', predicted: 'malignant', probabilities: [0.45, 0.55] },
  { row: 42, id: 'Q-77', actual: 'benign', predicted: 'benign', probabilities: [0.8, 0.2] },
  { row: 100, id: null, actual: 'malignant', predicted: 'benign', probabilities: [0.7, 0.3] },
  { row: 410, id: 'X410', actual: 'benign', predicted: 'benign', probabilities: [1, 0] },
];
const all = { misclassifiedOnly: false, trueClass: null, search: '' };

describe('test-case filters', () => {
  it('keeps only misclassified cases', () => {
    expect(filterCases(cases, { ...all, misclassifiedOnly: true }).map((c) => c.row)).toEqual([10, 100]);
    expect(isMisclassified({ row: 1, id: null, actual: 2, predicted: '2' })).toBe(false);
  });

  it('filters by true class and combines filters', () => {
    expect(filterCases(cases, { ...all, trueClass: 'benign' }).map((c) => c.row)).toEqual([10, 42, 410]);
    expect(
      filterCases(cases, { misclassifiedOnly: true, trueClass: 'benign', search: '' }).map((c) => c.row),
    ).toEqual([10]);
  });

  it('searches by the 1-based row number or the case ID as a prefix', () => {
    // Rows 10 and 100 by number; rows 1 and 10 by their IDs 1002945 and 1000025.
    expect(filterCases(cases, { ...all, search: '10' }).map((c) => c.row)).toEqual([1, 10, 100]);
    expect(filterCases(cases, { ...all, search: ' #42 ' }).map((c) => c.row)).toEqual([42]);
    expect(filterCases(cases, { ...all, search: '1002945' }).map((c) => c.row)).toEqual([1]);
    expect(filterCases(cases, { ...all, search: 'q-7' }).map((c) => c.row)).toEqual([42]);
    expect(filterCases(cases, { ...all, search: 'x4' }).map((c) => c.row)).toEqual([410]);
    expect(filterCases(cases, { ...all, search: '77' })).toEqual([]);
    expect(filterCases(cases, { ...all, search: '9' })).toEqual([]);
  });

  it('reads the probability of the predicted class', () => {
    expect(predictedProbability(cases[1], classes)).toBe(0.55);
    expect(predictedProbability(cases[3], classes)).toBe(0.7);
    expect(predictedProbability({ row: 1, id: null, actual: 3.2, predicted: 2.9 }, [])).toBeUndefined();
  });

  it('pages with a clamped page index', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageCount(45, 20)).toBe(3);
    expect(pageCount(0, 20)).toBe(1);
    expect(pageOf(items, 2, 20)).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, 7, 20)).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, -1, 20)[0]).toBe(0);
  });
});

describe('fidelity warnings', () => {
  const base = { task: 'classification' as const, score: 0.8, localPred: 0.9, modelPred: 0.95 };

  it('is quiet for a good surrogate', () => {
    expect(fidelityWarnings(base)).toEqual([]);
  });

  it('warns below a score of 0.5 and at a gap over 0.1, with the boundaries allowed', () => {
    expect(fidelityWarnings({ ...base, score: 0.5 })).toEqual([]);
    expect(fidelityWarnings({ ...base, score: 0.4999 })).toEqual(['fidelity.warnLowScore']);
    expect(fidelityWarnings({ ...base, localPred: 0.85, modelPred: 0.95 })).toEqual([]);
    expect(fidelityWarnings({ ...base, localPred: 0.84, modelPred: 0.95 })).toEqual([
      'fidelity.warnMismatch',
    ]);
    expect(fidelityWarnings({ ...base, score: Number.NaN, localPred: 0.5 })).toEqual([
      'fidelity.warnLowScore',
      'fidelity.warnMismatch',
    ]);
  });

  it('scales the gap tolerance to the target range in regression', () => {
    const reg = { task: 'regression' as const, score: 0.9, targetRange: [25, 345] as [number, number] };
    expect(fidelityWarnings({ ...reg, localPred: 150, modelPred: 180 })).toEqual([]);
    expect(fidelityWarnings({ ...reg, localPred: 150, modelPred: 183 })).toEqual([
      'fidelity.warnMismatchRegression',
    ]);
  });
});
