import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  encodeDataRow,
  explainDataRow,
  explainerInputs,
  loadDataset,
  trainModel,
} from '../../src-main/engine';
import { explainInParallel } from '../../src-main/worker/explainPool';

/** An iris forest of `trees` trees on the reference split (seed 1). */
function irisModel(trees: number) {
  const dataset = loadDataset(
    new Uint8Array(readFileSync(new URL('../../assets/samples/iris.csv', import.meta.url))),
    'iris.csv',
  );
  return {
    dataset,
    model: trainModel(dataset, defaultTrainSettings(dataset, 'species', { nEstimators: trees, seed: 1 })),
  };
}

describe('explainInParallel', () => {
  it('gives exactly the sequential explanations, in task order, on two threads', async () => {
    const { dataset, model } = irisModel(30);
    const rows = [0, 60, 120, 1, 61, 121];
    const settings = { ...DEFAULT_LIME_SETTINGS, numSamples: 1000, numFeatures: 3 };
    const done: number[] = [];
    const parallel = await explainInParallel(
      { inputs: explainerInputs(model), forest: model.forest.toJSON(), settings },
      rows.map((r, i) => ({ instance: encodeDataRow(model, dataset, r), ...(i === 5 && { label: 0 }) })),
      { threads: 2, onProgress: (d) => done.push(d) },
    );
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    for (const [i, r] of rows.entries()) {
      const sequential = await explainDataRow(model, dataset, r, settings, i === 5 ? { label: 0 } : {});
      expect(parallel[i].label).toBe(sequential.label);
      expect(parallel[i].weights.map((w) => [w.condition, w.weight])).toEqual(
        sequential.weights.map((w) => [w.condition, w.weight]),
      );
      expect(parallel[i].intercept).toBe(sequential.intercept);
    }
    expect(parallel.map((p) => p.label)).toEqual([0, 1, 2, 0, 1, 0]);
  });
});

describe('ExplainPool', () => {
  it('serves several calls with warm threads and stops a cancelled call without breaking the next', async () => {
    const { ExplainPool } = await import('../../src-main/worker/explainPool');
    const { dataset, model } = irisModel(20);
    const settings = { ...DEFAULT_LIME_SETTINGS, numSamples: 800, numFeatures: 2 };
    const pool = new ExplainPool(
      { inputs: explainerInputs(model), forest: model.forest.toJSON(), settings },
      { threads: 2 },
    );
    try {
      const tasks = Array.from({ length: 30 }, (_, i) => ({
        instance: encodeDataRow(model, dataset, i * 5),
      }));
      const first = await pool.explain(tasks);
      const controller = new AbortController();
      const cancelled = pool.explain(tasks, {
        signal: controller.signal,
        onProgress: (done) => done === 3 && controller.abort(),
      });
      await expect(cancelled).rejects.toThrow(/Cancel/);
      const again = await pool.explain(tasks.slice(0, 5));
      expect(again.map((e) => e.weights)).toEqual(first.slice(0, 5).map((e) => e.weights));
      const sequential = await explainDataRow(model, dataset, 0, settings);
      expect(first[0].weights.map((w) => w.weight)).toEqual(sequential.weights.map((w) => w.weight));
    } finally {
      await pool.dispose();
    }
  });
});

describe('ExplainPool warm-up pacing', () => {
  it('answers a call while the worker counts a job as running (its threads stop pausing once needed)', async () => {
    const { ExplainPool } = await import('../../src-main/worker/explainPool');
    const { createIdleGate } = await import('../../src-main/worker/idleGate');
    const gate = createIdleGate();
    // The job that uses the pool is itself a running job: pausing for it would never end.
    gate.jobStarted();
    const { dataset, model } = irisModel(20);
    const settings = { ...DEFAULT_LIME_SETTINGS, numSamples: 600, numFeatures: 2 };
    const pool = new ExplainPool(
      { inputs: explainerInputs(model), forest: model.forest.toJSON(), settings },
      { threads: 2, busy: gate.buffer },
    );
    try {
      const got = await pool.explain(
        [0, 70, 140].map((r) => ({ instance: encodeDataRow(model, dataset, r) })),
      );
      const sequential = await explainDataRow(model, dataset, 140, settings);
      expect(got.map((e) => e.label)).toEqual([0, 1, 2]);
      expect(got[2].weights.map((w) => w.weight)).toEqual(sequential.weights.map((w) => w.weight));
    } finally {
      await pool.dispose();
    }
  });
});

describe('ExplainPool.whenWarm', () => {
  it('wakes when the last thread reports warm (well before its timeout), every thread counted', async () => {
    const { ExplainPool, WARM_CONTROL } = await import('../../src-main/worker/explainPool');
    const { model } = irisModel(10);
    const settings = { ...DEFAULT_LIME_SETTINGS, numSamples: 500, numFeatures: 2 };
    const pool = new ExplainPool(
      { inputs: explainerInputs(model), forest: model.forest.toJSON(), settings },
      { threads: 2 },
    );
    try {
      // A wait that never woke would run into the test's own 30 s limit, not the 10 minutes given.
      await pool.whenWarm(600_000);
      const control = (pool as unknown as { control: Int32Array }).control;
      expect(Atomics.load(control, WARM_CONTROL.warmed)).toBe(2);
    } finally {
      await pool.dispose();
    }
  }, 30_000);
});
