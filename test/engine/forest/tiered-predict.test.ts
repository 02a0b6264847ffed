import { describe, expect, it } from 'vitest';
import { leafCoveringRows } from '../../../src-main/engine/forest/leafCoveringRows';
import { meanLeafValues, packTrees } from '../../../src-main/engine/forest/packedForest';
import {
  TIER_MIN_ROWS,
  TIER_PROBE_ROWS,
  newTierState,
  tieredMeanLeafValues,
} from '../../../src-main/engine/forest/tieredPredict';
import { RandomForestClassifier, createRng } from '../../../src-main/engine';
import { loadNumericCsv } from './loadNumericCsv';

const { X, y } = loadNumericCsv('breast_cancer.csv');
const d = X[0].length;
const forest = new RandomForestClassifier({ nEstimators: 30, seed: 11 }).train(X, y);
const packed = packTrees(forest.trees, 2);
// Real trees, so the compiled and walked paths have branches to disagree on.
if (packed.feature.length < 30 * 20) throw new Error('expected grown trees');

function batch(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = X[rng.int(X.length)];
    for (let j = 0; j < d; j++) out[i * d + j] = row[j] * (1 + 0.15 * rng.normal());
  }
  // a row on a threshold and a missing value: both must go where the walk sends them
  out[d * 3] = packed.threshold[packed.roots[0]];
  out[d * 5 + 2] = Number.NaN;
  return out;
}

const cover = (x: Float64Array) => leafCoveringRows(forest.trees, d, (row) => row.set(x.subarray(0, d)));

describe('tieredMeanLeafValues', () => {
  it('walks small batches and the first large one, then probes and switches, bit-identical throughout', () => {
    const state = newTierState();
    // A clock where the compiled slice is slower twice (per row), then faster.
    const ticks = [0, 10, 11, 0, 10, 11, 0, 0.01, 10];
    let tick = 0;
    const now = () => ticks[tick++] ?? 0;
    const small = batch(TIER_MIN_ROWS - 1, 1);
    expect(tieredMeanLeafValues(state, packed, small, TIER_MIN_ROWS - 1, d, cover, now)).toEqual(
      meanLeafValues(packed, small, TIER_MIN_ROWS - 1, d),
    );
    expect(state.largeBatches).toBe(0);
    const steps: [boolean | undefined, boolean, number][] = [];
    for (let call = 0; call < 6; call++) {
      const n = 2500 + call;
      const x = batch(n, 10 + call);
      expect(tieredMeanLeafValues(state, packed, x, n, d, cover, now)).toEqual(
        meanLeafValues(packed, x, n, d),
      );
      steps.push([state.fn === undefined ? undefined : state.fn !== null, state.promoted, state.probes]);
    }
    expect(steps).toEqual([
      [undefined, false, 0], // first large batch: walked, nothing compiled
      [true, false, 1], // compiled; its 600-row slice was slower per row
      [true, false, 2],
      [true, true, 2], // faster than the walk: takes every row from now on
      [true, true, 2],
      [true, true, 2],
    ]);
    expect(tick).toBe(9);
    expect(TIER_PROBE_ROWS).toBe(600);
  });

  it('takes every row after 12 slow probes whatever the clock says', () => {
    const state = newTierState();
    let tick = 0;
    // compiled slice 1 ms, walk 1 ms for ~4× the rows: always slower per row
    const now = () => [0, 1, 2][tick++ % 3];
    for (let call = 0; call < 14; call++) {
      const x = batch(2400, 40 + call);
      expect(tieredMeanLeafValues(state, packed, x, 2400, d, cover, now)).toEqual(
        meanLeafValues(packed, x, 2400, d),
      );
    }
    expect(state.probes).toBe(12);
    expect(state.promoted).toBe(true);
  });

  it('keeps walking a forest too large to compile', () => {
    const n = 70_000;
    const big = {
      nTrees: 1,
      nOutputs: 1,
      roots: new Int32Array([0]),
      feature: new Int32Array(n).fill(-1),
      threshold: new Float64Array(n),
      right: new Int32Array(n).fill(-1),
      value: new Float64Array(n).fill(0.5),
    };
    const state = newTierState();
    const x = new Float64Array(2000);
    for (let call = 0; call < 3; call++) {
      expect(
        Array.from(tieredMeanLeafValues(state, big, x, 2000, 1, () => ({ x, n: 0 })).subarray(0, 2)),
      ).toEqual([0.5, 0.5]);
    }
    expect(state.fn).toBeNull();
    expect(state.promoted).toBe(false);
  });
});
