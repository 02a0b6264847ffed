import { describe, expect, it } from 'vitest';
import { createRng, RandomForestClassifier, RandomForestRegressor } from '../../../src-main/engine';
import { growPlannedTree, type ForestPlan } from '../../../src-main/engine/forest/forestPlan';
import { TreeScratch } from '../../../src-main/engine/forest/treeScratch';

/** rows × 5 features, a noisy score; `rows` above 30 000 makes histogram trees. */
function table(rows: number): { X: number[][]; y: number[]; v: number[] } {
  const rng = createRng(11);
  const X: number[][] = [];
  const y: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: 5 }, () => Math.round(rng.normal() * 100) / 10);
    const s = x[0] - x[1] * x[2] + rng.normal();
    X.push(x);
    y.push(s > 0 ? 1 : 0);
    v.push(s);
  }
  return { X, y, v };
}

/** The plan a forest trains from, kept by a grower that grows its trees as the engine does. */
function planOf(
  forest: RandomForestClassifier | RandomForestRegressor,
  X: number[][],
  targets: number[],
): ForestPlan {
  let captured: ForestPlan | undefined;
  forest.train(X, targets, {
    growTrees: (plan, { onTree }) => {
      captured = plan;
      plan.seeds.forEach((seed, t) => onTree(t, growPlannedTree(plan, seed)));
    },
  });
  return captured!;
}

describe('TreeScratch', () => {
  for (const [name, rows] of [
    ['exact', 400],
    ['histogram', 36_000],
  ] as const) {
    it(`gives the ${name} search's trees unchanged when one scratch grows them all, bigger and smaller ones in turn`, () => {
      const { X, y, v } = table(rows);
      const plans = [
        planOf(new RandomForestClassifier({ nEstimators: 3, seed: 3, maxDepth: 12 }), X, y),
        planOf(new RandomForestRegressor({ nEstimators: 2, seed: 4, maxDepth: 9 }), X, v),
      ];
      const scratch = new TreeScratch();
      // Depth-limited classifier trees, then shallower regression trees, then the classifier's again:
      // the buffers hold an earlier, larger or smaller, tree's numbers each time.
      for (const plan of [plans[0], plans[1], plans[0]]) {
        for (const seed of plan.seeds) {
          const fresh = growPlannedTree(plan, seed);
          const reused = growPlannedTree(plan, seed, scratch);
          const { samples, impurity, ...kept } = fresh.tree;
          expect(samples![0]).toBeGreaterThan(rows * 0.6);
          expect(impurity![0]).toBeGreaterThan(0);
          expect(reused.tree).toEqual(kept);
          expect(reused.tree.samples).toBeUndefined();
          expect(reused.importance).toEqual(fresh.importance);
          expect(reused.tree.nodeCount).toBeGreaterThan(20);
        }
      }
    });
  }
});
