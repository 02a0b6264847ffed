import { describe, expect, it } from 'vitest';
import type { TestCaseDTO } from '../../src-main/contract/ipc';
import {
  displayRow,
  filterCases,
  isMisclassified,
  pageCount,
  pageOf,
  predictedProbability,
} from '../../src-renderer/src/lib/cases';
import { fidelityWarnings } from '../../src-renderer/src/lib/fidelity';

const classes = ['benign', 'malignant'];
const cases: TestCaseDTO[] = [
  { row: 0, actual: 'malignant', predicted: 'malignant', probabilities: [0.1, 0.9] },
  { row: 9, actual: 'benign', predicted: 'malignant', probabilities: [0.45, 0.55] },
  { row: 41, actual: 'benign', predicted: 'benign', probabilities: [0.8, 0.2] },
  { row: 99, actual: 'malignant', predicted: 'benign', probabilities: [0.7, 0.3] },
  { row: 409, actual: 'benign', predicted: 'benign', probabilities: [1, 0] },
];
const all = { misclassifiedOnly: false, trueClass: null, search: '' };

describe('test-case filters', () => {
  it('shows rows 1-based', () => {
    expect(displayRow(0)).toBe(1);
  });

  it('keeps only misclassified cases', () => {
    expect(filterCases(cases, { ...all, misclassifiedOnly: true }).map((c) => c.row)).toEqual([9, 99]);
    expect(isMisclassified({ row: 1, actual: 2, predicted: '2' })).toBe(false);
  });

  it('filters by true class and combines filters', () => {
    expect(filterCases(cases, { ...all, trueClass: 'benign' }).map((c) => c.row)).toEqual([9, 41, 409]);
    expect(
      filterCases(cases, { misclassifiedOnly: true, trueClass: 'benign', search: '' }).map((c) => c.row),
    ).toEqual([9]);
  });

  it('searches by the displayed row number as a prefix', () => {
    // Displayed numbers: 1, 10, 42, 100, 410.
    expect(filterCases(cases, { ...all, search: '10' }).map((c) => c.row)).toEqual([9, 99]);
    expect(filterCases(cases, { ...all, search: ' #42 ' }).map((c) => c.row)).toEqual([41]);
    expect(filterCases(cases, { ...all, search: '7' })).toEqual([]);
  });

  it('reads the probability of the predicted class', () => {
    expect(predictedProbability(cases[1], classes)).toBe(0.55);
    expect(predictedProbability(cases[3], classes)).toBe(0.7);
    expect(predictedProbability({ row: 1, actual: 3.2, predicted: 2.9 }, [])).toBeUndefined();
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
