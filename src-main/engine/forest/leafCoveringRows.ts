/**
 * Rows that reach every leaf of every tree, for warming a compiled forest (compiledForest.ts).
 *
 * V8 optimizes a generated tree function with the type feedback of the branches it has seen
 * run; a comparison or a leaf's addition that never ran has none, and reaching it later
 * deoptimizes the whole function. Random rows around the thresholds leave many leaves unseen,
 * so the first real LIME batches kept deoptimizing it (a helper thread's 3000-row batch took
 * 90–350 ms for its first five explanations, 8 ms after). One row per leaf runs every node.
 */
import type { FlatTree } from './flatTree';

/**
 * Row-major rows (rows × d): for each leaf of each tree one row that tree sends to that leaf;
 * features its path does not test keep the values of `base` (a row of d values, reused).
 * Unreachable leaves (contradictory bounds) get no row.
 */
export function leafCoveringRows(
  trees: readonly FlatTree[],
  d: number,
  base: (row: Float64Array) => void,
): { x: Float64Array; n: number } {
  const rows: Float64Array[] = [];
  const lo = new Float64Array(d).fill(-Infinity);
  const hi = new Float64Array(d).fill(Infinity);
  const visit = (tree: FlatTree, node: number): void => {
    const f = tree.feature[node];
    if (f < 0) {
      const row = new Float64Array(d);
      base(row);
      for (let j = 0; j < d; j++) {
        if (hi[j] <= lo[j]) return;
        // x <= hi holds at hi itself; x > lo needs a value past lo when no upper bound exists.
        if (hi[j] !== Infinity) row[j] = hi[j];
        else if (lo[j] !== -Infinity) row[j] = lo[j] + Math.max(1, Math.abs(lo[j]));
      }
      rows.push(row);
      return;
    }
    const t = tree.threshold[node];
    const savedHi = hi[f];
    hi[f] = Math.min(savedHi, t);
    visit(tree, node + 1); // preorder: the left child is the next node
    hi[f] = savedHi;
    const savedLo = lo[f];
    lo[f] = Math.max(savedLo, t);
    visit(tree, tree.right[node]);
    lo[f] = savedLo;
  };
  for (const tree of trees) if (tree.nodeCount > 0) visit(tree, 0);
  const x = new Float64Array(rows.length * d);
  rows.forEach((row, r) => x.set(row, r * d));
  return { x, n: rows.length };
}
