import { describe, expect, it } from 'vitest';
import { LeafValueTable } from '../../../src-main/engine/forest/leafValueTable';

describe('LeafValueTable', () => {
  it('gives equal rows one index, in order of first appearance, and keeps 0 and −0 apart', () => {
    const table = new LeafValueTable(2);
    const leaves = [1, 0, 0, 1, 1, 0, 0.25, 0.75, 0, 1, -0, 1];
    const rows = [0, 1, 2, 3, 4, 5].map((l) => table.rowOf(leaves, 2 * l));
    expect(rows).toEqual([0, 1, 0, 2, 1, 3]);
    expect(Array.from(table.table())).toEqual([1, 0, 0, 1, 0.25, 0.75, -0, 1]);
    expect(Object.is(table.table()[6], -0)).toBe(true);
  });

  it('stays exact past many rehashes (regression leaves, mostly distinct)', () => {
    const table = new LeafValueTable(1);
    const values = Array.from({ length: 5000 }, (_, i) => (i % 1000) / 7);
    const rows = values.map((_, i) => table.rowOf(values, i));
    expect(table.table().length).toBe(1000);
    rows.forEach((row, i) => expect(table.table()[row]).toBe(values[i]));
    expect(rows.slice(1000, 1005)).toEqual([0, 1, 2, 3, 4]);
  });
});
