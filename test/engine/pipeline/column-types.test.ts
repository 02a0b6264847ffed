// A column's type as the user chose it flows through the model frame, training and LIME.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildModelFrame,
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  readDatasetFile,
  trainModel,
  type Dataset,
} from '../../../src-main/engine';
import { csv, table } from '../data/helpers';

const patients = fileURLToPath(new URL('../../fixtures/data/patients-id.csv', import.meta.url));

/** The same table with `stage` held as text ('1'…'4'), as a file with quoted codes would give it. */
function withStageAsText(d: Dataset): Dataset {
  const s = d.columns.findIndex((c) => c.name === 'stage');
  const numbers = d.values[s] as Float64Array;
  return {
    ...d,
    columns: d.columns.map((c, i) =>
      i === s
        ? {
            name: c.name,
            kind: 'categorical' as const,
            missing: 0,
            distinct: 4,
            categories: ['1', '2', '3', '4'].map((value) => ({
              value,
              count: Array.from(numbers).filter((v) => String(v) === value).length,
            })),
          }
        : c,
    ),
    values: d.values.map((v, i) => (i === s ? Array.from(numbers, (x) => String(x)) : v)),
  };
}

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readDatasetFile(patients);
});

describe('column types chosen by the user', () => {
  it('a numeric column switched to categorical is encoded as label codes and recorded', () => {
    const settings = { ...defaultTrainSettings(dataset), columnTypes: { stage: 'categorical' as const } };
    const frame = buildModelFrame(dataset, settings);
    const f = frame.featureNames.indexOf('stage');
    expect(frame.featureKinds[f]).toBe('categorical');
    expect(frame.categoryNames[f]).toEqual(['1', '2', '3', '4']);
    // Row 1 of the file has stage 4 → code 3.
    expect(frame.X[0][f]).toBe(3);
    expect(frame.preprocessing).toContain("Numeric column 'stage' used as categories, as chosen.");
  });

  it('is explained as stage=4 with exactly the weights the engine gives when the file holds it as text', async () => {
    const switched = trainModel(dataset, {
      ...defaultTrainSettings(dataset),
      columnTypes: { stage: 'categorical' },
    });
    const text = withStageAsText(dataset);
    const asText = trainModel(text, defaultTrainSettings(text));
    expect(switched.metrics).toEqual(asText.metrics);
    const a = await explainDataRow(switched, dataset, 0, DEFAULT_LIME_SETTINGS);
    const b = await explainDataRow(asText, text, 0, DEFAULT_LIME_SETTINGS);
    expect(a.weights.map((w) => [w.condition, w.weight])).toEqual(
      b.weights.map((w) => [w.condition, w.weight]),
    );
    expect(a.weights.map((w) => w.condition)).toContain('stage=4');
    expect(a.weights.find((w) => w.feature === 'stage')?.value).toBe(4);

    // Left numeric, the same column is explained as a quartile range instead.
    const numeric = trainModel(dataset, defaultTrainSettings(dataset));
    const c = await explainDataRow(numeric, dataset, 0, DEFAULT_LIME_SETTINGS);
    expect(c.weights.find((w) => w.feature === 'stage')?.condition).toMatch(/^stage > \d\.00$|< stage <=/);
  });

  it('text holding numbers switched to numeric trains like the numeric file', async () => {
    const text = withStageAsText(dataset);
    const a = trainModel(text, { ...defaultTrainSettings(text), columnTypes: { stage: 'numeric' } });
    const b = trainModel(dataset, defaultTrainSettings(dataset));
    expect(a.metrics).toEqual(b.metrics);
    const ea = await explainDataRow(a, text, 0, DEFAULT_LIME_SETTINGS);
    const eb = await explainDataRow(b, dataset, 0, DEFAULT_LIME_SETTINGS);
    expect(ea.weights.map((w) => [w.condition, w.weight])).toEqual(
      eb.weights.map((w) => [w.condition, w.weight]),
    );
  });

  it('refuses text that is not a number as numeric, naming the 1-based row', () => {
    const d = csv(
      table(
        ['grade', 'y'],
        [
          ['1', 'a'],
          ['low', 'b'],
          ['3', 'a'],
        ],
      ),
      'grades.csv',
    );
    expect(() =>
      buildModelFrame(d, {
        target: 'y',
        task: 'classification',
        features: ['grade'],
        columnTypes: { grade: 'numeric' },
      }),
    ).toThrow("grades.csv: column 'grade' cannot be used as a number: row 2 holds 'low'.");
  });
});
