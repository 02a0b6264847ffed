import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultTrainSettings, loadDataset, trainModel } from '../../src-main/engine';
import { permutationJob } from '../../src-main/worker/permutationJob';
import { createSession } from '../../src-main/worker/session';

function ctx(signal: AbortSignal = new AbortController().signal) {
  const fractions: number[] = [];
  return { fractions, signal, progress: (f: number) => void fractions.push(f) };
}

describe('permutationJob', () => {
  it('leaves the model without it when cancelled, and computes the engine values when asked again', () => {
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
    expect(() => permutationJob(session, model.id, ctx(stop.signal))).toThrow(/cancel|abort/i);
    expect(model.trained.permutationImportance).toEqual([]);

    const again = ctx();
    const importance = permutationJob(session, model.id, again);
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
  });
});
