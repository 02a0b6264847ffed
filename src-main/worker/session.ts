/**
 * What the worker keeps in memory between jobs: opened datasets and trained models,
 * by id. Ids are opaque strings; nothing here survives a worker restart.
 */
import type { Dataset, TrainedModel } from '../engine';
import { UserFacingError } from '../engine';
import type { ParallelPredictor } from './parallelPredictor';
import type { ExplainPool } from './explainPool';

export interface OpenDataset {
  readonly id: string;
  readonly dataset: Dataset;
  readonly filePath?: string;
}

export interface Model {
  readonly id: string;
  readonly datasetId: string;
  readonly trained: TrainedModel;
  /** Splits LIME's predictions over a second thread; started after training, gone with the model. */
  predictor?: ParallelPredictor;
  /** Warm threads for explaining many rows, for one set of LIME settings (key). */
  pool?: { readonly key: string; readonly pool: ExplainPool };
}

export function createSession() {
  const datasets = new Map<string, OpenDataset>();
  const models = new Map<string, Model>();
  let counter = 0;
  const drop = (id: string, m: Model) => {
    void m.predictor?.dispose();
    void m.pool?.pool.dispose();
    models.delete(id);
  };
  const nextId = (prefix: string) => `${prefix}-${++counter}`;
  function release(datasetId: string): boolean {
    for (const [id, m] of models) if (m.datasetId === datasetId) drop(id, m);
    return datasets.delete(datasetId);
  }

  return {
    /** `id`: keep an id main minted in an earlier worker (reopening after a restart). */
    addDataset(dataset: Dataset, filePath?: string, id?: string): OpenDataset {
      if (id !== undefined) {
        // Later ids must not collide with the reused one.
        const n = Number(/^ds-(\d+)$/.exec(id)?.[1] ?? 0);
        counter = Math.max(counter, n);
        release(id);
      }
      const entry = { id: id ?? nextId('ds'), dataset, ...(filePath !== undefined && { filePath }) };
      datasets.set(entry.id, entry);
      return entry;
    },
    dataset(id: string): OpenDataset {
      const entry = datasets.get(id);
      if (!entry) throw UserFacingError.of('dataset-gone', {});
      return entry;
    },
    addModel(datasetId: string, trained: TrainedModel): Model {
      // One model per dataset is what the UI shows; older ones would only hold memory.
      for (const [id, m] of models) if (m.datasetId === datasetId) drop(id, m);
      const entry: Model = { id: nextId('model'), datasetId, trained };
      models.set(entry.id, entry);
      return entry;
    },
    hasModel(id: string): boolean {
      return models.has(id);
    },
    model(id: string): Model {
      const entry = models.get(id);
      if (!entry) throw UserFacingError.of('model-gone', {});
      return entry;
    },
    release,
  };
}

export type Session = ReturnType<typeof createSession>;
