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
    views.forEach((v, i) => {
      expect(v.threshold).toEqual(trees[i].threshold);
      expect(v.right).toEqual(trees[i].right);
      expect(v.weight).toEqual(trees[i].weight);
      // Splits unchanged; each leaf names a row of the shared table holding its own values.
      v.feature.forEach((f, node) => {
        const own = trees[i].feature[node];
        if (own >= 0) return expect(f).toBe(own);
        expect(f).toBeLessThan(0);
        expect(v.value.subarray(2 * (-1 - f), 2 * -f)).toEqual(
          trees[i].value.subarray(2 * (-1 - own), 2 * -own),
        );
      });
    });
  });

  it('keeps each distinct leaf row once, bit for bit', () => {
    const packed = packTrees(trees, 2);
    const rows = new Set<string>();
    for (const t of trees)
      for (let l = 0; l < t.value.length; l += 2)
        rows.add(`${Object.is(t.value[l], -0)}|${t.value[l]}|${t.value[l + 1]}`);
    expect(packed.value.length).toBe(2 * rows.size);
    // Shallow trees (depth 1, 3) end in mixed leaves; deeper ones mostly in pure [1, 0] / [0, 1].
    expect(rows.size).toBeLessThan(trees.reduce((s, t) => s + t.value.length / 2, 0));
    expect(rows.has('false|1|0') && rows.has('false|0|1')).toBe(true);
  });

  it('leafIndices names each row’s leaf as its row of the packed values', () => {
    const packed = packTrees(trees, 2);
    const leaves = leafIndices(packed, X, n, d);
    const means = new Float64Array(n * 2);
    for (let t = 0; t < trees.length; t++) {
      for (let r = 0; r < n; r++) {
        const leaf = leaves[t * n + r];
        expect(leaf).toBeGreaterThanOrEqual(0);
        expect(leaf).toBeLessThan(packed.value.length / 2);
        means[2 * r] += packed.value[2 * leaf];
        means[2 * r + 1] += packed.value[2 * leaf + 1];
      }
    }
    for (let i = 0; i < means.length; i++) means[i] /= trees.length;
    expect(means).toEqual(meanLeafValues(packed, X, n, d));
  });
});
