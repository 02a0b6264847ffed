import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src-main/engine/errors';
import { loadDataset } from '../../../src-main/engine/data/loadDataset';
import type { Dataset } from '../../../src-main/engine/data/types';
import { distancesToFirstRow } from '../../../src-main/engine/lime/kernels';
import { QuartileDiscretizer } from '../../../src-main/engine/lime/percentileDiscretizers';
import { TruncatedNormal } from '../../../src-main/engine/lime/truncatedNormal';
import { defaultTrainSettings } from '../../../src-main/engine/pipeline/defaultTrainSettings';
import { explainDataRow } from '../../../src-main/engine/pipeline/explainDataRow';
import { trainModel } from '../../../src-main/engine/pipeline/trainModel';
import { DEFAULT_LIME_SETTINGS, type LimeSettings } from '../../../src-main/engine/pipeline/types';
import { createRng } from '../../../src-main/engine/random/rng';

const read = (text: string, name = 'n.csv'): Dataset => loadDataset(new TextEncoder().encode(text), name);
const rows = (n: number, line: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => line(i)).join('\n');

async function trainAndExplain(
  data: Dataset,
  target: string,
  lime: Partial<LimeSettings> = {},
): Promise<readonly { weight: number }[]> {
  const model = trainModel(data, defaultTrainSettings(data, target, { nEstimators: 10 }));
  const explanation = await explainDataRow(model, data, 0, {
    ...DEFAULT_LIME_SETTINGS,
    numSamples: 400,
    ...lime,
  });
  return explanation.weights;
}

describe('numbers beyond the double range', () => {
  it('reads 1e309 and -1e400 as missing, counted, with a warning naming the column and row', () => {
    const data = read('a,b\n1,x\n1e309,y\n3,x\n-1e400,y\n5,x\n', 'inf.csv');
    expect([...(data.values[0] as Float64Array)]).toEqual([1, NaN, 3, NaN, 5]);
    expect(data.columns[0]).toMatchObject({
      name: 'a',
      kind: 'numeric',
      missing: 2,
      nonFinite: 2,
      min: 1,
      max: 5,
      mean: 3,
    });
    expect(data.columns[1].nonFinite).toBeUndefined();
    expect(data.warnings).toContain(
      "Column 'a': 2 values beyond the range of numbers (±1.8e308) were read as missing (first: '1e309' in row 3).",
    );
  });

  it('names the sheet row for an XLSX-like row map and uses the singular for one value', () => {
    const data = read('a,b\n1,x\n2,y\n1e999,x\n', 'one.csv');
    expect(data.warnings).toContain(
      "Column 'a': A value beyond the range of numbers (±1.8e308) was read as missing (first: '1e999' in row 4).",
    );
  });

  it('trains and explains a table that held 1e309, with finite weights', async () => {
    const data = read('a,b,y\n' + rows(60, (i) => `${i === 0 ? '1e309' : i},${i % 7},${i % 2 ? 'p' : 'q'}`));
    const weights = await trainAndExplain(data, 'y');
    expect(weights.length).toBeGreaterThan(0);
    for (const w of weights) expect(Number.isFinite(w.weight)).toBe(true);
  });
});

describe('finite values near ±1.8e308', () => {
  const huge =
    'a,b,y\n' + rows(60, (i) => `${(i % 2 ? 5e307 : -5e307) * (1 + i / 100)},${i % 7},${i % 2 ? 'p' : 'q'}`);

  it('summarise to a finite mean and std', () => {
    const column = read(huge).columns[0];
    expect(column.mean).toBeCloseTo(2.5e305, -300);
    expect(Number.isFinite(column.std)).toBe(true);
    expect(column.std! / 5e307).toBeGreaterThan(1);
  });

  it.each([
    ['quartile bins', 'quartile' as const],
    ['no discretizer', null],
  ])('explain with %s without overflow', async (_, discretizer) => {
    const weights = await trainAndExplain(read(huge), 'y', { discretizer });
    expect(weights.length).toBe(2);
    for (const w of weights) expect(Number.isFinite(w.weight)).toBe(true);
    // 'a' alone decides the class (its sign), so it must carry weight.
    expect(Math.max(...weights.map((w) => Math.abs(w.weight)))).toBeGreaterThan(0.1);
  });

  it('bin statistics stay finite and bin draws stay inside their bins', () => {
    const values = [-1.7e308, -1.6e308, -1e308, 1e308, 1.6e308, 1.7e308, 1.65e308, -1.65e308];
    const d = new QuartileDiscretizer(
      values.map((v) => [v]),
      [],
      ['a'],
    );
    expect(d.means[0].every(Number.isFinite)).toBe(true);
    expect(d.stds[0].every((s) => Number.isFinite(s) && s > 0)).toBe(true);
    const rng = createRng(1);
    const samplers = d.binSamplers(0);
    for (let b = 0; b < samplers.length; b++) {
      for (let k = 0; k < 50; k++) {
        const x = samplers[b].fromUniform(rng.next());
        expect(x).toBeGreaterThanOrEqual(d.mins[0][b]);
        expect(x).toBeLessThanOrEqual(d.maxs[0][b]);
      }
    }
  });

  it('a truncated normal with scale 1e308 draws finite values in its bounds', () => {
    const t = new TruncatedNormal(-1.7, 1.7, 0, 1e308);
    for (const u of [0, 0.001, 0.5, 0.999]) {
      const x = t.fromUniform(u);
      expect(Math.abs(x)).toBeLessThanOrEqual(1.7e308);
    }
    expect(t.fromUniform(0.999)).toBeGreaterThan(1e308);
  });

  it('euclidean distances of huge rows are scaled before squaring', () => {
    const d = distancesToFirstRow(Float64Array.from([0, 0, 3e200, 4e200, 1, 1]), 3, 2, 'euclidean');
    expect(d[1]).toBeCloseTo(5e200, -190);
    expect(d[2]).toBeCloseTo(Math.SQRT2, 12);
  });
});

describe('regression targets too large to average', () => {
  it('are refused with a message naming the column and the limit', () => {
    const data = read('a,y\n' + rows(40, (i) => `${i % 5},${1e307 * (1 + i / 10)}`), 'big.csv');
    let error: unknown;
    try {
      trainModel(data, defaultTrainSettings(data, 'y', { task: 'regression', nEstimators: 5 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toBe(
      "big.csv: the target column 'y' has values as large as 4.9e+307; regression can average values only up to ±1e+150. " +
        'Rescale the column (for example, express it in larger units) and open the file again.',
    );
    expect((error as UserFacingError).details).toMatchObject({ column: 'y', code: 'target.too-large' });
  });

  it('up to 1e140 train and explain with finite weights', async () => {
    const data = read('a,y\n' + rows(60, (i) => `${i % 7},${1e140 * ((i % 7) + 1 + i / 1000)}`));
    const model = trainModel(data, defaultTrainSettings(data, 'y', { task: 'regression', nEstimators: 10 }));
    expect(model.metrics.task === 'regression' && Number.isFinite(model.metrics.r2)).toBe(true);
    const explanation = await explainDataRow(model, data, 0, { ...DEFAULT_LIME_SETTINGS, numSamples: 300 });
    for (const w of explanation.weights) expect(Number.isFinite(w.weight)).toBe(true);
  });
});
