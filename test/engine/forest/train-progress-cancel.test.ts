import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src-main/engine/errors';
import { RandomForestClassifier } from '../../../src-main/engine/forest/RandomForestClassifier';
import { loadNumericCsv } from './loadNumericCsv';

const iris = loadNumericCsv('iris.csv');

describe('training progress and cancellation', () => {
  it('reports the fraction of trees done after every tree', () => {
    const seen: number[] = [];
    new RandomForestClassifier({ nEstimators: 4 }).train(iris.X, iris.y, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('stops between trees when the signal aborts, and leaves the model untrained', () => {
    const controller = new AbortController();
    const model = new RandomForestClassifier({ nEstimators: 10 });
    let calls = 0;
    const onProgress = (): void => {
      if (++calls === 3) controller.abort();
    };
    expect(() => model.train(iris.X, iris.y, { onProgress, signal: controller.signal })).toThrow(
      CancelledError,
    );
    expect(calls).toBe(3);
    expect(model.isTrained).toBe(false);
  });

  it('trainAsync yields to the event loop and builds the same forest', async () => {
    const sync = new RandomForestClassifier({ nEstimators: 12, seed: 4 }).train(iris.X, iris.y);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const asyncModel = await new RandomForestClassifier({ nEstimators: 12, seed: 4 }).trainAsync(
      iris.X,
      iris.y,
      {
        yieldEveryMs: 0,
      },
    );
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(asyncModel.toJSON()).toEqual(sync.toJSON());
  });

  it('trainAsync rejects with CancelledError when aborted from outside', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    const model = new RandomForestClassifier({ nEstimators: 5000 });
    await expect(
      model.trainAsync(iris.X, iris.y, { signal: controller.signal, yieldEveryMs: 0 }),
    ).rejects.toBeInstanceOf(CancelledError);
  });

  it('keeps a class column for a class absent from the training rows when nClasses says so', () => {
    const model = new RandomForestClassifier({ nEstimators: 3 }).train(
      iris.X.slice(0, 100),
      iris.y.slice(0, 100),
      {
        nClasses: 3,
      },
    );
    expect(model.predictProba([iris.X[0]])[0]).toHaveLength(3);
    expect(model.predictProba([iris.X[0]])[0][2]).toBe(0);
  });
});
