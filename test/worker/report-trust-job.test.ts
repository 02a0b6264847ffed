// The report job's trust figures in the real worker: progress through stability and SP-LIME, a
// cancel in the middle of the stability runs ends the job, and the pool answers the next report.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerJobClient } from '../../src-main/worker/client';
import type { JobClient } from '../../src-main/worker/protocol';
import type { TrainResultDTO } from '../../src-main/contract/ipc';
import { DEFAULT_LIME_SETTINGS, defaultTrainSettings, loadDataset } from '../../src-main/engine';

const samplePath = fileURLToPath(new URL('../../assets/samples/breast_cancer.csv', import.meta.url));
let client: JobClient;
let trained: TrainResultDTO;

beforeAll(async () => {
  client = createWorkerJobClient({ log: () => undefined });
  const summary = await client.run('load', { path: samplePath, fileName: 'breast_cancer.csv' });
  const dataset = loadDataset(new Uint8Array(readFileSync(samplePath)), 'breast_cancer.csv');
  trained = await client.run('train', {
    datasetId: summary.datasetId,
    settings: defaultTrainSettings(dataset, 'diagnosis'),
  });
}, 60_000);
afterAll(() => client.dispose());

describe('report job with trust figures', () => {
  const args = { modelId: '', rows: [12, 40], lime: { ...DEFAULT_LIME_SETTINGS } };

  it('cancels during the stability runs', async () => {
    let cancelled = false;
    const job = client.run(
      'report',
      { ...args, modelId: trained.modelId },
      {
        jobId: 'report-cancel',
        onProgress: (_f, message) => {
          if (!cancelled && message.message.startsWith('Stability: explained')) {
            cancelled = true;
            client.cancel('report-cancel');
          }
        },
      },
    );
    await expect(job).rejects.toMatchObject({ error: { kind: 'cancelled' } });
    expect(cancelled).toBe(true);
  }, 120_000);

  it('then makes the report with progress through every stage, ending at 1', async () => {
    const seen: [number, string][] = [];
    const result = await client.run(
      'report',
      { ...args, modelId: trained.modelId },
      { onProgress: (f, m) => seen.push([f, m.message]) },
    );
    const messages = seen.map(([, m]) => m);
    expect(messages.some((m) => m.startsWith('Explained'))).toBe(true);
    // Progress is throttled (one message per 50 ms), so which counts arrive depends on speed.
    expect(messages.some((m) => /^Stability: explained \d+ of 20$/.test(m))).toBe(true);
    expect(messages.some((m) => /^SP-LIME: explained \d+ of 114$/.test(m))).toBe(true);
    const fractions = seen.map(([f]) => f);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1] - 1e-12)).toBe(true);
    expect(fractions.at(-1)).toBeCloseTo(1, 12);
    expect(result.inputs.trust?.stabilitySeeds).toEqual([42, 43, 44, 45, 46, 47, 48, 49, 50, 51]);
    expect(result.results.trust?.cases.map((c) => c.row)).toEqual([12, 40]);
    expect(result.results.trust?.spLime.explained).toBe(114);
    // The train job left permutation importance to the Model view; the report computed it.
    expect(trained.permutationImportance).toEqual([]);
    expect(result.results.permutationImportance).toHaveLength(30);
    expect(result.results.permutationImportance[0].importance).toBeGreaterThan(0);
  }, 120_000);
});
