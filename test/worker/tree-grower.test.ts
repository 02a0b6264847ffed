import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  createRng,
  RandomForestClassifier,
  RandomForestRegressor,
} from '../../src-main/engine';
import type { FlatTree } from '../../src-main/engine/forest/flatTree';
import { threadedTreeGrower } from '../../src-main/worker/treeGrower';
import { recordingGrower } from '../engine/forest/recordingGrower';

/** rows × 6 features; class 1 when a noisy linear score is positive. */
function table(rows: number, seed = 5): { X: number[][]; y: number[]; v: number[] } {
  const rng = createRng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: 6 }, () => Math.round(rng.normal() * 1000) / 100);
    const s = x[0] - 0.5 * x[1] + 0.3 * x[2] * x[3] + rng.normal();
    X.push(x);
    y.push(s > 0 ? 1 : 0);
    v.push(s);
  }
  return { X, y, v };
}

const big = table(40_000);

describe('threadedTreeGrower', () => {
  it('grows the same histogram forest (40 000 rows) on 1, 2 and 3 threads as the engine alone', () => {
    const opts = { nEstimators: 5, seed: 7 };
    const grown: FlatTree[] = [];
    const alone = new RandomForestClassifier(opts)
      .train(big.X, big.y, { growTrees: recordingGrower(grown) })
      .toJSON();
    for (const threads of [2, 3]) {
      const threaded = new RandomForestClassifier(opts)
        .train(big.X, big.y, { growTrees: threadedTreeGrower({ threads, always: true }) })
        .toJSON();
      expect(threaded).toEqual(alone);
    }
    // Histogram trees still record each node's distinct rows and bootstrap weight (TreeSHAP's
    // cover); the forest keeps (and saves) only the weight.
    const t = alone.trees[0];
    const { samples } = grown[0];
    expect(t.samples).toBeUndefined();
    expect(t.weight![0]).toBe(40_000); // every bootstrap draw
    expect(samples![0]).toBeGreaterThan(25_000); // ~63% of the rows are drawn at least once
    expect(samples![0]).toBeLessThan(25_700);
    for (let i = 0; i < t.feature.length; i++) {
      if (t.feature[i] < 0) continue;
      expect(samples![t.left[i]] + samples![t.right[i]]).toBe(samples![i]);
      expect(t.weight![t.left[i]] + t.weight![t.right[i]]).toBe(t.weight![i]);
      expect(t.left[i]).toBe(i + 1); // preorder
    }
  }, 120_000);

  it('grows the same exact forest (small table) on threads, and regression forests too', () => {
    const small = table(3_000, 9);
    const c = new RandomForestClassifier({ nEstimators: 6, seed: 3 });
    const alone = c.train(small.X, small.y).toJSON();
    const threaded = new RandomForestClassifier({ nEstimators: 6, seed: 3 })
      .train(small.X, small.y, { growTrees: threadedTreeGrower({ threads: 2, always: true }) })
      .toJSON();
    expect(threaded).toEqual(alone);
    const r = new RandomForestRegressor({ nEstimators: 4, seed: 3 }).train(big.X, big.v).toJSON();
    const rThreaded = new RandomForestRegressor({ nEstimators: 4, seed: 3 })
      .train(big.X, big.v, { growTrees: threadedTreeGrower({ threads: 2, always: true }) })
      .toJSON();
    expect(rThreaded).toEqual(r);
  }, 120_000);

  it('stops with CancelledError when the signal is aborted while trees grow', () => {
    const controller = new AbortController();
    const forest = new RandomForestClassifier({ nEstimators: 50, seed: 1 });
    expect(() =>
      forest.train(big.X, big.y, {
        growTrees: threadedTreeGrower({ threads: 2, always: true }),
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).toThrow(CancelledError);
    expect(forest.isTrained).toBe(false);
  }, 120_000);
});
