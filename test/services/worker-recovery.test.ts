/**
 * The worker killed mid-training and mid-explanation through main's real handlers: main
 * survives, restarts the worker, reopens the dataset under the same id, tells the renderer,
 * and training and explaining give the same results as before the crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplanationDTO, TrainResultDTO } from '../../src-main/contract/ipc';
import { breastCancerSettings, realBackend, type RealBackend } from './realBackend';
import { LIME_SETTINGS } from './ipcFixtures';

let b: RealBackend;
let datasetId: string;
let features: string[];
let reference: TrainResultDTO;
let referenceExplanation: ExplanationDTO;

beforeAll(async () => {
  b = await realBackend();
  const opened = await b.handlers['dataset:open-sample']({ sampleId: 'breast_cancer' });
  if (!opened.ok) throw new Error(opened.error.message);
  datasetId = opened.value.datasetId;
  features = opened.value.columns.map((c) => c.name);
  const trained = await b.handlers['model:train']({
    jobId: 'ref',
    datasetId,
    settings: breastCancerSettings(features),
  });
  if (!trained.ok) throw new Error(trained.error.message);
  reference = trained.value;
  const explained = await b.handlers['model:explain']({
    jobId: 'ref-x',
    request: { modelId: reference.modelId, row: 7, settings: LIME_SETTINGS },
  });
  if (!explained.ok) throw new Error(explained.error.message);
  referenceExplanation = explained.value;
}, 120_000);
afterAll(() => b.close());

/** Kills the worker process when the given job first reports progress. */
function killOnProgress(jobId: string): { killedPid: () => number | undefined } {
  let killed: number | undefined;
  b.onEvent = (channel, payload) => {
    if (channel !== 'job:progress' || killed !== undefined) return;
    if ((payload as { jobId: string }).jobId !== jobId) return;
    killed = b.jobs.workerPid;
    process.kill(killed!, 'SIGKILL');
  };
  return { killedPid: () => killed };
}

describe('killing the worker', () => {
  it('mid-training: the job fails, main reopens the dataset under its id, and a retrain matches', async () => {
    const kill = killOnProgress('doomed-train');
    const restart = b.nextRestart();
    const outcome = await b.handlers['model:train']({
      jobId: 'doomed-train',
      datasetId,
      settings: breastCancerSettings(features, 600),
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'internal', message: expect.stringMatching(/crashed \(killed by SIGKILL\)/) },
    });
    expect(await restart).toMatchObject({ status: 'restarted', reason: 'crashed', datasetReloaded: true });
    expect(kill.killedPid()).toBeGreaterThan(0);
    expect(b.jobs.workerPid).not.toBe(kill.killedPid());

    // Same dataset id, data intact: the renderer's table keeps working.
    const rows = await b.handlers['dataset:rows']({ datasetId, offset: 7, limit: 1 });
    expect(rows.ok && rows.value.rows[0].length).toBe(features.length);
    // The model is gone with the worker...
    const stale = await b.handlers['model:explain']({
      jobId: 'stale',
      request: { modelId: reference.modelId, row: 7, settings: LIME_SETTINGS },
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { kind: 'user', message: expect.stringMatching(/Train it again/) },
    });
    // ...and retraining gives the very same model (seeded).
    const again = await b.handlers['model:train']({
      jobId: 'retrain',
      datasetId,
      settings: breastCancerSettings(features),
    });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.metrics).toEqual(reference.metrics);
    expect(again.value.impurityImportance).toEqual(reference.impurityImportance);
    reference = again.value;
  });

  it('mid-explanation: the job fails, the worker is back, and the explanation after retraining is identical', async () => {
    const kill = killOnProgress('doomed-explain');
    const restart = b.nextRestart();
    const outcome = await b.handlers['model:explain']({
      jobId: 'doomed-explain',
      request: { modelId: reference.modelId, row: 7, settings: { ...LIME_SETTINGS, numSamples: 100_000 } },
    });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(await restart).toMatchObject({ reason: 'crashed', datasetReloaded: true });
    expect(kill.killedPid()).toBeGreaterThan(0);
    const retrained = await b.handlers['model:train']({
      jobId: 'retrain-2',
      datasetId,
      settings: breastCancerSettings(features),
    });
    if (!retrained.ok) throw new Error(retrained.error.message);
    const explained = await b.handlers['model:explain']({
      jobId: 'after',
      request: { modelId: retrained.value.modelId, row: 7, settings: LIME_SETTINGS },
    });
    expect(explained.ok).toBe(true);
    if (!explained.ok) return;
    expect(explained.value.weights).toEqual(referenceExplanation.weights);
    expect(explained.value.probabilities).toEqual(referenceExplanation.probabilities);
    expect(b.jobs.restarts).toBe(2);
  });
});
