import { describe, expect, it } from 'vitest';
import type { TrainResultDTO } from '../../src-main/contract/ipc';
import { createResultsStore } from '../../src-main/services/resultsStore';

describe('resultsStore', () => {
  it('adds permutation importance computed after training to that model only', () => {
    const store = createResultsStore();
    const train = {
      modelId: 'model-1',
      datasetId: 'ds-1',
      permutationImportance: [],
    } as unknown as TrainResultDTO;
    store.addTrain(train);
    const perm = [{ feature: 'a', importance: 0.25, std: 0.01 }];
    store.setPermutation('model-1', perm);
    store.setPermutation('model-9', [{ feature: 'b', importance: 1 }]); // unknown model: ignored
    expect(store.get('model-1')?.train.permutationImportance).toEqual(perm);
    expect(store.get('model-1')?.train.datasetId).toBe('ds-1');
    expect(store.get('model-9')).toBeUndefined();
  });
});
