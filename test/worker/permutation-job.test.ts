import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultTrainSettings,
  loadDataset,
  modelPermutationImportance,
  trainModel,
} from '../../src-main/engine';
import { idleGate } from '../../src-main/worker/idleGate';
import { permutationJob } from '../../src-main/worker/permutationJob';
import { createSession } from '../../src-main/worker/session';

function ctx(signal: AbortSignal = new AbortController().signal) {
  const fractions: number[] = [];
  return { fractions, signal, progress: (f: number) => void fractions.push(f) };
}

describe('permutationJob', () => {
  it('leaves the model without it when cancelled, and computes the engine values when asked again', async () => {
    const name = 'iris.csv';
    const bytes = readFileSync(new URL(`../../assets/samples/${name}`, import.meta.url));
    const dataset = loadDataset(new Uint8Array(bytes), name);
    const settings = defaultTrainSettings(dataset, 'species', { nEstimators: 30, seed: 3 });
    const session = createSession();
    const { id: datasetId } = session.addDataset(dataset);
    const model = session.addModel(datasetId, trainModel(dataset, settings, { deferPermutation: true }));
    expect(model.trained.permutationImportance).toEqual([]);

    const stop = new AbortController();
    stop.abort();
    await expect(permutationJob(session, model.id, ctx(stop.signal))).rejects.toThrow(/cancel|abort/i);
    expect(model.trained.permutationImportance).toEqual([]);

    const again = ctx();
    // The worker reads job messages in macrotasks: one must get a turn while the rounds run.
    let turnWhileRunning = false;
    setTimeout(() => (turnWhileRunning = again.fractions.at(-1) !== 1), 0);
    const importance = await permutationJob(session, model.id, again);
    expect(turnWhileRunning).toBe(true);
    expect(importance).toEqual(trainModel(dataset, settings).permutationImportance);
    expect(importance.map((i) => i.feature).sort()).toEqual([
      'petal_length_cm',
      'petal_width_cm',
      'sepal_length_cm',
      'sepal_width_cm',
    ]);
    // Petal sizes separate the species; shuffling a sepal column barely matters.
    expect(importance[0].feature).toMatch(/^petal_/);
    expect(importance[0].importance).toBeGreaterThan(0.1);
    expect(model.trained.permutationImportance).toBe(importance);
    expect(again.fractions.at(-1)).toBe(1);
    session.release(datasetId);
  });

  it('predicts 1000 test rows by column rounds on its own thread, gives the one-thread values, and waits while a job runs', async () => {
    // 5000 rows, 20% held out: the permutation sample is 1000 rows.
    const lines = ['a,b,c,y'];
    for (let i = 0; i < 5000; i++) {
      const a = (i * 37) % 101;
      const b = (i * 53) % 89;
      lines.push(`${a},${b},${(i * 7) % 13},${a + (b % 17) > 70 ? 'yes' : 'no'}`);
    }
    const dataset = loadDataset(new TextEncoder().encode(lines.join('\n')), 'gen.csv');
    // 1000 rows × 30 trees: enough pairs for the forest's column rounds.
    const settings = defaultTrainSettings(dataset, 'y', { nEstimators: 30, seed: 8 });
    const session = createSession();
    const { id: datasetId } = session.addDataset(dataset);
    const model = session.addModel(datasetId, trainModel(dataset, settings, { deferPermutation: true }));
    expect(model.trained.xTest).toHaveLength(1000);
    const expected = modelPermutationImportance(model.trained);

    idleGate.jobStarted(); // a job the user asked for is running
    const c = ctx();
    const job = permutationJob(session, model.id, c);
    await new Promise((r) => setTimeout(r, 400));
    // Only the baseline round ran: no feature is done while the job runs.
    expect(c.fractions.filter((f) => f > 0)).toEqual([]);
    idleGate.jobEnded();
    expect(await job).toEqual(expected);
    expect(c.fractions.at(-1)).toBe(1);
    // The forest predicted the rounds itself (forest/columnRounds.ts): no prediction thread was started.
    expect(model.predictor).toBeUndefined();
    // a and b decide the label; c is noise.
    expect(expected.at(-1)!.feature).toBe('c');
    session.release(datasetId);
  });
});
