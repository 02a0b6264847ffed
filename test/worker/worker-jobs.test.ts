// The real worker thread (from source) running real engine jobs, checked against the same
// pipeline run in-process: what the app shows must equal what the engine computes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerJobClient } from '../../src-main/worker/client';
import type { JobClient } from '../../src-main/worker/protocol';
import type { DatasetSummaryDTO, ModelSettingsDTO, TrainResultDTO } from '../../src-main/contract/ipc';
import { DEFAULT_LIME_SETTINGS, explainDataRow, loadDataset, trainModel } from '../../src-main/engine';

const samplePath = fileURLToPath(new URL('../../assets/samples/breast_cancer.csv', import.meta.url));

let client: JobClient;
let summary: DatasetSummaryDTO;
let settings: ModelSettingsDTO;
let trained: TrainResultDTO;
const progress: number[] = [];
/** The progress messages of the train job: catalog code and English text. */
const stages: { code?: string; message: string }[] = [];

beforeAll(async () => {
  client = createWorkerJobClient({ log: () => undefined });
  summary = await client.run('load', { path: samplePath, fileName: 'breast_cancer.csv' });
  settings = {
    target: summary.suggestedTarget,
    task: summary.suggestedTask,
    features: summary.columns.map((c) => c.name).filter((n) => !summary.suggestedExcluded.includes(n)),
    nEstimators: 100,
    maxDepth: null,
    maxFeatures: 'sqrt',
    minSamplesLeaf: 1,
    testFraction: 0.2,
    seed: 42,
    kFolds: 0,
  };
  trained = await client.run(
    'train',
    { datasetId: summary.datasetId, settings },
    {
      onProgress: (f, m) => {
        progress.push(f);
        stages.push({ code: m.code, message: m.message });
      },
    },
  );
}, 60_000);
afterAll(() => client.dispose());

describe('worker jobs on the breast-cancer sample', () => {
  it('loads 569 rows, 30 numeric features and the diagnosis target with 357/212 classes', () => {
    expect(summary.rowCount).toBe(569);
    expect(summary.suggestedTarget).toBe('diagnosis');
    expect(summary.suggestedTask).toBe('classification');
    expect(summary.columns.filter((c) => c.kind === 'numeric')).toHaveLength(30);
    const diagnosis = summary.columns.find((c) => c.name === 'diagnosis')!;
    expect(diagnosis.categories).toEqual([
      { value: 'benign', count: 357 },
      { value: 'malignant', count: 212 },
    ]);
    const area = summary.columns.find((c) => c.name === 'worst area')!;
    expect(area.histogram!.counts.reduce((a, b) => a + b, 0)).toBe(569);
  });

  it('serves rows as in the file and a symmetric correlation matrix with a unit diagonal', async () => {
    const { rows } = await client.run('rows', { datasetId: summary.datasetId, offset: 0, limit: 2 });
    expect(rows[0].slice(0, 3)).toEqual([17.99, 10.38, 122.8]);
    expect(rows[0][30]).toBe('malignant');
    const corr = await client.run('correlation', { datasetId: summary.datasetId, order: 'clustered' });
    expect(corr.names).toHaveLength(30);
    expect([...corr.names].sort()).toEqual(
      summary.columns
        .filter((c) => c.kind === 'numeric')
        .map((c) => c.name)
        .sort(),
    );
    corr.matrix.forEach((row, i) => {
      expect(row[i]).toBeCloseTo(1, 12);
      row.forEach((r, j) => expect(r).toBeCloseTo(corr.matrix[j][i], 12));
    });
    // radius, perimeter and area are nearly collinear: clustering must put them next to each other.
    const at = (n: string) => corr.names.indexOf(n);
    expect(Math.abs(at('mean radius') - at('mean perimeter'))).toBeLessThanOrEqual(2);
  });

  it('trains with progress and returns the same metrics as the engine in-process', () => {
    const dataset = loadDataset(new Uint8Array(readFileSync(samplePath)), 'breast_cancer.csv');
    const local = trainModel(dataset, settings);
    expect(trained.metrics).toEqual(local.metrics);
    expect(trained.split).toEqual({ train: 455, test: 114, trainCounts: [285, 170], testCounts: [72, 42] });
    expect(trained.testCases).toHaveLength(114);
    // Throttled to one message per 50 ms, so how many arrive depends on speed: at least the first
    // and the last, in order.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    expect(progress.at(-1)).toBeLessThanOrEqual(1);
    // Progress travels as a catalog code (translated by the renderer) with its English text.
    expect(stages[0]).toEqual({ code: 'progress-training-trees', message: 'Training trees' });
    // Permutation importance is a follow-up job (model:permutation), so training reports only trees.
    expect(new Set(stages.map((s) => s.code))).toEqual(new Set(['progress-training-trees']));
  });

  it('answers training before permutation importance, then computes it as a follow-up equal to the engine', async () => {
    expect(trained.permutationImportance).toEqual([]);
    const dataset = loadDataset(new Uint8Array(readFileSync(samplePath)), 'breast_cancer.csv');
    const local = trainModel(dataset, settings);
    const fractions: number[] = [];
    const perm = await client.run(
      'permutation',
      { modelId: trained.modelId },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(perm).toHaveLength(30);
    expect(perm).toEqual(local.permutationImportance);
    expect(fractions.at(-1)).toBe(1);
  });

  it('explains a test case with the same 8 weights as the engine with the same seed', async () => {
    const row = trained.testCases[0].row;
    const dto = await client.run('explain', {
      modelId: trained.modelId,
      row,
      settings: DEFAULT_LIME_SETTINGS,
    });
    const dataset = loadDataset(new Uint8Array(readFileSync(samplePath)), 'breast_cancer.csv');
    const local = await explainDataRow(
      trainModel(dataset, settings),
      dataset,
      row - 1,
      DEFAULT_LIME_SETTINGS,
    );
    expect(dto.row).toBe(row);
    expect(local.row).toBe(row);
    expect(dto.weights).toHaveLength(8);
    expect(dto.weights.map((w) => [w.condition, w.weight])).toEqual(
      local.weights.map((w) => [w.condition, w.weight]),
    );
    expect(dto.probabilities).toEqual(local.probabilities);
  });

  it('explains many test rows on the thread pool with the same results as one by one, twice (warm pool)', async () => {
    const requests = trained.testCases
      .slice(0, 12)
      .map((c) => ({ modelId: trained.modelId, row: c.row, settings: DEFAULT_LIME_SETTINGS }));
    const fractions: number[] = [];
    const many = await client.run('explainMany', { requests }, { onProgress: (f) => fractions.push(f) });
    expect(many.map((e) => e.row)).toEqual(requests.map((r) => r.row));
    const one = await client.run('explain', requests[7]);
    expect(many[7].weights).toEqual(one.weights);
    expect(many[7].probabilities).toEqual(one.probabilities);
    expect(fractions.at(-1)).toBe(1);
    const again = await client.run('explainMany', { requests });
    expect(again.map((e) => e.weights)).toEqual(many.map((e) => e.weights));
  });

  it('returns a user error for an unknown model and keeps working', async () => {
    await expect(
      client.run('explain', { modelId: 'model-999', row: 1, settings: DEFAULT_LIME_SETTINGS }),
    ).rejects.toMatchObject({ error: { kind: 'user', message: expect.stringMatching(/Train it again/) } });
    const again = await client.run('rows', { datasetId: summary.datasetId, offset: 568, limit: 10 });
    expect(again.rows).toHaveLength(1);
  });

  it('cancels a training job', async () => {
    const job = client.run(
      'train',
      { datasetId: summary.datasetId, settings: { ...settings, nEstimators: 2000 } },
      { jobId: 'big' },
    );
    await new Promise((r) => setTimeout(r, 300));
    client.cancel('big');
    await expect(job).rejects.toMatchObject({ error: { kind: 'cancelled' } });
  });
});
