/**
 * The generated tables of the big-table benchmarks: `rows` × 30 numeric features and a yes/no
 * label that depends on five of them through a logistic link (so accuracy means something,
 * ~80%), written as CSV with a fixed seed (the same file on every machine).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRng } from '../src-main/engine';

export const GENERATED_FEATURES = 30;

/** Writes the table to `path`; returns its size in bytes. */
export function writeGeneratedCsv(path: string, rows: number, seed = 1): number {
  const rng = createRng(seed);
  const p = GENERATED_FEATURES;
  const fd = openSync(path, 'w');
  let bytes = 0;
  const put = (s: string) => {
    bytes += writeSync(fd, s);
  };
  try {
    put([...Array.from({ length: p }, (_, j) => `feature_${j}`), 'label'].join(',') + '\n');
    let chunk: string[] = [];
    const x = new Float64Array(p);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < p; j++) x[j] = rng.normal();
      const z = 1.2 * x[0] - 0.9 * x[1] + 0.7 * x[2] * x[3] + 0.8 * Math.sin(2 * x[4]) + 0.5 * rng.normal();
      const label = rng.next() < 1 / (1 + Math.exp(-2 * z)) ? 'yes' : 'no';
      const cells = Array.from(x, (v) => (v * 10 + 50).toFixed(3));
      chunk.push(`${cells.join(',')},${label}`);
      if (chunk.length === 10_000) {
        put(chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length) put(chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return bytes;
}
