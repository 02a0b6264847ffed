import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { RandomForestRegressor } from '../../../src-main/engine/forest/RandomForestRegressor';
import type { ForestJSON } from '../../../src-main/engine/forest/forestBase';
import type { FlatTree } from '../../../src-main/engine/forest/flatTree';
import { treeShap, type TreeShapResult } from '../../../src-main/engine/shap/treeShap';

/**
 * Models saved before leaf-only values (version 1: a value row per node, leaves marked −1) and
 * what that build predicted for them: test/fixtures/models/forest-v1.json was written by commit
 * ac8d6d8 (iris classifier, 4 trees of depth ≤ 4; diabetes regressor, 3 trees of depth ≤ 3).
 */
interface Fixture {
  classifier: {
    model: ForestJSON;
    rows: number[][];
    proba: number[][];
    predict: number[];
    shap: TreeShapResult[];
    importances: number[];
  };
  regressor: { model: ForestJSON; rows: number[][]; predict: number[]; shap: TreeShapResult[] };
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/models/forest-v1.json', import.meta.url), 'utf8'),
) as Fixture;

/**
 * Each leaf of the loaded tree names a row of the forest's shared value table, and the saved tree
 * numbers its leaves −1, −2, … in preorder with one value row each, the same values.
 */
function expectLeafForm(tree: FlatTree, saved: { feature: number[]; value: number[] }, nOut: number): void {
  const codes = saved.feature.filter((f) => f < 0);
  expect(codes).toEqual(codes.map((_, i) => -1 - i));
  expect(saved.value.length).toBe(codes.length * nOut);
  const named = Array.from(tree.feature).flatMap((f) =>
    f < 0 ? Array.from(tree.value.subarray((-1 - f) * nOut, -f * nOut)) : [],
  );
  expect(named).toEqual(saved.value);
}

describe('model JSON version 1 (value per node)', () => {
  it('the fixture is version 1 and holds a value row for every node', () => {
    const { model } = fixture.classifier;
    expect(model.version).toBe(1);
    for (const t of model.trees) {
      expect(t.value).toHaveLength(t.feature.length * 3);
      expect(t.feature.filter((f) => f < 0).every((f) => f === -1)).toBe(true);
    }
  });

  it('a classifier loads and predicts, explains and ranks exactly as the build that saved it', () => {
    const { model, rows, proba, predict, shap, importances } = fixture.classifier;
    const forest = RandomForestClassifier.load(model);
    expect(forest.predictProba(rows)).toEqual(proba);
    expect(forest.predict(rows)).toEqual(predict);
    expect(rows.slice(0, 3).map((x) => treeShap(forest, x))).toEqual(shap);
    expect(forest.featureImportances()).toEqual(importances);
    forest.trees.forEach((t, i) => expectLeafForm(t, forest.toJSON().trees[i], 3));
  });

  it('a regressor loads and predicts and explains exactly as the build that saved it', () => {
    const { model, rows, predict, shap } = fixture.regressor;
    const forest = RandomForestRegressor.load(model);
    expect(forest.predict(rows)).toEqual(predict);
    expect(rows.slice(0, 3).map((x) => treeShap(forest, x))).toEqual(shap);
    forest.trees.forEach((t, i) => expectLeafForm(t, forest.toJSON().trees[i], 1));
  });

  it('saving again writes version 2 with values for the leaves only, which loads to the same numbers', () => {
    const { model, rows, proba } = fixture.classifier;
    const json = RandomForestClassifier.load(model).toJSON();
    expect(json.version).toBe(2);
    json.trees.forEach((t, i) => {
      const leaves = model.trees[i].feature.filter((f) => f < 0).length;
      expect(t.value).toHaveLength(leaves * 3);
      // The same leaf rows, in the same (preorder) order; split nodes' rows are gone.
      const v1 = model.trees[i];
      const kept = v1.feature.flatMap((f, node) => (f < 0 ? v1.value.slice(node * 3, node * 3 + 3) : []));
      expect(t.value).toEqual(kept);
      expect(t.left).toEqual(v1.left);
      expect(t.right).toEqual(v1.right);
    });
    expect(RandomForestClassifier.load(JSON.parse(JSON.stringify(json))).predictProba(rows)).toEqual(proba);
  });
});

describe('loading checks leaf codes and value lengths as strictly as before', () => {
  const v1 = fixture.regressor.model;
  const v2 = RandomForestRegressor.load(v1).toJSON();
  const firstLeaf = v1.trees[0].feature.findIndex((f) => f < 0);

  it('version 1: a leaf must be −1 and values one row per node', () => {
    const badLeaf = structuredClone(v1);
    badLeaf.trees[0].feature[firstLeaf] = -2;
    expect(() => RandomForestRegressor.load(badLeaf)).toThrow(
      `Invalid model: node ${firstLeaf} of a tree has an out-of-range feature or child`,
    );
    const leafRowsOnly = structuredClone(v1);
    leafRowsOnly.trees[0].value = v2.trees[0].value;
    expect(() => RandomForestRegressor.load(leafRowsOnly)).toThrow(
      /tree\.value must be an array of 15 numbers/,
    );
  });

  it('version 2: leaves numbered −1, −2, … in preorder, values one row per leaf', () => {
    expect(v2.trees[0].feature[firstLeaf]).toBe(-1);
    const renumbered = structuredClone(v2);
    renumbered.trees[0].feature[firstLeaf] = -2; // out of order (and, as a row of value, out of range)
    expect(() => RandomForestRegressor.load(renumbered)).toThrow(
      `Invalid model: node ${firstLeaf} of a tree has an out-of-range feature or child`,
    );
    const asV1 = { ...v2, version: 1 }; // −2, −3, … are not version 1 leaves
    expect(() => RandomForestRegressor.load(asV1)).toThrow(/out-of-range feature or child/);
    const perNode = { ...v1, version: 2 }; // version 1 trees read as version 2
    expect(() => RandomForestRegressor.load(perNode)).toThrow(/out-of-range feature or child/);
    const short = structuredClone(v2);
    short.trees[0].value.pop();
    expect(() => RandomForestRegressor.load(short)).toThrow(/tree\.value must be an array of 8 numbers/);
  });
});
