import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIME_SETTINGS,
  encodeDataRow,
  explainDataRow,
  explainEncodedRow,
  explainerFor,
  limeStability,
  pickSample,
  submodularPick,
  treeShap,
  type Dataset,
  type RandomForestClassifier,
  type RowExplanation,
  type TrainedModel,
} from '../../../src-main/engine';
import { reportTrust, reportTrustInputs } from '../../../src-main/engine/report';
import type { ReportTrustInputs, ReportTrustResults } from '../../../src-main/contract/report';
import { trainSample } from './breastCancerModel';

describe('report trust figures on breast cancer (seed 42, quartile LIME, 8 features)', () => {
  let dataset: Dataset;
  let model: TrainedModel;
  let explanations: RowExplanation[];
  let trust: ReportTrustResults;
  const lime = DEFAULT_LIME_SETTINGS;
  // Smaller SP-LIME sample than the report's default (200, i.e. all 114 test rows) to keep the test quick.
  let inputs: ReportTrustInputs;
  /** The 1-based data row of test case 16 (a confident malignant prediction) and of test case 3. */
  let rows: number[];

  beforeAll(async () => {
    ({ dataset, model } = trainSample('breast_cancer.csv', 'diagnosis'));
    rows = [16, 3].map((p) => model.frame.rowIndex[model.split.test[p]] + 1);
    inputs = { ...reportTrustInputs(lime), spLimeSample: 30 };
    explanations = [];
    for (const row of rows) explanations.push(await explainDataRow(model, dataset, row - 1, lime));
    trust = await reportTrust(model, dataset, explanations, lime, inputs);
  }, 120_000);

  it('records seeds 42–51 at 5000 samples, top 3, SP-LIME seed 42 and budget 5 by default', () => {
    expect(reportTrustInputs(lime)).toEqual({
      stabilitySeeds: [42, 43, 44, 45, 46, 47, 48, 49, 50, 51],
      stabilitySamples: 5000,
      topK: 3,
      spLimeSeed: 42,
      spLimeSample: 200,
      spLimeBudget: 5,
    });
  });

  it('each case carries exactly the figures limeStability gives for the same seeds', async () => {
    expect(trust.cases.map((c) => c.row)).toEqual(rows);
    for (const [i, e] of explanations.entries()) {
      const reference = await limeStability(
        explainerFor(model, lime),
        encodeDataRow(model, dataset, e.dataRow),
        {
          predictFlat: (x, n, d) => (model.forest as RandomForestClassifier).predictProbaFlat(x, n, d),
        },
        {
          seeds: inputs.stabilitySeeds,
          numFeatures: lime.numFeatures,
          numSamples: inputs.stabilitySamples,
          label: e.label!,
        },
      );
      const s = trust.cases[i].stability;
      expect(s.jaccard).toBe(reference.jaccard);
      expect(s.meanScore).toBe(reference.meanScore);
      expect(s.stable).toBe(reference.stable);
      expect(s.threshold).toBe(0.8);
      expect(
        s.features.map(({ feature, mean, std, min, max, topKFrequency }) => ({
          feature,
          mean,
          std,
          min,
          max,
          topKFrequency,
        })),
      ).toEqual(
        reference.features.map(({ feature, mean, std, min, max, topKFrequency }) => ({
          feature: model.frame.featureNames[feature],
          mean,
          std,
          min,
          max,
          topKFrequency,
        })),
      );
    }
    // Test case 16 at 5000 samples: the same top 3 in every run.
    const first = trust.cases[0].stability;
    expect(first.jaccard).toBe(1);
    expect(first.stable).toBe(true);
    expect(first.features.slice(0, 3).map((f) => f.feature)).toEqual([
      'worst area',
      'worst concave points',
      'worst radius',
    ]);
  });

  it('LIME vs SHAP uses the exact TreeSHAP values of the explained class', () => {
    for (const [i, e] of explanations.entries()) {
      const phi = treeShap(model.forest, encodeDataRow(model, dataset, e.dataRow));
      const a = trust.cases[i].agreement;
      const names = model.frame.featureNames;
      const extra = a.shapTop.filter((f) => !e.weights.some((w) => w.feature === f));
      expect(a.shap).toEqual(
        [...e.weights.map((w) => w.feature), ...extra].map((f) => ({
          feature: f,
          value: phi.shapValues[e.label!][names.indexOf(f)],
        })),
      );
      expect(a.expectedValue).toBe(phi.expectedValue[e.label!]);
      expect(a.limeTop).toEqual(e.weights.slice(0, 3).map((w) => w.feature));
      expect(a.shapTop).toHaveLength(3);
    }
    // Pinned: rows 83 and 17 share 3 and 2 of their top 3; ρ = 17/21 and 37/42; all signs agree.
    expect(rows).toEqual([83, 17]);
    expect(trust.cases.map((c) => c.agreement.shared.length)).toEqual([3, 2]);
    expect(trust.cases[0].agreement.rankCorrelation).toBeCloseTo(17 / 21, 12);
    expect(trust.cases[1].agreement.rankCorrelation).toBeCloseTo(37 / 42, 12);
    expect(trust.cases.map((c) => c.agreement.signAgreement)).toEqual([1, 1]);
    expect(trust.cases[1].stability.jaccard).toBeCloseTo(37 / 45, 12);
    // No collapsed quartile bins in breast cancer.
    expect(trust.cases.flatMap((c) => c.collapsed)).toEqual([]);
  });

  it('SHAP importance is mean |φ| over all 114 test rows, equal to the engine’s per-row TreeSHAP', () => {
    expect(trust.shapImportance.rows).toBe(114);
    const d = model.frame.featureNames.length;
    const sums = new Array<number>(d).fill(0);
    for (const row of model.xTest) {
      const phi = treeShap(model.forest, row).shapValues[1];
      for (let f = 0; f < d; f++) sums[f] += Math.abs(phi[f]);
    }
    const expected = model.frame.featureNames
      .map((feature, f) => ({ feature, importance: sums[f] / 114 }))
      .sort((x, y) => y.importance - x.importance);
    expect(trust.shapImportance.items.map((x) => x.feature)).toEqual(expected.map((x) => x.feature));
    trust.shapImportance.items.forEach((x, k) =>
      expect(x.importance).toBeCloseTo(expected[k].importance, 12),
    );
  });

  it('SP-LIME picks equal submodularPick over the same seeded sample of test rows', async () => {
    const positions = pickSample(114, 30, 42);
    const explainer = explainerFor(model, lime);
    const cores = [];
    for (const p of positions)
      cores.push(await explainEncodedRow(explainer, model.forest, model.frame, model.xTest[p], lime));
    const sp = submodularPick(
      cores.map((c) => ({ weights: c.weights.map((w) => [w.condition, w.weight] as const) })),
      5,
    );
    const pickedRows = sp.picks.map((i) => model.frame.rowIndex[model.split.test[positions[i]]] + 1);
    expect(trust.spLime.explained).toBe(30);
    expect(trust.spLime.picks.map((p) => p.row)).toEqual(pickedRows);
    expect(trust.spLime.coverage).toBe(sp.coverage);
    expect(trust.spLime.features).toHaveLength(12);
    expect(trust.spLime.matrix).toHaveLength(5);
    const top = Math.max(...sp.importance);
    expect(trust.spLime.importance[0]).toBe(top);
    expect(trust.spLime.matrix[0][0]).toBe(sp.matrix[sp.picks[0]][sp.importance.indexOf(top)]);
    // Pinned: rows of the picks, in pick order (breast cancer has no ID column).
    expect(trust.spLime.picks.map((p) => [p.row, p.id, p.predicted])).toEqual([
      [565, null, 'malignant'],
      [233, null, 'benign'],
      [201, null, 'benign'],
      [449, null, 'benign'],
      [30, null, 'malignant'],
    ]);
  });
});
