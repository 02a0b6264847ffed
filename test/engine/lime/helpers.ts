import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../../src-main/engine/random/rng';

/** breast_cancer.csv parsed with a plain split(','): 30 numeric features, the diagnosis label last. */
export function loadBreastCancer(): { names: string[]; X: number[][]; labels: string[] } {
  const path = fileURLToPath(new URL('../../../assets/samples/breast_cancer.csv', import.meta.url));
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = lines[0].split(',').slice(0, 30);
  const rows = lines.slice(1).map((line) => line.split(','));
  return { names, X: rows.map((r) => r.slice(0, 30).map(Number)), labels: rows.map((r) => r[30]) };
}

/** rows × d standard normal data from a seeded stream. */
export function gaussianData(rows: number, d: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: d }, () => rng.normal()));
}

export const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

/** Column means and population standard deviations. */
export function columnStats(X: readonly (readonly number[])[]): { mean: number[]; sd: number[] } {
  const d = X[0].length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j], 0) / X.length);
  const sd = mean.map((m, j) => Math.sqrt(X.reduce((s, r) => s + (r[j] - m) ** 2, 0) / X.length));
  return { mean, sd };
}
