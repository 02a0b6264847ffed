import { describe, expect, it } from 'vitest';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { RandomForestRegressor } from '../../../src-main/engine/forest/RandomForestRegressor';
import { treeCover, type FlatTree } from '../../../src-main/engine/forest/flatTree';
import { recordingGrower } from './recordingGrower';

// One tree, every row once, every feature examined: the forest is a single exact CART tree.
const single = { nEstimators: 1, useSampleBagging: false, maxFeatures: 'all' } as const;

describe('split thresholds', () => {
  it('splits a separable feature at the midpoint between the classes (3 | 10 → 6.5)', () => {
    const X = [[1], [2], [3], [10], [11], [12]];
    const grown: FlatTree[] = [];
    const model = new RandomForestClassifier(single).train(X, [0, 0, 0, 1, 1, 1], {
      growTrees: recordingGrower(grown),
    });
    const tree = model.trees[0];
    // Leaves hold −1 − their leaf index; values are kept for the two leaves only.
    expect(Array.from(tree.feature)).toEqual([0, -1, -2]);
    expect(tree.threshold[0]).toBe(6.5);
    expect(Array.from(tree.right)).toEqual([2, -1, -1]);
    expect(Array.from(tree.value)).toEqual([1, 0, 0, 1]);
    expect(Array.from(treeCover(tree) ?? [])).toEqual([6, 3, 3]);
    expect(model.toJSON().trees[0].left).toEqual([1, -1, -1]);
    expect(Array.from(grown[0].samples ?? [])).toEqual([6, 3, 3]);
    expect(Array.from(grown[0].impurity ?? [])).toEqual([0.5, 0, 0]);
  });

  it('picks the informative feature and its exact boundary; x equal to the threshold goes left', () => {
    // feature 0 is noise, feature 1 separates between 0.25 and 0.75
    const X = [
      [5, 0.0],
      [1, 0.25],
      [4, 0.75],
      [2, 1.0],
      [3, 0.1],
      [6, 0.9],
    ];
    const y = [0, 0, 1, 1, 0, 1];
    const model = new RandomForestClassifier(single).train(X, y);
    const tree = model.trees[0];
    expect(tree.feature[0]).toBe(1);
    expect(tree.threshold[0]).toBe(0.5);
    expect(model.predict([[0, 0.5]])).toEqual([0]);
    expect(model.predict([[0, 0.5000001]])).toEqual([1]);
    expect(model.predictProba([[0, 0.49]])).toEqual([[1, 0]]);
  });

  it('keeps the lower value when the midpoint of two adjacent doubles rounds up', () => {
    const a = 1;
    const b = 1 + Number.EPSILON; // next double after 1
    const tree = new RandomForestClassifier(single).train([[a], [b]], [0, 1]).trees[0];
    expect(tree.threshold[0]).toBe(a);
  });

  it('regression: splits where the squared error drops most and stores leaf means', () => {
    const X = [[1], [2], [3], [10], [11], [12]];
    const y = [1, 2, 3, 10, 10, 10];
    const grown: FlatTree[] = [];
    const tree = new RandomForestRegressor({ ...single, maxDepth: 1 }).train(X, y, {
      growTrees: recordingGrower(grown),
    }).trees[0];
    expect(tree.threshold[0]).toBe(6.5);
    expect(grown[0].value).toEqual(tree.value);
    expect(Array.from(tree.value)).toEqual([2, 10]);
    // weighted variances: root (25+16+9+16+16+16)/6, children (1+0+1)/3 and 0
    expect(grown[0].impurity?.[0]).toBeCloseTo(98 / 6, 12);
    expect(grown[0].impurity?.[1]).toBeCloseTo(2 / 3, 12);
    expect(grown[0].impurity?.[2]).toBe(0);
  });
});
