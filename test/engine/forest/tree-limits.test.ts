import { describe, expect, it } from 'vitest';
import { treeCover, type FlatTree } from '../../../src-main/engine/forest/flatTree';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { RandomForestRegressor } from '../../../src-main/engine/forest/RandomForestRegressor';
import { loadNumericCsv } from './loadNumericCsv';
import { recordingGrower } from './recordingGrower';

const cancer = loadNumericCsv('breast_cancer.csv');
const diabetes = loadNumericCsv('diabetes.csv', { regression: true });

function depths(tree: FlatTree): number[] {
  const d = new Array<number>(tree.nodeCount).fill(0);
  for (let i = 0; i < tree.nodeCount; i++) {
    if (tree.feature[i] >= 0) {
      d[i + 1] = d[i] + 1; // preorder: the left child is the next node
      d[tree.right[i]] = d[i] + 1;
    }
  }
  return d;
}

const leaves = (t: FlatTree): number[] => [...Array(t.nodeCount).keys()].filter((i) => t.feature[i] < 0);
const splits = (t: FlatTree): number[] => [...Array(t.nodeCount).keys()].filter((i) => t.feature[i] >= 0);

describe('tree limits', () => {
  it('maxDepth 3: no node deeper than 3, and some leaf reaches 3', () => {
    const model = new RandomForestClassifier({ nEstimators: 10, maxDepth: 3, seed: 1 }).train(
      cancer.X,
      cancer.y,
    );
    for (const t of model.trees) {
      const d = depths(t);
      expect(Math.max(...d)).toBe(3);
      for (const i of splits(t)) expect(d[i]).toBeLessThan(3);
    }
  });

  it('minSamplesLeaf 7: every leaf holds at least 7 distinct rows; children add up to parents', () => {
    const grown: FlatTree[] = [];
    const model = new RandomForestClassifier({ nEstimators: 10, minSamplesLeaf: 7, seed: 2 }).train(
      cancer.X,
      cancer.y,
      { growTrees: recordingGrower(grown) },
    );
    let smallest = Infinity;
    for (const [n, t] of grown.entries()) {
      const samples = t.samples as Int32Array;
      const weight = t.weight as Uint32Array;
      for (const i of leaves(t)) smallest = Math.min(smallest, samples[i]);
      for (const i of splits(t)) {
        expect(samples[i + 1] + samples[t.right[i]]).toBe(samples[i]);
        expect(weight[i + 1] + weight[t.right[i]]).toBe(weight[i]);
      }
      // a bootstrap of 569 draws
      expect(weight[0]).toBe(569);
      // The forest keeps the grown tree's numbers; the cover sits in the leaves' threshold slots
      // and comes back whole, as 32-bit integers.
      const kept = model.trees[n];
      expect(kept.weight).toBeUndefined();
      expect(kept.coverInLeaves).toBe(true);
      expect(treeCover(kept)).toBeInstanceOf(Uint32Array);
      expect(Array.from(treeCover(kept)!)).toEqual(Array.from(weight));
      for (const i of splits(t)) expect(kept.threshold[i]).toBe(t.threshold[i]);
      for (const i of leaves(t)) expect(kept.threshold[i]).toBe(weight[i]);
      expect(Array.from(kept.right)).toEqual(Array.from(t.right));
      // Its leaves name rows of the forest's shared value table holding their own values.
      const leafValues = (tree: FlatTree) =>
        Array.from(tree.feature).map((f) =>
          f >= 0 ? f : Array.from(tree.value.subarray(2 * (-1 - f), -2 * f)),
        );
      expect(leafValues(kept)).toEqual(leafValues(t));
      expect(kept.samples).toBeUndefined();
      expect(kept.impurity).toBeUndefined();
    }
    expect(smallest).toBe(7);
  });

  it('minSamplesSplit 40: only nodes of ≥ 40 rows are split (regression)', () => {
    const grown: FlatTree[] = [];
    new RandomForestRegressor({ nEstimators: 5, minSamplesSplit: 40, seed: 3 }).train(
      diabetes.X,
      diabetes.y,
      {
        growTrees: recordingGrower(grown),
      },
    );
    expect(grown).toHaveLength(5);
    for (const t of grown) {
      const samples = t.samples as Int32Array;
      for (const i of splits(t)) expect(samples[i]).toBeGreaterThanOrEqual(40);
      expect(leaves(t).some((i) => samples[i] >= 20)).toBe(true);
    }
  });

  it('unlimited classifier trees end in pure leaves whose values are class fractions', () => {
    const grown: FlatTree[] = [];
    new RandomForestClassifier({ nEstimators: 3, seed: 4 }).train(cancer.X, cancer.y, {
      growTrees: recordingGrower(grown),
    });
    expect(grown).toHaveLength(3);
    for (const t of grown) {
      for (const i of leaves(t)) {
        expect(t.impurity?.[i]).toBe(0);
        const leaf = -1 - t.feature[i];
        expect([t.value[2 * leaf], t.value[2 * leaf + 1]].sort()).toEqual([0, 1]);
      }
    }
  });
});
