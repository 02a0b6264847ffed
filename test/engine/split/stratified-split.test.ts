import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { approximateMode, stratifiedSplit } from '../../../src-main/engine/split/stratifiedSplit';
import { loadNumericCsv } from '../forest/loadNumericCsv';

const cancer = loadNumericCsv('breast_cancer.csv');

function countClasses(y: readonly number[], idx: Int32Array, k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (const i of idx) c[y[i]]++;
  return c;
}

function expectPartition(n: number, s: { train: Int32Array; test: Int32Array }): void {
  const all = [...s.train, ...s.test].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
  for (const arr of [s.train, s.test]) {
    for (let i = 1; i < arr.length; i++) expect(arr[i]).toBeGreaterThan(arr[i - 1]);
  }
}

describe('stratifiedSplit', () => {
  it('splits breast cancer 80/20 as scikit-learn: 455/114, benign 285/72, malignant 170/42', () => {
    for (const seed of [42, 1, 7]) {
      const s = stratifiedSplit(cancer.y, { testFraction: 0.2, seed });
      expect(s.train.length).toBe(455);
      expect(s.test.length).toBe(114);
      expect(countClasses(cancer.y, s.train, 2)).toEqual([285, 170]);
      expect(countClasses(cancer.y, s.test, 2)).toEqual([72, 42]);
      expectPartition(569, s);
    }
  });

  it('gives iris (3 × 50) exactly 10 test rows per class at 0.2', () => {
    const iris = loadNumericCsv('iris.csv');
    const s = stratifiedSplit(iris.y, { testFraction: 0.2, seed: 42 });
    expect(countClasses(iris.y, s.test, 3)).toEqual([10, 10, 10]);
    expect(countClasses(iris.y, s.train, 3)).toEqual([40, 40, 40]);
  });

  it('allocates by largest remainder (scikit-learn _approximate_mode)', () => {
    expect(approximateMode([357, 212], 455)).toEqual([285, 170]);
    expect(approximateMode([72, 42], 114)).toEqual([72, 42]);
    // 5 · 3/7 = 2.14, 5 · 2/7 = 1.43 twice → floors 2,1,1; the leftover goes to the first .43
    expect(approximateMode([3, 2, 2], 5)).toEqual([2, 2, 1]);
    // 2.5, 1.5, 1 → floors 2,1,1; remainders tie at .5, the lower class index wins
    expect(approximateMode([5, 3, 2], 5)).toEqual([3, 1, 1]);
  });

  it('is reproducible from the seed and changes with it', () => {
    const a = stratifiedSplit(cancer.y, { testFraction: 0.2, seed: 42 });
    const b = stratifiedSplit(cancer.y, { testFraction: 0.2, seed: 42 });
    const c = stratifiedSplit(cancer.y, { testFraction: 0.2, seed: 43 });
    expect(Array.from(b.test)).toEqual(Array.from(a.test));
    expect(Array.from(c.test)).not.toEqual(Array.from(a.test));
  });

  it('without stratification takes ⌈n·f⌉ shuffled rows for test (regression targets allowed)', () => {
    const y = [1.5, 2.25, 3, 4, 5, 6, 7, 8, 9, 10];
    const s = stratifiedSplit(y, { testFraction: 0.25, seed: 3, stratify: false });
    expect(s.test.length).toBe(3);
    expect(s.train.length).toBe(7);
    expectPartition(10, s);
    const diabetes = loadNumericCsv('diabetes.csv', { regression: true });
    const d = stratifiedSplit(diabetes.y, { testFraction: 0.2, seed: 42, stratify: false });
    expect([d.train.length, d.test.length]).toEqual([353, 89]);
  });

  it('rejects a bad testFraction with a RangeError naming it', () => {
    for (const f of [0, 1, -0.1, 1.5, NaN]) {
      expect(() => stratifiedSplit([0, 1, 0, 1], { testFraction: f, seed: 1 })).toThrow(/testFraction/);
    }
  });

  it('names a class with a single row', () => {
    const y = [0, 0, 0, 1, 1, 1, 2];
    let err: unknown;
    try {
      stratifiedSplit(y, { testFraction: 0.3, seed: 1, classNames: ['a', 'b', 'rare'] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toContain('"rare"');
    expect((err as Error).message).toContain('only 1 row');
  });

  it('refuses a test set smaller than the number of classes', () => {
    const y = [0, 0, 1, 1, 2, 2, 0, 1, 2, 0];
    expect(() => stratifiedSplit(y, { testFraction: 0.1, seed: 1 })).toThrow(UserFacingError);
  });
});
