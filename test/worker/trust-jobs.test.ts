// The trust jobs through the real worker thread (from source), each checked against the engine
// run in-process on the same model: what the app shows must equal what the engine computes.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerJobClient } from '../../src-main/worker/client';
import type { JobClient } from '../../src-main/worker/protocol';
import type { DatasetSummaryDTO, LimeSettingsDTO, TrainResultDTO } from '../../src-main/contract/ipc';
import type { RandomForestClassifier } from '../../src-main/engine';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainEncodedRow,
  explainerFor,
  limeStability,
  loadDataset,
  stabilitySeeds,
  submodularPick,
  trainModel,
  treeShap,
  type TrainedModel,
} from '../../src-main/engine';

const samplePath = fileURLToPath(new URL('../../assets/samples/breast_cancer.csv', import.meta.url));
const lime: LimeSettingsDTO = { ...DEFAULT_LIME_SETTINGS };

let client: JobClient;
let summary: DatasetSummaryDTO;
let trained: TrainResultDTO;
let local: TrainedModel;
let forest: RandomForestClassifier;
/** Test position 16: a confident malignant case (see test/engine/trust). */
let caseRow: number;

beforeAll(async () => {
  client = createWorkerJobClient({ log: () => undefined });
  summary = await client.run('load', { path: samplePath, fileName: 'breast_cancer.csv' });
  const dataset = loadDataset(new Uint8Array(readFileSync(samplePath)), 'breast_cancer.csv');
  const settings = defaultTrainSettings(dataset, 'diagnosis');
  trained = await client.run('train', { datasetId: summary.datasetId, settings });
  local = trainModel(dataset, settings);
  forest = local.forest as RandomForestClassifier;
  caseRow = local.frame.rowIndex[local.split.test[16]] + 1;
}, 60_000);
afterAll(() => client.dispose());

describe('trust jobs on breast cancer', () => {
  it('stability: the pool’s figures equal limeStability in-process, per sample size', async () => {
    const progress: number[] = [];
    const s = await client.run(
      'stability',
      { modelId: trained.modelId, row: caseRow, settings: lime, runs: 5, sampleSizes: [200, 1000] },
      { onProgress: (f) => progress.push(f) },
    );
    expect(s.seeds).toEqual([42, 43, 44, 45, 46]);
    expect(s.topK).toBe(3);
    expect(s.threshold).toBe(0.8);
    expect(s.label).toBe(1);
    expect(progress.at(-1)).toBe(1);
    for (const [k, numSamples] of [200, 1000].entries()) {
      const expected = await limeStability(
        explainerFor(local, lime),
        local.xTest[16],
        { predictFlat: (x: Float64Array, n: number, d: number) => forest.predictProbaFlat(x, n, d) },
        {
          seeds: stabilitySeeds(42, 5),
          numFeatures: 8,
          numSamples,
        },
      );
      const got = s.results[k];
      expect(got.numSamples).toBe(numSamples);
      expect(got.jaccard).toBe(expected.jaccard);
      expect(got.meanScore).toBeCloseTo(expected.meanScore, 12);
      expect(got.features.map((f) => f.feature)).toEqual(
        expected.features.map((f) => local.frame.featureNames[f.feature]),
      );
      got.features.forEach((f, i) => {
        expect(f.mean).toBeCloseTo(expected.features[i].mean, 12);
        expect(f.std).toBeCloseTo(expected.features[i].std, 12);
        expect(f.topKFrequency).toBe(expected.features[i].topKFrequency);
      });
    }
    expect(s.results[1].features[0].condition).toMatch(/^worst area > /);
  }, 60_000);

  it('case insight: SHAP adds up to the probability, agreement names features, LIME equals the engine', async () => {
    const c = await client.run('caseInsight', { modelId: trained.modelId, row: caseRow, settings: lime });
    const p = forest.predictProba([local.xTest[16]])[0];
    expect(c.edited).toBe(false);
    expect(c.prediction.probabilities).toEqual(p);
    const sum = c.shap.values.reduce((a, b) => a + b, c.shap.expectedValue);
    expect(Math.abs(sum - p[1])).toBeLessThan(1e-9);
    expect(c.shap.values).toEqual(treeShap(forest, local.xTest[16]).shapValues[1]);
    const engine = await explainEncodedRow(
      explainerFor(local, lime),
      forest,
      local.frame,
      local.xTest[16],
      lime,
    );
    expect(c.explanation.weights.map((w) => w.weight)).toEqual(engine.weights.map((w) => w.weight));
    expect([...c.agreement.limeTop].sort()).toEqual(['worst area', 'worst concave points', 'worst radius']);
    expect(c.agreement.shapTop).toHaveLength(3);
    expect(c.collapsed).toEqual([]);
    expect(c.bins).toHaveLength(8);
    expect(c.bins[0].boundaries).toHaveLength(3);
    expect(c.bins[0].histogram.counts.reduce((a, b) => a + b, 0)).toBe(455);
    expect(c.fields).toHaveLength(30);
    expect(c.fields[0]).toMatchObject({ feature: 'mean radius', kind: 'numeric' });
    expect(c.counterfactuals).toHaveLength(5);
  }, 60_000);

  it('what-if: the prediction of an edited case equals the forest on that edited row, and so does its explanation', async () => {
    const edits = [
      { feature: 'worst area', value: 500 },
      { feature: 'worst concave points', value: 0.05 },
      { feature: 'worst radius', value: 12 },
    ];
    const predicted = await client.run('predictCase', { modelId: trained.modelId, row: caseRow, edits });
    const row = [...local.xTest[16]];
    for (const e of edits) row[local.frame.featureNames.indexOf(e.feature)] = e.value;
    const p = forest.predictProba([row])[0];
    expect(predicted.probabilities).toEqual(p);
    expect(predicted.predictedClass).toBe(p[1] > p[0] ? 1 : 0);
    expect(p[1]).toBeLessThan(1);
    const c = await client.run('caseInsight', {
      modelId: trained.modelId,
      row: caseRow,
      settings: lime,
      edits,
    });
    expect(c.edited).toBe(true);
    expect(c.prediction.probabilities).toEqual(p);
    expect(c.fields.find((f) => f.feature === 'worst area')!.original).toBe(local.xTest[16][23]);
    expect(c.explanation.weights.find((w) => w.feature === 'worst area')?.value ?? 500).toBe(500);
    await expect(
      client.run('predictCase', {
        modelId: trained.modelId,
        row: caseRow,
        edits: [{ feature: 'nope', value: 1 }],
      }),
    ).rejects.toMatchObject({ error: { kind: 'user', message: 'The model has no feature "nope".' } });
    await expect(
      client.run('predictCase', {
        modelId: trained.modelId,
        row: caseRow,
        edits: [{ feature: 'worst area', value: 'big' }],
      }),
    ).rejects.toMatchObject({ error: { kind: 'user' } });
  }, 60_000);

  it('SHAP summary: mean |SHAP| per feature over the 114 test rows equals the engine’s', async () => {
    const s = await client.run('shapSummary', { modelId: trained.modelId });
    expect(s.rows).toHaveLength(114);
    expect(s.values).toHaveLength(2);
    expect(s.values[1][16]).toEqual(treeShap(forest, local.xTest[16]).shapValues[1]);
    const all = local.xTest.map((row) => treeShap(forest, row).shapValues[1]);
    const mean = local.frame.featureNames.map((_, f) => all.reduce((a, v) => a + Math.abs(v[f]), 0) / 114);
    s.meanAbs[1].forEach((v, f) => expect(v).toBeCloseTo(mean[f], 12));
  }, 60_000);

  it('SP-LIME: seeded picks equal submodularPick over the engine’s own explanations', async () => {
    const request = { modelId: trained.modelId, settings: lime, sampleSize: 30, budget: 4 };
    const a = await client.run('spLime', request);
    const b = await client.run('spLime', request);
    expect(b.picks).toEqual(a.picks);
    expect(a.rows).toHaveLength(30);
    expect(a.picks).toHaveLength(4);
    const explainer = explainerFor(local, lime);
    const positions = a.rows.map((r) => local.split.test.findIndex((t) => local.frame.rowIndex[t] + 1 === r));
    const explanations = [];
    for (const p of positions) {
      const e = await explainEncodedRow(explainer, forest, local.frame, local.xTest[p], lime);
      explanations.push({ weights: e.weights.map((w) => [w.condition, w.weight] as const) });
    }
    const expected = submodularPick(explanations, 4);
    expect(a.picks).toEqual(expected.picks);
    expect(a.features).toEqual(expected.features);
    expect(a.coverage).toBeCloseTo(expected.coverage, 12);
  }, 120_000);
});
