import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import type { Dataset } from '../../../src-main/engine/data/types';

/** A dataset from CSV text, through the real reader. */
export function csv(text: string, fileName = 'test.csv'): Dataset {
  return loadDataset(new TextEncoder().encode(text), fileName);
}

/** CSV text from a header and rows. */
export function table(header: string[], rows: (string | number)[][]): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}
