/**
 * What main has seen the worker produce for each model — its training result and every
 * explanation — so data exports and saved projects write exactly the engine's numbers
 * without the renderer sending them back (and without trusting it to).
 */
import type { ExplanationDTO, ImportanceDTO, TrainResultDTO } from '../contract/ipc';

export interface ModelResults {
  readonly train: TrainResultDTO;
  /** One per (row, explained class), in the order they were first explained; a redo replaces. */
  readonly explanations: Map<string, ExplanationDTO>;
}

const keyOf = (e: ExplanationDTO) => `${e.row}:${e.label ?? ''}`;

export function createResultsStore() {
  const models = new Map<string, ModelResults>();
  return {
    /** A new model of a dataset replaces the older ones (the worker drops them too). */
    addTrain(train: TrainResultDTO): void {
      for (const [id, m] of models) if (m.train.datasetId === train.datasetId) models.delete(id);
      models.set(train.modelId, { train, explanations: new Map() });
    },
    /** Permutation importance computed after training (model:permutation) joins the model's result. */
    setPermutation(modelId: string, permutationImportance: readonly ImportanceDTO[]): void {
      const m = models.get(modelId);
      if (m) models.set(modelId, { ...m, train: { ...m.train, permutationImportance } });
    },
    addExplanations(list: readonly ExplanationDTO[]): void {
      for (const e of list) models.get(e.modelId)?.explanations.set(keyOf(e), e);
    },
    get(modelId: string): ModelResults | undefined {
      return models.get(modelId);
    },
    /** The worker restarted or the dataset closed: its models are gone. */
    forgetDataset(datasetId: string): void {
      for (const [id, m] of models) if (m.train.datasetId === datasetId) models.delete(id);
    },
    clear(): void {
      models.clear();
    },
  };
}

export type ResultsStore = ReturnType<typeof createResultsStore>;
