import { describe, expect, it } from 'vitest';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import {
  ForestPacker,
  leafIndices,
  meanLeafValues,
  packTrees,
} from '../../../src-main/engine/forest/packedForest';
import { loadNumericCsv } from './loadNumericCsv';

const cancer = loadNumericCsv('breast_cancer.csv');
const X = Float64Array.from(cancer.X.flat());
const n = cancer.X.length;
const d = cancer.X[0].length;

describe('ForestPacker', () => {
  // Depths 1, 3, …: each tree is larger than the ones before, so the arrays sized from the first
  // tree must grow (nodes and leaves separately) while trees arrive out of order.
  const trees = [1, 3, 5, 8].map(
    (maxDepth, i) =>
      new RandomForestClassifier({ nEstimators: 1, maxDepth, seed: i + 1 }).train(cancer.X, cancer.y)
        .trees[0],
  );

  it('packs trees arriving out of order into the same arrays as packing them at once', () => {
    const packer = new ForestPacker(trees.length, 2);
    for (const i of [1, 0, 3, 2]) packer.add(i, trees[i]);
    const { packed, trees: views } = packer.finish();
    const whole = packTrees(trees, 2);
    expect(packed).toEqual(whole);
    expect(Array.from(packed.roots)).toEqual([
      0,
      3,
      3 + trees[1].nodeCount,
      3 + trees[1].nodeCount + trees[2].nodeCount,
    ]);
    expect(Array.from(packed.leafRoots)).toEqual([
      0,
      2,
      2 + trees[1].value.length / 2,
      packed.leafRoots[2] + trees[2].value.length / 2,
    ]);
    expect(packed.value.length).toBe(trees.reduce((s, t) => s + t.value.length, 0));
    views.forEach((v, i) => {
      expect(v.feature).toEqual(trees[i].feature);
      expect(v.value).toEqual(trees[i].value);
      expect(v.weight).toEqual(trees[i].weight);
    });
  });

  it('leafIndices names each row’s leaf as its row of the packed values', () => {
    const packed = packTrees(trees, 2);
    const leaves = leafIndices(packed, X, n, d);
    const means = new Float64Array(n * 2);
    for (let t = 0; t < trees.length; t++) {
      for (let r = 0; r < n; r++) {
        const leaf = leaves[t * n + r];
        expect(leaf).toBeGreaterThanOrEqual(packed.leafRoots[t]);
        expect(leaf).toBeLessThan(packed.leafRoots[t] + trees[t].value.length / 2);
        means[2 * r] += packed.value[2 * leaf];
        means[2 * r + 1] += packed.value[2 * leaf + 1];
      }
    }
    for (let i = 0; i < means.length; i++) means[i] /= trees.length;
    expect(means).toEqual(meanLeafValues(packed, X, n, d));
  });
});
