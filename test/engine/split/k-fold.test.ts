import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { kFold } from '../../../src-main/engine/split/kFold';
import { loadNumericCsv } from '../forest/loadNumericCsv';

const cancer = loadNumericCsv('breast_cancer.csv');

describe('kFold', () => {
  it('stratified 5-fold on breast cancer: sizes 114,114,114,114,113 with class counts dealt round-robin', () => {
    const folds = kFold(cancer.y, { k: 5, seed: 42 });
    expect(folds.map((f) => f.test.length)).toEqual([114, 114, 114, 114, 113]);
    // benign rows occupy sorted positions 0..356 (357 = 5·71 + 2), malignant 357..568 (212 = 5·42 + 2,
    // starting at fold 357 mod 5 = 2).
    const counts = folds.map((f) => {
      const c = [0, 0];
      for (const i of f.test) c[cancer.y[i]]++;
      return c;
    });
    expect(counts).toEqual([
      [72, 42],
      [72, 42],
      [71, 43],
      [71, 43],
      [71, 42],
    ]);
  });

  it('puts every row in exactly one test fold, with train as the complement', () => {
    const folds = kFold(cancer.y, { k: 4, seed: 9 });
    const seen = new Int32Array(569);
    for (const f of folds) {
      for (const i of f.test) seen[i]++;
      expect(f.train.length + f.test.length).toBe(569);
      const inTest = new Set(f.test);
      for (const i of f.train) expect(inTest.has(i)).toBe(false);
    }
    expect(seen.every((v) => v === 1)).toBe(true);
  });

  it('unstratified: shuffled contiguous folds of sizes ⌈n/k⌉ then ⌊n/k⌋', () => {
    const y = Array.from({ length: 10 }, (_, i) => i * 1.5);
    const folds = kFold(y, { k: 3, seed: 1, stratify: false });
    expect(folds.map((f) => f.test.length)).toEqual([4, 3, 3]);
    const again = kFold(y, { k: 3, seed: 1, stratify: false });
    expect(again.map((f) => Array.from(f.test))).toEqual(folds.map((f) => Array.from(f.test)));
    const other = kFold(y, { k: 3, seed: 2, stratify: false });
    expect(other.map((f) => Array.from(f.test))).not.toEqual(folds.map((f) => Array.from(f.test)));
  });

  it('validates k', () => {
    expect(() => kFold([0, 1, 0, 1], { k: 1, seed: 1 })).toThrow(/k must be/);
    expect(() => kFold([0, 1, 0, 1], { k: 2.5, seed: 1 })).toThrow(/k must be/);
    expect(() => kFold([0, 1, 0, 1], { k: 5, seed: 1 })).toThrow(UserFacingError);
    expect(() => kFold([0, 0, 1, 1, 2, 2], { k: 3, seed: 1, classNames: ['x', 'y', 'z'] })).toThrow(
      /largest class, "x", has 2/,
    );
  });
});
