import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leafCoveringRows } from '../../../src-main/engine/forest/leafCoveringRows';
import type { FlatTree } from '../../../src-main/engine/forest/flatTree';
import { defaultTrainSettings, loadDataset, trainModel } from '../../../src-main/engine';

/** The leaf a row reaches in a tree (x <= threshold goes left). */
function leafOf(tree: FlatTree, x: Float64Array, at: number): number {
  let node = 0;
  while (tree.feature[node] >= 0)
    node = x[at + tree.feature[node]] <= tree.threshold[node] ? node + 1 : tree.right[node];
  return node;
}

/**
 * A hand-built tree in preorder, leaves marked −1 (numbered here as FlatTree numbers them); `left`
 * is checked to be the next node, as FlatTree implies.
 */
function tree(nodes: [feature: number, threshold: number, left: number, right: number][]): FlatTree {
  nodes.forEach(([f, , l], i) => expect(l).toBe(f < 0 ? -1 : i + 1));
  let leaves = 0;
  return {
    nodeCount: nodes.length,
    feature: Int32Array.from(nodes, (n) => (n[0] < 0 ? -1 - leaves++ : n[0])),
    threshold: Float64Array.from(nodes, (n) => n[1]),
    right: Int32Array.from(nodes, (n) => n[3]),
    value: new Float64Array(leaves),
  };
}

describe('leafCoveringRows', () => {
  it('gives each reachable leaf of a hand-built tree its own row, skipping a contradictory one', () => {
    // x0 <= 2 ? (x1 <= -1 ? L2 : L3) : (x0 <= 1 ? L5 (unreachable: x0 > 2 and x0 <= 1) : L6)
    const t = tree([
      [0, 2, 1, 4],
      [1, -1, 2, 3],
      [-1, 0, -1, -1],
      [-1, 0, -1, -1],
      [0, 1, 5, 6],
      [-1, 0, -1, -1],
      [-1, 0, -1, -1],
    ]);
    const { x, n } = leafCoveringRows([t], 2, (row) => row.fill(7));
    expect(n).toBe(3);
    // Left bounds are met at the threshold itself; a lower bound alone steps past it by max(1, |lo|).
    expect(Array.from(x)).toEqual([2, -1, 2, 0, 4, 7]);
    expect([0, 1, 2].map((r) => leafOf(t, x, r * 2))).toEqual([2, 3, 6]);
  });

  it('reaches every leaf of every tree of the breast-cancer forest', () => {
    const name = 'breast_cancer.csv';
    const bytes = readFileSync(new URL(`../../../assets/samples/${name}`, import.meta.url));
    const ds = loadDataset(new Uint8Array(bytes), name);
    const { forest } = trainModel(ds, defaultTrainSettings(ds, 'diagnosis'));
    const d = forest.nFeatures;
    const { x, n } = leafCoveringRows(forest.trees, d, (row) => row.fill(0));
    let leaves = 0;
    for (const t of forest.trees) {
      const reached = new Set<number>();
      for (let r = 0; r < n; r++) reached.add(leafOf(t, x, r * d));
      for (let i = 0; i < t.nodeCount; i++) if (t.feature[i] < 0) expect(reached.has(i)).toBe(true);
      leaves += reached.size;
    }
    expect(n).toBe(leaves);
  });
});
