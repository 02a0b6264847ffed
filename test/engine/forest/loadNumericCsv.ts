/** Test-only reader for the simple numeric sample CSVs (no quotes, comma-separated). */
import { readFileSync } from 'node:fs';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import type { ForestOptions } from '../../../src-main/engine/forest/options';
import { stratifiedSplit } from '../../../src-main/engine/split/stratifiedSplit';
import { fileURLToPath } from 'node:url';

export interface NumericCsv {
  featureNames: string[];
  X: number[][];
  /** Classification: index into `classes` (sorted labels); regression: the value. */
  y: number[];
  classes: string[];
}

const samples = fileURLToPath(new URL('../../../assets/samples/', import.meta.url));

/** Reads assets/samples/<name>; the last column is the target, numeric when `regression`. */
export function loadNumericCsv(name: string, { regression = false } = {}): NumericCsv {
  const lines = readFileSync(samples + name, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const X = rows.map((r) => r.slice(0, -1).map(Number));
  const labels = rows.map((r) => r[r.length - 1]);
  const classes = regression ? [] : [...new Set(labels)].sort();
  const y = regression ? labels.map(Number) : labels.map((l) => classes.indexOf(l));
  return { featureNames: header.slice(0, -1), X, y, classes };
}

/** The elements of `a` at the given indices (e.g. a split's train or test rows). */
export function pick<T>(a: readonly T[], idx: ArrayLike<number>): T[] {
  return Array.from(idx, (i) => a[i]);
}

/**
 * The reference workflow's breast-cancer split (stratified 80/20, seed 42) and a classifier with
 * `options` trained on its training rows.
 */
export function cancerForest(options: ForestOptions): {
  forest: RandomForestClassifier;
  testX: number[][];
  testY: number[];
} {
  const cancer = loadNumericCsv('breast_cancer.csv');
  const split = stratifiedSplit(cancer.y, { testFraction: 0.2, seed: 42 });
  const forest = new RandomForestClassifier(options).train(
    pick(cancer.X, split.train),
    pick(cancer.y, split.train),
  );
  return { forest, testX: pick(cancer.X, split.test), testY: pick(cancer.y, split.test) };
}
