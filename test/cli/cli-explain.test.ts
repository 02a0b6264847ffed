import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/main';
import {
  DEFAULT_LIME_SETTINGS,
  defaultTrainSettings,
  explainDataRow,
  readDatasetFile,
  trainModel,
} from '../../src-main/engine';

const path = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const breastCancer = path('../../assets/samples/breast_cancer.csv');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out, err };
}
afterEach(() => vi.restoreAllMocks());

describe('cli explain', () => {
  it('prints the documented JSON with values equal to the engine for the same settings', async () => {
    const { code, out, err } = await run(['explain', '--data', breastCancer, '--row', '7', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['dataset', 'split', 'model', 'importances', 'explanation']);
    expect(report.dataset).toEqual({
      file: 'breast_cancer.csv',
      rows: 569,
      features: 30,
      classes: ['benign', 'malignant'],
      target: 'diagnosis',
      task: 'classification',
    });
    expect(report.split).toEqual({ train: 455, test: 114 });
    expect(report.model.confusionMatrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(114);

    const dataset = await readDatasetFile(breastCancer);
    const model = trainModel(dataset, defaultTrainSettings(dataset, 'diagnosis'));
    const e = await explainDataRow(model, dataset, 7, DEFAULT_LIME_SETTINGS);
    expect(report.model.accuracy).toBe(model.metrics.task === 'classification' && model.metrics.accuracy);
    expect(report.explanation.weights).toEqual(
      e.weights.map(({ feature, condition, weight }) => ({ feature, condition, weight })),
    );
    expect(report.explanation.weights).toHaveLength(8);
    expect(report.explanation.label).toBe(e.label === 1 ? 'malignant' : 'benign');
    const p = report.explanation.probabilities;
    expect(p.benign + p.malignant).toBeCloseTo(1, 12);
    expect(report.importances).toHaveLength(30);
  });

  it('honours --seed, --trees, --num-features and --num-samples', async () => {
    const { out } = await run([
      'explain',
      '--data',
      breastCancer,
      '--row',
      '0',
      '--json',
      '--seed',
      '3',
      '--trees',
      '10',
      '--num-features',
      '4',
      '--num-samples',
      '500',
    ]);
    const report = JSON.parse(out);
    expect(report.explanation.weights).toHaveLength(4);
  });

  it('prints readable tables without --json', async () => {
    const { code, out } = await run(['explain', '--data', breastCancer, '--row', '0']);
    expect(code).toBe(0);
    expect(out).toMatch(/breast_cancer\.csv: 569 rows, 30 features, target 'diagnosis'/);
    expect(out).toMatch(/455 train \/ 114 test/);
    expect(out).toMatch(/worst (area|radius|perimeter|concave points) > /);
  });

  it.each([
    [['explain', '--data', path('nope.csv'), '--row', '0'], /nope\.csv.*does not exist/],
    [
      ['explain', '--data', path('../fixtures/data/ragged.csv'), '--row', '0'],
      /ragged\.csv, line 4: expected 3 fields .* found 2/,
    ],
    [
      ['explain', '--data', path('fixtures/one-class.csv'), '--row', '0', '--target', 'outcome'],
      /one-class\.csv.*only one class 'yes'/,
    ],
    [['explain', '--data', breastCancer, '--row', '569'], /569 data rows \(0 to 568\)/],
    [['explain', '--data', breastCancer, '--row', 'x'], /--row must be a whole number/],
    [['explain', '--data', breastCancer, '--row', '1', '--target', 'nope'], /no column 'nope'/],
    [['frobnicate'], /Unknown command 'frobnicate'/],
  ])('fails with a specific message on stderr and exit code 2: %j', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('runs as `npm run cli` with a non-zero exit code on error', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path('../../src-main/cli/index.ts'),
        'explain',
        '--data',
        path('nope.csv'),
        '--row',
        '0',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: Cannot read .*nope\.csv/);
  });
});
