// Regression counterfactuals move the prediction by the amount the user chose (issue #9 §4): the
// worker's answer for a chosen amount equals the engine's search with that minimum shift.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerJobClient } from '../../src-main/worker/client';
import type { JobClient } from '../../src-main/worker/protocol';
import type { LimeSettingsDTO, TrainResultDTO } from '../../src-main/contract/ipc';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  loadDataset,
  oneFeatureCounterfactual,
  trainModel,
  type TrainedModel,
} from '../../src-main/engine';
import { trustValidators } from '../../src-main/services/validateTrust';

const samplePath = fileURLToPath(new URL('../../assets/samples/diabetes.csv', import.meta.url));
const lime: LimeSettingsDTO = { ...DEFAULT_LIME_SETTINGS };

let client: JobClient;
let trained: TrainResultDTO;
let local: TrainedModel;
let caseRow: number;

beforeAll(async () => {
  client = createWorkerJobClient({ log: () => undefined });
  const summary = await client.run('load', { path: samplePath, fileName: 'diabetes.csv' });
  const dataset = loadDataset(new Uint8Array(readFileSync(samplePath)), 'diabetes.csv');
  const settings = defaultTrainSettings(dataset, 'progression');
  trained = await client.run('train', { datasetId: summary.datasetId, settings });
  local = trainModel(dataset, settings);
  caseRow = local.frame.rowIndex[local.split.test[0]] + 1;
}, 60_000);
afterAll(() => client.dispose());

describe('regression counterfactual with a chosen amount (diabetes)', () => {
  const range = (f: number): [number, number] => {
    const column = local.xTrain.map((r) => r[f]);
    return [Math.min(...column), Math.max(...column)];
  };

  it('defaults to 10% of the training target range (32.1 of 25–346)', async () => {
    const c = await client.run('caseInsight', { modelId: trained.modelId, row: caseRow, settings: lime });
    const y = local.yTrain;
    expect(c.counterfactualShift).toBeCloseTo((Math.max(...y) - Math.min(...y)) / 10, 12);
    expect(c.counterfactualShift).toBeCloseTo(32.1, 12);
  }, 60_000);

  it('a chosen 60 gives the engine’s counterfactuals for minShift 60, each moving the prediction by ≥ 60', async () => {
    const c = await client.run('caseInsight', {
      modelId: trained.modelId,
      row: caseRow,
      settings: lime,
      counterfactualShift: 60,
    });
    expect(c.counterfactualShift).toBe(60);
    const base = c.prediction.predictedValue!;
    expect(base).toBe(local.forest.predict([[...local.xTest[0]]])[0]);
    const names = local.frame.featureNames;
    expect(c.counterfactuals).toHaveLength(5);
    for (const cf of c.counterfactuals) {
      const f = names.indexOf(cf.feature);
      const engine = oneFeatureCounterfactual(local.forest, local.xTest[0], f, {
        range: range(f),
        minShift: 60,
      });
      expect(cf.value).toBe(engine.value);
      expect(cf.change).toBe(engine.change);
      if (cf.value !== null) expect(Math.abs((cf.predicted as number) - base)).toBeGreaterThanOrEqual(60);
    }
    // A small amount finds a change for at least as many features, each no farther away.
    const small = await client.run('caseInsight', {
      modelId: trained.modelId,
      row: caseRow,
      settings: lime,
      counterfactualShift: 5,
    });
    for (const [i, cf] of small.counterfactuals.entries()) {
      const large = c.counterfactuals[i];
      if (large.value !== null) {
        expect(cf.value).not.toBeNull();
        expect(Math.abs(cf.change!)).toBeLessThanOrEqual(Math.abs(large.change!));
      }
    }
  }, 60_000);

  it('the channel takes an amount > 0 and refuses 0, a negative or a non-number', () => {
    const request = (counterfactualShift: unknown) => ({
      jobId: 'job-1',
      request: { modelId: 'model-1', row: 1, settings: lime, counterfactualShift },
    });
    expect(trustValidators['trust:case'](request(2.5)).request.counterfactualShift).toBe(2.5);
    for (const bad of [0, -3, Number.NaN, '10']) {
      expect(() => trustValidators['trust:case'](request(bad))).toThrow(/request\.counterfactualShift/);
    }
  });
});
