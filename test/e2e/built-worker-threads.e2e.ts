// The built worker (out/main/worker.js) starts its helper threads from the built files next
// to it: bundling moves shared code into chunks/, which must not change where threads are found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIME_SETTINGS } from '../../src-main/engine';
import type { DatasetSummaryDTO, TrainResultDTO } from '../../src-main/contract/ipc';
import { launchHarness, type Harness } from './harness/harness';

let h: Harness;
let trained: TrainResultDTO;
beforeAll(async () => {
  h = await launchHarness();
  const opened = (await h.invoke('dataset:open-sample', { sampleId: 'breast_cancer' })) as {
    value: DatasetSummaryDTO;
  };
  const summary = opened.value;
  trained = await h.jobs.run('train', {
    datasetId: summary.datasetId,
    settings: {
      target: 'diagnosis',
      task: 'classification',
      features: summary.columns.map((c) => c.name).filter((n) => n !== 'diagnosis'),
      nEstimators: 50,
      maxDepth: null,
      maxFeatures: 'sqrt',
      minSamplesLeaf: 1,
      testFraction: 0.2,
      seed: 42,
      kFolds: 0,
    },
  });
});
afterAll(() => h.close());

describe('the built worker and its threads', () => {
  it('explains many rows on the explain pool (explainThread.js) with the same results as one by one', async () => {
    const requests = trained.testCases
      .slice(0, 10)
      .map((c) => ({ modelId: trained.modelId, row: c.row, settings: DEFAULT_LIME_SETTINGS }));
    const many = await h.jobs.run('explainMany', { requests });
    expect(many).toHaveLength(10);
    const one = await h.jobs.run('explain', requests[4]);
    expect(many[4].weights).toEqual(one.weights);
  });
});
